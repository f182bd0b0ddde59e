/**
 * The secrets of a compose.yaml deployment, one env file per service (README, "Containers"):
 * fresh keys of every kind the production loaders require (schema/runtime/keys.ts,
 * gateway/auth/keys.ts), the database administrator's password and one password per subgraph
 * role. Each process gets only its own private keys: a subgraph never sees the gateway's signing
 * key or another subgraph's document or audit key.
 *
 * Values are written unquoted on one line, PEM line breaks as a literal `\n` (pemOrValue turns it
 * back), and restricted to characters that no env-file reader interprets (no quotes, `$` or `#`;
 * the only spaces are inside PEM armour lines), so `docker compose` and `docker run --env-file` read
 * the same thing.
 */
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { subgraphRole } from '../../db/privileges.ts';
import { SUBGRAPH_NAMES, DEFAULT_SUBGRAPH_PORTS, type SubgraphName } from '../../schema/subgraphs.ts';

/** Where `npm run deploy:env` writes, relative to the checkout (under the git-ignored .data/). */
export const COMPOSE_ENV_DIR = '.data/compose';

/** Issuer and audience of the trial identity provider the generator creates when none is given. */
export const TRIAL_IDP = Object.freeze({ issuer: 'imss-trial-idp', audience: 'imss-federation' });

/** The private key of the trial identity provider (mints trial tokens; never needed by a container). */
export const TRIAL_IDP_KEY_FILE = 'trial-idp-private.pem';

export interface IdentityProviderSettings {
  issuer: string;
  audience: string;
  /** The provider's JWKS endpoint (https). */
  jwksUrl: string;
}

export interface ComposeEnvOptions {
  /** The operator's identity provider. Without it a trial key pair is generated (for trying the stack only). */
  identityProvider?: IdentityProviderSettings;
  /** Fixed passwords (tests); random 32-byte ones otherwise. */
  passwords?: Partial<Record<SubgraphName | 'admin', string>>;
  /** Where the containers reach PostgreSQL. @default postgres:5432, database imss */
  database?: { host: string; port: number; name: string };
}

export type EnvVars = Record<string, string>;

export interface ComposeEnv {
  /** File name (in COMPOSE_ENV_DIR) → its variables. */
  files: Record<string, EnvVars>;
  /** PKCS8 PEM of the trial identity provider, or null when the operator's provider is used. */
  trialIdpPrivateKeyPem: string | null;
}

/** The env files compose.yaml reads; each service lists the ones it needs. */
export const COMPOSE_ENV_FILES = ['postgres.env', 'migrate.env', 'gateway.env', 'audit.env', 'biometric-master-keys.env', ...SUBGRAPH_NAMES.map((name) => `${name}.env`)] as const;

const pem = (key: KeyObject, type: 'pkcs8' | 'spki') => key.export({ type, format: 'pem' }).toString().trim();
const oneLine = (text: string) => text.replace(/\n/g, '\\n');
const password = () => randomBytes(32).toString('base64url');

