/**
 * Real processes for tests that need them (shutdown under load): a subgraph or the gateway forked
 * exactly as `npm start` forks them, in production mode with keys generated for the test and
 * passed in the environment, as an operator would.
 */
import type { ChildProcess } from 'node:child_process';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import type { SubgraphName } from '../../schema/subgraphs.ts';
import { forkScript, readyUrl } from './fork-script.ts';
import { TEST_AUTH } from './keys.ts';

const root = new URL('../..', import.meta.url).pathname;

export interface ProductionKeys {
  gatewaySigningKey: KeyObject;
  idpPrivateKey: KeyObject;
  /** Environment of the gateway process. */
  gatewayEnv: Record<string, string>;
  /** Environment of one subgraph process. */
  subgraphEnv(name: SubgraphName): Record<string, string>;
}

const pem = (key: KeyObject) => key.export(key.type === 'private' ? { type: 'pkcs8', format: 'pem' } : { type: 'spki', format: 'pem' }).toString();

export function productionKeys(): ProductionKeys {
  const gateway = generateKeyPairSync('ed25519');
  const idp = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const documents = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const audit = generateKeyPairSync('ed25519');
  return {
    gatewaySigningKey: gateway.privateKey,
    idpPrivateKey: idp.privateKey,
    gatewayEnv: {
      NODE_ENV: 'production',
      GATEWAY_SIGNING_KEY: pem(gateway.privateKey),
      AUTH_ISSUER: TEST_AUTH.issuer,
      AUTH_AUDIENCE: TEST_AUTH.audience,
      AUTH_PUBLIC_KEY: pem(idp.publicKey),
      DOCUMENT_PUBLIC_KEYS: pem(documents.publicKey),
    },
    // One document and audit key serve every subgraph of the test: enough for one process each.
    subgraphEnv: () => ({
      NODE_ENV: 'production',
      GATEWAY_PUBLIC_KEY: pem(gateway.publicKey),
      DOCUMENT_SIGNING_KEY: pem(documents.privateKey),
      DOCUMENT_PUBLIC_KEYS: pem(documents.publicKey),
      AUDIT_SIGNING_KEY: pem(audit.privateKey),
    }),
  };
}

export interface StartedProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/** Forks `script` (relative to the repository) and resolves once it reports { ready, url } over IPC. */
export async function startProcess(script: string, args: string[], env: Record<string, string>): Promise<StartedProcess> {
  let output = '';
  const forked = forkScript(join(root, script), args, {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    ready: readyUrl,
    timeoutMs: 90_000,
    explain: () => output,
  });
  forked.child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  forked.child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await forked.ready;
  return { child: forked.child, url, output: () => output, exited: forked.exited };
}
