/**
 * The lockout rule through the gateway, on a system whose clock the test moves: 5 failed
 * attempts in a row within 15 minutes lock verification for 30 minutes (the defaults, config.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsOf, type As } from '../../support/fixtures.ts';
import { base64, isoRecord, syntheticFingerSet } from '../../support/biometrics/templates.ts';
import { startSeededSystem, type SeededSystem } from '../../support/seeded-system.ts';
import { PURPOSE, STATUS, VERIFY, crowdCurps, enrolFingerprint, officerFor } from './support.ts';

const fingers = syntheticFingerSet(20_261_204);
const genuine = base64(isoRecord(fingers.genuine));
const impostor = base64(isoRecord(fingers.impostor));
const MINUTE = 60_000;

describe('biometrics: lockout after repeated failures', () => {
  let system: SeededSystem;
  let as: As;
  let now = Date.parse('2026-12-01T15:00:00Z');

  beforeAll(async () => {
    system = await startSeededSystem({ now: () => new Date(now), env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    as = clientsOf(system);
  });
  afterAll(() => system?.close());

  const verify = async (curp: string, probe: string) =>
    (await officerFor(as, curp).query(VERIFY, { i: { curp, modality: 'FINGERPRINT', probe } })).data?.verifyBiometric;
  const results = async (curp: string, probes: string[]) => {
    const out: string[] = [];
    for (const probe of probes) {
      out.push((await verify(curp, probe)).result);
      now += MINUTE;
    }
    return out;
  };

  it('the fifth failure in a row locks; while locked even a genuine probe is refused without comparing', async () => {
    const [curp] = await crowdCurps(system, 10);
    await enrolFingerprint(as, curp!, base64(isoRecord(fingers.enrolled)));
    expect(await results(curp!, [impostor, impostor, impostor, impostor])).toEqual(['NO_MATCH', 'NO_MATCH', 'NO_MATCH', 'NO_MATCH']);
    const fifth = await verify(curp!, impostor);
    expect(fifth).toMatchObject({ result: 'NO_MATCH', lockedUntil: new Date(now + 30 * MINUTE).toISOString() });
    now += MINUTE;
    const refused = await verify(curp!, genuine);
    expect(refused).toMatchObject({ result: 'LOCKED', score: null, lockedUntil: fifth.lockedUntil });
    const status = await officerFor(as, curp).query(STATUS, { c: curp });
    expect(status.data?.person.biometricStatus).toMatchObject({ lockedUntil: fifth.lockedUntil, verifiedIdentityCurrent: false });
  });

  it('the lock ends after its period, and the person then has a fresh set of attempts', async () => {
    const [curp] = await crowdCurps(system, 11);
    await enrolFingerprint(as, curp!, base64(isoRecord(fingers.enrolled)));
    await results(curp!, [impostor, impostor, impostor, impostor, impostor]);
    now += 30 * MINUTE;
    expect(await results(curp!, [impostor, genuine])).toEqual(['NO_MATCH', 'MATCH']);
  });

  it('a match resets the count, and failures older than 15 minutes no longer count', async () => {
    const [curp] = await crowdCurps(system, 12);
    await enrolFingerprint(as, curp!, base64(isoRecord(fingers.enrolled)));
    expect(await results(curp!, [impostor, impostor, impostor, impostor, genuine, impostor, impostor, impostor, impostor]))
      .toEqual(['NO_MATCH', 'NO_MATCH', 'NO_MATCH', 'NO_MATCH', 'MATCH', 'NO_MATCH', 'NO_MATCH', 'NO_MATCH', 'NO_MATCH']);
    now += 16 * MINUTE;
    expect((await verify(curp!, impostor)).lockedUntil).toBeNull();
  });
});
