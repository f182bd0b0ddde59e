/** SBC bounds, LSS art. 28 (docs/domain.md §5, §6), with the 2025 and 2026 values in centavos. */
import { describe, expect, it } from 'vitest';
import { checkDailyBaseSalary, dailyBaseSalaryCeilingCentavos } from '../../../subgraphs/enrollments/rules/movements/index.ts';
import { formatPesos } from '../../../subgraphs/enrollments/rules/reference/index.ts';

const limits2026 = { minimumWageCentavos: 31_504, umaDailyCentavos: 11_731 };

describe('daily base salary bounds', () => {
  it('the ceiling is 25 daily UMAs: $2,932.75 in 2026 and $2,828.50 in 2025', () => {
    expect(dailyBaseSalaryCeilingCentavos(limits2026)).toBe(293_275);
    expect(dailyBaseSalaryCeilingCentavos({ minimumWageCentavos: 27_880, umaDailyCentavos: 11_314 })).toBe(282_850);
  });

  it('accepts the minimum wage and the ceiling themselves', () => {
    expect(checkDailyBaseSalary(31_504, limits2026)).toEqual([]);
    expect(checkDailyBaseSalary(293_275, limits2026)).toEqual([]);
  });

  it('one centavo under the minimum wage is SALARY_BELOW_MINIMUM_WAGE, naming both limits', () => {
    const issues = checkDailyBaseSalary(31_503, limits2026);
    expect(issues.map((i) => i.code)).toEqual(['SALARY_BELOW_MINIMUM_WAGE']);
    expect(issues[0]!.message).toContain('$315.03');
    expect(issues[0]!.message).toContain('$315.04');
    expect(issues[0]!.message).toContain('$2,932.75');
  });

  it('one centavo over the ceiling is SALARY_ABOVE_CEILING, naming both limits and the UMA', () => {
    const issues = checkDailyBaseSalary(293_276, limits2026);
    expect(issues.map((i) => i.code)).toEqual(['SALARY_ABOVE_CEILING']);
    expect(issues[0]!.message).toMatch(/25 UMA \(\$2,932\.75 at a daily UMA of \$117\.31\)/);
    expect(issues[0]!.message).toContain('$315.04');
  });

  it('uses the minimum wage passed in, e.g. the northern border zone', () => {
    const border = { ...limits2026, minimumWageCentavos: 44_087 };
    expect(checkDailyBaseSalary(40_000, border).map((i) => i.code)).toEqual(['SALARY_BELOW_MINIMUM_WAGE']);
    expect(checkDailyBaseSalary(40_000, limits2026)).toEqual([]);
  });

  it('takes the number of UMAs as configuration', () => {
    expect(checkDailyBaseSalary(200_000, { ...limits2026, maxUmas: 10 }).map((i) => i.code)).toEqual(['SALARY_ABOVE_CEILING']);
  });

  it('refuses amounts that are not whole centavos, and inconsistent tables', () => {
    expect(() => checkDailyBaseSalary(315.04, limits2026)).toThrow(RangeError);
    expect(() => checkDailyBaseSalary(50_000, { minimumWageCentavos: 400_000, umaDailyCentavos: 11_731 })).toThrow(/reference tables/);
  });

  it('formats centavos as pesos with thousands separators', () => {
    expect(formatPesos(0)).toBe('$0.00');
    expect(formatPesos(5)).toBe('$0.05');
    expect(formatPesos(123_456_789)).toBe('$1,234,567.89');
  });
});
