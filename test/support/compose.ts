/**
 * compose.yaml and the Dockerfile as data, for the deployment tests: the services, what each
 * container runs (the image's ENTRYPOINT + the service's command) and the environment it gets
 * (the image's ENV, then the env files, then `environment`, as compose merges them).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseEnvFile, type ComposeEnv, type EnvVars } from '../../gateway/deploy/compose-env.ts';
import { parseYamlSubset, type YamlValue } from './yaml-subset.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const APP_IMAGE = 'imss-federation:local';

export interface ComposeService {
  image?: string;
  build?: string;
  command?: string[];
  env_file?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  ports?: string[];
  volumes?: string[];
  networks?: string[];
  profiles?: string[];
  user?: string;
  [key: string]: unknown;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  networks: Record<string, { internal?: boolean }>;
  volumes: Record<string, YamlValue>;
}

export function readComposeFile(): ComposeFile {
  return parseYamlSubset(readFileSync(`${ROOT}compose.yaml`, 'utf8')) as unknown as ComposeFile;
}

export interface Dockerfile {
  /** Instructions of the final stage, in order: [instruction, arguments text]. */
  final: Array<[string, string]>;
  /** Instructions of every stage, in order. */
  all: Array<[string, string]>;
  stages: string[];
  text: string;
  env: EnvVars;
  user: string | null;
  entrypoint: string[];
  cmd: string[];
}

export function readDockerfile(): Dockerfile {
  const text = readFileSync(`${ROOT}Dockerfile`, 'utf8');
  // Join continuation lines, drop comments.
  const instructions = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const space = line.indexOf(' ');
      return [line.slice(0, space).toUpperCase(), line.slice(space + 1).trim()] as [string, string];
    });
  const stages = instructions.filter(([op]) => op === 'FROM').map(([, args]) => args);
  const lastFrom = instructions.map(([op]) => op).lastIndexOf('FROM');
  const final = instructions.slice(lastFrom);
  const env: EnvVars = {};
  for (const [op, args] of final) {
    if (op !== 'ENV') continue;
    for (const pair of args.split(/\s+/)) {
      const [name, ...value] = pair.split('=');
      env[name!] = value.join('=');
    }
  }
  const json = (op: string) => JSON.parse(final.findLast(([o]) => o === op)?.[1] ?? '[]') as string[];
  return { final, all: instructions, stages, text, env, user: final.findLast(([op]) => op === 'USER')?.[1] ?? null, entrypoint: json('ENTRYPOINT'), cmd: json('CMD') };
}

/**
 * The source file a container's compiled one is built from (gateway/deploy/build.ts mirrors the
 * tree): `gateway/index.js` → `gateway/index.ts`.
 */
export function sourceOf(compiled: string): string {
  return compiled.replace(/\.js$/, '.ts');
}

/** What a service's container runs: argv after the image's entrypoint. */
export function containerArgv(service: ComposeService, image: Dockerfile): string[] {
  return [...image.entrypoint, ...(service.command ?? image.cmd)];
}

/** The env file a service names, read from the generated set instead of .data/compose/. */
function envFileVars(path: string, generated: ComposeEnv): EnvVars {
  const name = path.split('/').at(-1)!;
  const vars = generated.files[name];
  if (!vars) throw new Error(`compose.yaml names ${path}, which npm run deploy:env does not write`);
  // Through the same text form compose reads.
  return parseEnvFile(Object.entries(vars).map(([k, v]) => `${k}=${v}`).join('\n'));
}

/** The environment of a service's container, with the generated env files. */
export function serviceEnv(service: ComposeService, image: Dockerfile, generated: ComposeEnv): EnvVars {
  const files = (service.env_file ?? []).map((path) => envFileVars(path, generated));
  const fromImage = service.image === APP_IMAGE ? image.env : {};
  return Object.assign({}, fromImage, ...files, service.environment ?? {}) as EnvVars;
}

/** Services that run our image (the rest are PostgreSQL, Redis, nginx). */
export function appServices(compose: ComposeFile): Array<[string, ComposeService]> {
  return Object.entries(compose.services).filter(([, service]) => service.image === APP_IMAGE);
}
