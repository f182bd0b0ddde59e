/** One employment in force per worker and registro patronal. Synthetic CURPs and registrations. */
import { describe, expect, it } from 'vitest';
import { openEmploymentConflict } from '../../../subgraphs/enrollments/rules/movements/index.ts';

const curp = 'XEXX900101HDFXXX04';
const row = (over: Partial<Parameters<typeof openEmploymentConflict>[0][number]> = {}) => ({
  id: 'e1', curp, kind: 'EMPLOYMENT', employerRegistration: 'Y1234567101', startDate: '2020-01-01', endDate: null as string | null, ...over,
});

describe('open employment conflict', () => {
  it('refuses a second open employment under the same registration', () => {
    const conflict = openEmploymentConflict([row()], { curp, employerRegistration: 'Y12-34567-10-1', startDate: '2026-03-17' });
    expect(conflict).toMatchObject({ code: 'EMPLOYMENT_ALREADY_OPEN', conflictingRow: { id: 'e1' } });
    expect(conflict?.message).toContain('2020-01-01');
  });

  it('allows a reingreso after the previous baja', () => {
    expect(openEmploymentConflict([row({ endDate: '2026-03-13' })], { curp, employerRegistration: 'Y1234567101', startDate: '2026-03-14' })).toBeNull();
  });

  it('refuses an alta starting on or before the day a previous employment there ended', () => {
    const rows = [row({ endDate: '2026-03-13' })];
    expect(openEmploymentConflict(rows, { curp, employerRegistration: 'Y1234567101', startDate: '2026-03-13' })?.code).toBe('EMPLOYMENT_OVERLAPS_PREVIOUS');
    expect(openEmploymentConflict(rows, { curp, employerRegistration: 'Y1234567101', startDate: '2019-06-01' })?.code).toBe('EMPLOYMENT_OVERLAPS_PREVIOUS');
  });

  it('allows employments under other registrations, for other workers and of other kinds', () => {
    const rows = [
      row({ employerRegistration: 'B9876543101' }),
      row({ curp: 'XAXX800101MDFXXX07' }),
      row({ kind: 'INDEPENDENT_WORKER', employerRegistration: null }),
    ];
    expect(openEmploymentConflict(rows, { curp, employerRegistration: 'Y1234567101', startDate: '2026-03-17' })).toBeNull();
  });

  it('does not let a row conflict with itself when it is re-checked', () => {
    expect(openEmploymentConflict([row()], { id: 'e1', curp, employerRegistration: 'Y1234567101', startDate: '2020-01-01' })).toBeNull();
  });
});
