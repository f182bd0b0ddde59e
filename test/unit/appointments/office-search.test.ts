/** City search without accents or case. */
import { describe, expect, it } from 'vitest';
import { matchesSearch, searchKey } from '../../../subgraphs/appointments/rules/index.ts';
import { officeById, subdelegationOfOffice, imssOfficeId } from '../../../subgraphs/appointments/reference/index.ts';

describe('office search', () => {
  it('finds Los Ángeles from "los angeles" and Pekín from "PEKIN"', () => {
    expect(matchesSearch('los angeles', officeById('CON-LAX')!.city)).toBe(true);
    expect(matchesSearch('PEKIN', officeById('CON-BJS')!.city)).toBe(true);
  });

  it('matches a part of the name and collapses spaces', () => {
    expect(matchesSearch('  san  ', 'San Antonio')).toBe(true);
    expect(searchKey('  Ciudad   de  México ')).toBe('ciudad de mexico');
  });

  it('does not match a different city', () => {
    expect(matchesSearch('chicago', officeById('CON-LAX')!.city)).toBe(false);
  });
});

describe('office ids and staff scope', () => {
  it('names an IMSS office after its subdelegation, and reads it back', () => {
    expect(imssOfficeId('01')).toBe('IMSS-01');
    expect(subdelegationOfOffice('IMSS-01')).toBe('01');
    expect(officeById('IMSS-01')?.subdelegation).toBe('01');
  });

  it('reads no subdelegation from a consular office id', () => {
    expect(subdelegationOfOffice('CON-LAX')).toBeNull();
  });

  it('treats anything after the IMSS prefix as a subdelegation, so no such id is ever a consulate’s', () => {
    expect(subdelegationOfOffice('IMSS-XY')).toBe('XY');
  });
});
