/**
 * Filing windows and effective dates of IDSE movements (LSS art. 15-I, 34; RACERF art. 45, 57;
 * docs/domain.md §6). Expected dates are worked out by hand from a printed calendar: in March 2026
 * Monday 16 is a rest day, so the week of 13 March is Fri 13, (Sat 14, Sun 15, Mon 16), Tue 17.
 */
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../subgraphs/enrollments/rules/calendar/index.ts';
import {
  BAJA_CAUSES, evaluateFiling, filingDeadline, filingWindow, findBajaCause, IDSE_MOVEMENT_CODES,
  MOVEMENT_FILING_RULES, MovementRuleError, movementKindOfCode,
} from '../../../subgraphs/enrollments/rules/movements/index.ts';

const calendar = createBusinessCalendar();

describe('IDSE catalogue', () => {
  it('maps the movement codes 08, 02 and 07 both ways', () => {
    expect(IDSE_MOVEMENT_CODES).toEqual({ ALTA: '08', BAJA: '02', SALARY_CHANGE: '07' });
    expect(movementKindOfCode('08')).toBe('ALTA');
    expect(movementKindOfCode('02')).toBe('BAJA');
    expect(movementKindOfCode('07')).toBe('SALARY_CHANGE');
    expect(movementKindOfCode('99')).toBeNull();
  });

  it('keeps the ten baja causes 1-9 and A as data, looked up case-insensitively', () => {
    expect(BAJA_CAUSES.map((c) => c.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', 'A']);
    expect(findBajaCause('a')?.name).toBe('Pensión');
    expect(findBajaCause('2')?.name).toBe('Separación voluntaria');
    expect(findBajaCause('B')).toBeUndefined();
  });
});

describe('alta', () => {
  const alta = { kind: 'ALTA' as const, eventDate: '2026-03-17' };

  it('may be filed from the business day before work starts, across a weekend and a rest day', () => {
    expect(filingWindow(alta, calendar)).toEqual({ earliestFilingDate: '2026-03-13', deadline: '2026-03-24' });
    expect(evaluateFiling({ ...alta, filedOn: '2026-03-13' }, calendar)).toEqual({
      earliestFilingDate: '2026-03-13', deadline: '2026-03-24', accepted: true, late: false, effectiveDate: '2026-03-17', issues: [],
    });
  });

  it('filed two business days before work starts is refused MOVEMENT_TOO_EARLY, naming the first allowed day', () => {
    const result = evaluateFiling({ ...alta, filedOn: '2026-03-12' }, calendar);
    expect(result).toMatchObject({ accepted: false, late: false, effectiveDate: null, issues: [{ code: 'MOVEMENT_TOO_EARLY' }] });
    expect(result.issues[0]!.message).toContain('2026-03-13');
  });

  it('is on time on the fifth business day after work starts and late the day after, keeping its start date', () => {
    expect(evaluateFiling({ ...alta, filedOn: '2026-03-24' }, calendar)).toMatchObject({ accepted: true, late: false });
    expect(evaluateFiling({ ...alta, filedOn: '2026-03-25' }, calendar)).toMatchObject({ accepted: true, late: true, effectiveDate: '2026-03-17' });
  });

  it('for work starting on a Monday, may be filed from the Friday before', () => {
    expect(filingWindow({ kind: 'ALTA', eventDate: '2026-03-09' }, calendar).earliestFilingDate).toBe('2026-03-06');
  });

  it('uses the configured day counts', () => {
    const rules = { ...MOVEMENT_FILING_RULES, filingBusinessDays: 3, altaEarlyBusinessDays: 2 };
    expect(filingWindow(alta, calendar, rules)).toEqual({ earliestFilingDate: '2026-03-12', deadline: '2026-03-20' });
  });
});

describe('baja', () => {
  const baja = { kind: 'BAJA' as const, eventDate: '2026-03-13', bajaCause: '2' };

  it('has five business days counted from the day after termination', () => {
    expect(filingDeadline(baja, calendar)).toBe('2026-03-23');
  });

  it('on time, takes effect on the termination date', () => {
    expect(evaluateFiling({ ...baja, filedOn: '2026-03-23' }, calendar)).toMatchObject({ accepted: true, late: false, effectiveDate: '2026-03-13' });
    expect(evaluateFiling({ ...baja, filedOn: '2026-03-13' }, calendar)).toMatchObject({ accepted: true, late: false, effectiveDate: '2026-03-13' });
  });

  it('filed late is accepted, late, and takes effect only the day after IMSS received it', () => {
    expect(evaluateFiling({ ...baja, filedOn: '2026-03-24' }, calendar)).toMatchObject({ accepted: true, late: true, effectiveDate: '2026-03-25', issues: [] });
    expect(evaluateFiling({ ...baja, filedOn: '2026-04-30' }, calendar)).toMatchObject({ late: true, effectiveDate: '2026-05-01' });
  });

  it('after a death, a late baja keeps the date of death', () => {
    expect(evaluateFiling({ ...baja, bajaCause: '4', filedOn: '2026-04-30' }, calendar)).toMatchObject({ late: true, effectiveDate: '2026-03-13' });
  });

  it('after an IMSS-awarded pension, a late baja takes effect from the pension start', () => {
    expect(evaluateFiling({ ...baja, bajaCause: 'A', pensionStartDate: '2026-03-14', filedOn: '2026-04-30' }, calendar)).toMatchObject({ late: true, effectiveDate: '2026-03-14' });
  });

  it('filed before the termination date is refused', () => {
    expect(evaluateFiling({ ...baja, filedOn: '2026-03-12' }, calendar)).toMatchObject({ accepted: false, issues: [{ code: 'MOVEMENT_TOO_EARLY' }] });
  });

  it('with a cause outside the catalogue is refused BAJA_CAUSE_UNKNOWN', () => {
    expect(evaluateFiling({ ...baja, bajaCause: 'Z', filedOn: '2026-03-16' }, calendar)).toMatchObject({ accepted: false, effectiveDate: null, issues: [{ code: 'BAJA_CAUSE_UNKNOWN' }] });
  });

  it('terminated on Christmas Eve has until the first Monday of January', () => {
    expect(filingDeadline({ kind: 'BAJA', eventDate: '2026-12-24' }, calendar)).toBe('2027-01-04');
  });

  it('a day the institute declares non-business extends the deadline', () => {
    const closures = createBusinessCalendar({ extraNonBusinessDays: ['2026-03-20'], checkedOn: '2026-12-01' });
    expect(filingDeadline(baja, closures)).toBe('2026-03-24');
  });
});

describe('salary change', () => {
  it('a fixed salary change has five business days after the change, skipping 1 May', () => {
    const change = { kind: 'SALARY_CHANGE' as const, salaryType: 'FIXED' as const, eventDate: '2026-04-30' };
    expect(filingWindow(change, calendar)).toEqual({ earliestFilingDate: '2026-04-30', deadline: '2026-05-08' });
    expect(evaluateFiling({ ...change, filedOn: '2026-05-11' }, calendar)).toMatchObject({ accepted: true, late: true, effectiveDate: '2026-04-30' });
  });

  it('a variable salary is filed in the first five business days of the month after its bimester', () => {
    const change = { kind: 'SALARY_CHANGE' as const, salaryType: 'VARIABLE' as const, eventDate: '2026-02-10' };
    expect(filingWindow(change, calendar)).toEqual({ earliestFilingDate: '2026-03-02', deadline: '2026-03-06' });
    expect(evaluateFiling({ ...change, filedOn: '2026-03-06' }, calendar)).toMatchObject({ accepted: true, late: false, effectiveDate: '2026-03-01' });
    expect(evaluateFiling({ ...change, filedOn: '2026-03-09' }, calendar)).toMatchObject({ accepted: true, late: true });
  });

  it('either month of the bimester points to the same window', () => {
    const jan = filingWindow({ kind: 'SALARY_CHANGE', salaryType: 'VARIABLE', eventDate: '2026-01-31' }, calendar);
    const feb = filingWindow({ kind: 'SALARY_CHANGE', salaryType: 'VARIABLE', eventDate: '2026-02-28' }, calendar);
    expect(jan).toEqual(feb);
  });

  it('the November-December bimester is filed in January, after New Year', () => {
    expect(filingWindow({ kind: 'SALARY_CHANGE', salaryType: 'VARIABLE', eventDate: '2026-11-20' }, calendar))
      .toEqual({ earliestFilingDate: '2027-01-04', deadline: '2027-01-08' });
  });

  it('a variable salary filed before its bimester has closed is refused', () => {
    const result = evaluateFiling({ kind: 'SALARY_CHANGE', salaryType: 'VARIABLE', eventDate: '2026-02-10', filedOn: '2026-02-27' }, calendar);
    expect(result).toMatchObject({ accepted: false, issues: [{ code: 'MOVEMENT_TOO_EARLY' }] });
    expect(result.issues[0]!.message).toContain('2026-03-02');
  });

  it('a collective-contract revision has 30 calendar days, moved to the next business day', () => {
    expect(filingDeadline({ kind: 'SALARY_CHANGE', collectiveContractRevision: true, eventDate: '2026-01-15' }, calendar)).toBe('2026-02-16');
  });

  it('without a salary type, evaluateFiling refuses it and filingDeadline throws', () => {
    const change = { kind: 'SALARY_CHANGE' as const, eventDate: '2026-04-30' };
    expect(evaluateFiling({ ...change, filedOn: '2026-05-04' }, calendar)).toEqual({
      earliestFilingDate: null, deadline: null, accepted: false, late: false, effectiveDate: null,
      issues: [{ code: 'MOVEMENT_SALARY_TYPE_REQUIRED', message: expect.stringMatching(/FIXED or VARIABLE/) }],
    });
    expect(() => filingDeadline(change, calendar)).toThrow(MovementRuleError);
  });
});
