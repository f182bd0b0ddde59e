/**
 * Money in messages: every rule keeps amounts in integer centavos and formats them only here, so
 * a limit named in an error reads the same wherever it comes from.
 */

/** `$2,932.75` from 293275 centavos, with integer arithmetic only (no floating point, no locale). */
export function formatPesos(centavos: number): string {
  const sign = centavos < 0 ? '-' : '';
  const abs = Math.abs(centavos);
  const pesos = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}$${pesos}.${String(abs % 100).padStart(2, '0')}`;
}
