/** Calendar dates travel as 'YYYY-MM-DD' strings (the Date scalar); the clock is injected. */
export function isoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