export function generateComposeEnv(options: ComposeEnvOptions = {}): ComposeEnv {
  const database = options.database ?? { host: 'postgres', port: 5432, name: 'imss' };
  const secret = (who: SubgraphName | 'admin') => options.passwords?.[who] ?? password();
  const adminPassword = secret('admin');
  const urlFor = (user: string, pass: string) => `postgres://${user}:${encodeURIComponent(pass)}@${database.host}:${database.port}/${database.name}`;
  const adminUrl = urlFor('postgres', adminPassword);
  const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_DATABASE_URL`, urlFor(subgraphRole(name), secret(name))]));

  const gateway = generateKeyPairSync('ed25519');
  const documents = SUBGRAPH_NAMES.map(() => generateKeyPairSync('ec', { namedCurve: 'P-256' }));
  const audit = SUBGRAPH_NAMES.map(() => generateKeyPairSync('ed25519'));
  const documentPublicKeys = oneLine(documents.map((pair) => pem(pair.publicKey, 'spki')).join('\n'));
  const gatewayPublicKey = oneLine(pem(gateway.publicKey, 'spki'));

  const trial = options.identityProvider ? null : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const auth: EnvVars = options.identityProvider
    ? { AUTH_ISSUER: options.identityProvider.issuer, AUTH_AUDIENCE: options.identityProvider.audience, AUTH_JWKS_URL: options.identityProvider.jwksUrl }
    : { AUTH_ISSUER: TRIAL_IDP.issuer, AUTH_AUDIENCE: TRIAL_IDP.audience, AUTH_PUBLIC_KEY: oneLine(pem(trial!.publicKey, 'spki')) };

  const masterKeyId = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`;
  const files: Record<string, EnvVars> = {
    'postgres.env': { POSTGRES_USER: 'postgres', POSTGRES_PASSWORD: adminPassword, POSTGRES_DB: database.name },
    // The administrator runs the migrations; the subgraph URLs give each role its login (db/role-logins.ts).
    'migrate.env': { DATABASE_URL: adminUrl, ...subgraphUrls },
    'gateway.env': { GATEWAY_SIGNING_KEY: oneLine(pem(gateway.privateKey, 'pkcs8')), GATEWAY_PUBLIC_KEY: gatewayPublicKey, DOCUMENT_PUBLIC_KEYS: documentPublicKeys, ...auth },
    'audit.env': { DATABASE_URL: adminUrl, AUDIT_PUBLIC_KEYS: oneLine(audit.map((pair) => pem(pair.publicKey, 'spki')).join('\n')) },
    'biometric-master-keys.env': { BIOMETRIC_MASTER_KEYS: `${masterKeyId}:${randomBytes(32).toString('base64')}`, BIOMETRIC_MASTER_KEY_ID: masterKeyId },
  };
  SUBGRAPH_NAMES.forEach((name, i) => {
    files[`${name}.env`] = {
      GATEWAY_PUBLIC_KEY: gatewayPublicKey,
      DOCUMENT_SIGNING_KEY: oneLine(pem(documents[i]!.privateKey, 'pkcs8')),
      DOCUMENT_PUBLIC_KEYS: documentPublicKeys,
      AUDIT_SIGNING_KEY: oneLine(pem(audit[i]!.privateKey, 'pkcs8')),
      [`${name.toUpperCase()}_DATABASE_URL`]: subgraphUrls[`${name.toUpperCase()}_DATABASE_URL`]!,
    };
  });
  return { files, trialIdpPrivateKeyPem: trial ? `${pem(trial.privateKey, 'pkcs8')}\n` : null };
}

/** Characters every env-file reader takes literally (see the module comment). */
export const SAFE_ENV_VALUE = /^[A-Za-z0-9+/=_.,:@%\\ -]*$/;

export function formatEnvFile(vars: EnvVars, header: string): string {
  const lines = Object.entries(vars).map(([name, value]) => {
    if (!SAFE_ENV_VALUE.test(value)) throw new RangeError(`${name} holds characters an env file would interpret`);
    return `${name}=${value}`;
  });
  return `# ${header}\n${lines.join('\n')}\n`;
}

/** Reads what formatEnvFile writes (and plain KEY=value files): comments and blank lines skipped, no quoting. */
export function parseEnvFile(text: string): EnvVars {
  const vars: EnvVars = {};
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const equals = trimmed.indexOf('=');
    if (equals <= 0) throw new SyntaxError(`not NAME=value: ${trimmed.slice(0, 20)}`);
    vars[trimmed.slice(0, equals)] = trimmed.slice(equals + 1);
  }
  return vars;
}

/** The URL the gateways reach a subgraph at inside the compose network. */
export function composeSubgraphUrl(name: SubgraphName): string {
  return `http://${name}:${DEFAULT_SUBGRAPH_PORTS[name]}/graphql`;
}
