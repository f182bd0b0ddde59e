/** Slot keys: stable, readable, reversible. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppointmentRuleError, parseSlotKey, slotKey } from '../../../subgraphs/appointments/rules/index.ts';

describe('slot keys', () => {
  it('join office, service and the UTC start', () => {
    expect(slotKey('CON-LAX', 'PROOF_OF_LIFE', new Date('2026-03-09T16:00:00Z'))).toBe('CON-LAX/PROOF_OF_LIFE/2026-03-09T16:00:00.000Z');
  });

  it('are equal for the same instant however it was built', () => {
    expect(slotKey('IMSS-39', 'GENERAL_ADVICE', new Date('2026-03-09T09:00:00-06:00')))
      .toBe(slotKey('IMSS-39', 'GENERAL_ADVICE', new Date(Date.UTC(2026, 2, 9, 15))));
  });

  it('round-trip through parseSlotKey', () => {
    fc.assert(fc.property(
      fc.stringMatching(/^[A-Z0-9-]{1,12}$/), fc.constantFrom('PROOF_OF_LIFE', 'NSS_ASSIGNMENT'),
      fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
      (office, service, ms) => {
        const parsed = parseSlotKey(slotKey(office, service, new Date(ms)));
        return parsed !== null && parsed.officeId === office && parsed.service === service && parsed.startsAt.getTime() === ms;
      },
    ));
  });

  it('refuse an office or service containing the separator', () => {
    expect(() => slotKey('CON/LAX', 'X', new Date(0))).toThrow(AppointmentRuleError);
    expect(() => slotKey('CON-LAX', '', new Date(0))).toThrow(AppointmentRuleError);
    expect(() => slotKey('CON-LAX', 'X', new Date(Number.NaN))).toThrow(AppointmentRuleError);
  });

  it.each([
    'CON-LAX/PROOF_OF_LIFE',
    'CON-LAX/PROOF_OF_LIFE/2026-03-09T16:00:00Z', // not the toISOString form
    'CON-LAX/PROOF_OF_LIFE/not-a-date',
    '/PROOF_OF_LIFE/2026-03-09T16:00:00.000Z',
    'A/B/C/2026-03-09T16:00:00.000Z',
  ])('parseSlotKey rejects %s', (key) => {
    expect(parseSlotKey(key)).toBeNull();
  });
});
