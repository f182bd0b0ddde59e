/**
 * Development identity provider: mints ES256 client tokens with the dev key pair from keys.ts, one
 * per role, so the system can be tried without a real identity provider. The scope values are the
 * ones the demo seed data uses, so each example token sees data. Never wired in production.
 */
import type { KeyObject } from 'node:crypto';
import { SignJWT, type CryptoKey } from 'jose';
import { ROLES, type Role } from '../../schema/identity/viewer.ts';
import { curpCheckDigit } from '../../schema/scalars/identifiers/curp.ts';

/** Issuer and audience the gateway expects in development. */
export const DEV_TOKEN_SETTINGS = Object.freeze({ issuer: 'imss-dev-idp', audience: 'imss-federation' });

/**
 * Synthetic scopes shared with the demo seed data. The CURP belongs to no one (a made-up
 * "GOMA", born 1980-01-01 in CDMX) but has a valid check digit, so domain validation accepts it.
 */
export const DEV_SCOPES = Object.freeze({
  curp: `GOMA800101HDFRRN0${curpCheckDigit('GOMA800101HDFRRN0')}`,
  consulateId: 'CON-LAX',
  employerRegistration: 'Y1234567101',
  bankId: 'BANK-001',
  subdelegation: '01',
});

const ROLE_CLAIMS: Record<Role, Record<string, unknown>> = {
  INSURED: { curp: DEV_SCOPES.curp },
  CONSULATE_STAFF: { consulate_id: DEV_SCOPES.consulateId },
  EMPLOYER: { employer_registrations: [DEV_SCOPES.employerRegistration] },
  BANK: { bank_id: DEV_SCOPES.bankId },
  ANALYST: {},
  IMSS_OFFICER: { subdelegation: DEV_SCOPES.subdelegation },
};

export interface DevTokenSettings {
  issuer: string;
  audience: string;
}

export interface DevTokenOverrides {
  /** @default `dev-<role>` in kebab case, e.g. `dev-consulate-staff` */
  subject?: string;
  /**
   * Claims merged over the role's defaults: another scope, extra roles, or deliberately broken
   * claims for negative tests (`{ roles: ['ROOT'] }`, `{ curp: null }`).
   */
  claims?: Record<string, unknown>;
  /**
   * Seconds from now until `exp`. Negative gives an already expired token for tests
   * (`{ expiresInSeconds: -60 }`).
   * @default 43_200 (12 h)
   */
  expiresInSeconds?: number;
  /** Seconds from now until `nbf`; positive gives a not-yet-valid token. @default undefined (no `nbf`) */
  notBeforeSeconds?: number;
}

/** One ES256 token for `role` with the DEV_SCOPES scope, signed by the development identity provider. */
export async function mintDevToken(
  privateKey: KeyObject | CryptoKey,
  settings: DevTokenSettings,
  role: Role,
  overrides: DevTokenOverrides = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ roles: [role], ...ROLE_CLAIMS[role], ...overrides.claims })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setSubject(overrides.subject ?? `dev-${role.toLowerCase().replaceAll('_', '-')}`)
    .setIssuedAt(now)
    .setExpirationTime(now + (overrides.expiresInSeconds ?? 12 * 60 * 60));
  if (overrides.notBeforeSeconds !== undefined) jwt.setNotBefore(now + overrides.notBeforeSeconds);
  return jwt.sign(privateKey);
}

/** One token per role (12 h), for the development banner and for tests. */
export async function exampleTokens(privateKey: KeyObject | CryptoKey, settings: DevTokenSettings): Promise<Record<Role, string>> {
  const entries = await Promise.all(ROLES.map(async (role) => [role, await mintDevToken(privateKey, settings, role)] as const));
  return Object.fromEntries(entries) as Record<Role, string>;
}
