/**
 * Host-country public holidays 2026–2027 (last checked 2026-12-01), by ISO 3166-1 alpha-2 code.
 * Countries not listed (GT, BZ, CO, AR, CL, JP, CN, AU) have no list yet: their offices close
 * only on Mexico's days (see holidays.ts).
 *
 * Sources:
 * - US: federal holidays with the OPM Saturday→Friday / Sunday→Monday rule,
 *   https://www.opm.gov/policy-data-oversight/pay-leave/federal-holidays/
 * - CA: federal statutory holidays (Canada Labour Code), with the Monday/Tuesday substitutes for
 *   a weekend Christmas/Boxing Day, https://www.canada.ca/en/revenue-agency/services/tax/public-holidays.html
 * - ES: fiestas nacionales (Estatuto de los Trabajadores art. 37.2; yearly BOE resolution).
 * - GB: England and Wales bank holidays, https://www.gov.uk/bank-holidays
 * - FR: jours fériés, Code du travail art. L3133-1.
 * - DE: bundeseinheitliche Feiertage (Land holidays excluded).
 * - IT: feste nazionali (legge 260/1949), with 4 October restored from 2026 (approved Oct 2025).
 */
import type { Holiday } from './types.ts';

const h = (date: string, name: string): Holiday => ({ date, name });

export const HOST_COUNTRY_HOLIDAYS: Readonly<Record<string, readonly Holiday[]>> = {
  US: [
    h('2026-01-01', 'New Year’s Day'), h('2026-01-19', 'Martin Luther King Jr. Day'),
    h('2026-02-16', 'Washington’s Birthday'), h('2026-05-25', 'Memorial Day'), h('2026-06-19', 'Juneteenth'),
    h('2026-07-03', 'Independence Day (observed)'), h('2026-07-04', 'Independence Day'), h('2026-09-07', 'Labor Day'),
    h('2026-10-12', 'Columbus Day'), h('2026-11-11', 'Veterans Day'), h('2026-11-26', 'Thanksgiving Day'),
    h('2026-12-25', 'Christmas Day'),
    h('2027-01-01', 'New Year’s Day'), h('2027-01-18', 'Martin Luther King Jr. Day'),
    h('2027-02-15', 'Washington’s Birthday'), h('2027-05-31', 'Memorial Day'), h('2027-06-18', 'Juneteenth (observed)'),
    h('2027-06-19', 'Juneteenth'), h('2027-07-04', 'Independence Day'), h('2027-07-05', 'Independence Day (observed)'),
    h('2027-09-06', 'Labor Day'), h('2027-10-11', 'Columbus Day'), h('2027-11-11', 'Veterans Day'),
    h('2027-11-25', 'Thanksgiving Day'), h('2027-12-24', 'Christmas Day (observed)'), h('2027-12-25', 'Christmas Day'),
    h('2027-12-31', 'New Year’s Day 2028 (observed)'),
  ],
  CA: [
    h('2026-01-01', 'New Year’s Day'), h('2026-04-03', 'Good Friday'), h('2026-05-18', 'Victoria Day'),
    h('2026-07-01', 'Canada Day'), h('2026-09-07', 'Labour Day'),
    h('2026-09-30', 'National Day for Truth and Reconciliation'), h('2026-10-12', 'Thanksgiving'),
    h('2026-11-11', 'Remembrance Day'), h('2026-12-25', 'Christmas Day'), h('2026-12-26', 'Boxing Day'),
    h('2026-12-28', 'Boxing Day (observed)'),
    h('2027-01-01', 'New Year’s Day'), h('2027-03-26', 'Good Friday'), h('2027-05-24', 'Victoria Day'),
    h('2027-07-01', 'Canada Day'), h('2027-09-06', 'Labour Day'),
    h('2027-09-30', 'National Day for Truth and Reconciliation'), h('2027-10-11', 'Thanksgiving'),
    h('2027-11-11', 'Remembrance Day'), h('2027-12-25', 'Christmas Day'), h('2027-12-26', 'Boxing Day'),
    h('2027-12-27', 'Christmas Day (observed)'), h('2027-12-28', 'Boxing Day (observed)'),
  ],
  ES: [
    h('2026-01-01', 'Año Nuevo'), h('2026-01-06', 'Epifanía del Señor'), h('2026-04-03', 'Viernes Santo'),
    h('2026-05-01', 'Fiesta del Trabajo'), h('2026-08-15', 'Asunción de la Virgen'),
    h('2026-10-12', 'Fiesta Nacional de España'), h('2026-11-01', 'Todos los Santos'),
    h('2026-12-06', 'Día de la Constitución'), h('2026-12-08', 'Inmaculada Concepción'), h('2026-12-25', 'Natividad del Señor'),
    h('2027-01-01', 'Año Nuevo'), h('2027-01-06', 'Epifanía del Señor'), h('2027-03-26', 'Viernes Santo'),
    h('2027-05-01', 'Fiesta del Trabajo'), h('2027-08-15', 'Asunción de la Virgen'),
    h('2027-10-12', 'Fiesta Nacional de España'), h('2027-11-01', 'Todos los Santos'),
    h('2027-12-06', 'Día de la Constitución'), h('2027-12-08', 'Inmaculada Concepción'), h('2027-12-25', 'Natividad del Señor'),
  ],
  GB: [
    h('2026-01-01', 'New Year’s Day'), h('2026-04-03', 'Good Friday'), h('2026-04-06', 'Easter Monday'),
    h('2026-05-04', 'Early May bank holiday'), h('2026-05-25', 'Spring bank holiday'),
    h('2026-08-31', 'Summer bank holiday'), h('2026-12-25', 'Christmas Day'), h('2026-12-28', 'Boxing Day (substitute day)'),
    h('2027-01-01', 'New Year’s Day'), h('2027-03-26', 'Good Friday'), h('2027-03-29', 'Easter Monday'),
    h('2027-05-03', 'Early May bank holiday'), h('2027-05-31', 'Spring bank holiday'),
    h('2027-08-30', 'Summer bank holiday'), h('2027-12-27', 'Christmas Day (substitute day)'),
    h('2027-12-28', 'Boxing Day (substitute day)'),
  ],
  FR: [
    h('2026-01-01', 'Jour de l’an'), h('2026-04-06', 'Lundi de Pâques'), h('2026-05-01', 'Fête du Travail'),
    h('2026-05-08', 'Victoire 1945'), h('2026-05-14', 'Ascension'), h('2026-05-25', 'Lundi de Pentecôte'),
    h('2026-07-14', 'Fête nationale'), h('2026-08-15', 'Assomption'), h('2026-11-01', 'Toussaint'),
    h('2026-11-11', 'Armistice 1918'), h('2026-12-25', 'Noël'),
    h('2027-01-01', 'Jour de l’an'), h('2027-03-29', 'Lundi de Pâques'), h('2027-05-01', 'Fête du Travail'),
    h('2027-05-06', 'Ascension'), h('2027-05-08', 'Victoire 1945'), h('2027-05-17', 'Lundi de Pentecôte'),
    h('2027-07-14', 'Fête nationale'), h('2027-08-15', 'Assomption'), h('2027-11-01', 'Toussaint'),
    h('2027-11-11', 'Armistice 1918'), h('2027-12-25', 'Noël'),
  ],
  DE: [
    h('2026-01-01', 'Neujahr'), h('2026-04-03', 'Karfreitag'), h('2026-04-06', 'Ostermontag'),
    h('2026-05-01', 'Tag der Arbeit'), h('2026-05-14', 'Christi Himmelfahrt'), h('2026-05-25', 'Pfingstmontag'),
    h('2026-10-03', 'Tag der Deutschen Einheit'), h('2026-12-25', 'Erster Weihnachtstag'), h('2026-12-26', 'Zweiter Weihnachtstag'),
    h('2027-01-01', 'Neujahr'), h('2027-03-26', 'Karfreitag'), h('2027-03-29', 'Ostermontag'),
    h('2027-05-01', 'Tag der Arbeit'), h('2027-05-06', 'Christi Himmelfahrt'), h('2027-05-17', 'Pfingstmontag'),
    h('2027-10-03', 'Tag der Deutschen Einheit'), h('2027-12-25', 'Erster Weihnachtstag'), h('2027-12-26', 'Zweiter Weihnachtstag'),
  ],
  IT: [
    h('2026-01-01', 'Capodanno'), h('2026-01-06', 'Epifania'), h('2026-04-06', 'Lunedì dell’Angelo'),
    h('2026-04-25', 'Festa della Liberazione'), h('2026-05-01', 'Festa del Lavoro'), h('2026-06-02', 'Festa della Repubblica'),
    h('2026-08-15', 'Ferragosto'), h('2026-10-04', 'San Francesco d’Assisi'), h('2026-11-01', 'Ognissanti'),
    h('2026-12-08', 'Immacolata Concezione'), h('2026-12-25', 'Natale'), h('2026-12-26', 'Santo Stefano'),
    h('2027-01-01', 'Capodanno'), h('2027-01-06', 'Epifania'), h('2027-03-29', 'Lunedì dell’Angelo'),
    h('2027-04-25', 'Festa della Liberazione'), h('2027-05-01', 'Festa del Lavoro'), h('2027-06-02', 'Festa della Repubblica'),
    h('2027-08-15', 'Ferragosto'), h('2027-10-04', 'San Francesco d’Assisi'), h('2027-11-01', 'Ognissanti'),
    h('2027-12-08', 'Immacolata Concezione'), h('2027-12-25', 'Natale'), h('2027-12-26', 'Santo Stefano'),
  ],
};
