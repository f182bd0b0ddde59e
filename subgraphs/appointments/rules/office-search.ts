/**
 * Matching a searched city against office names as people type them: without accents and case,
 * so 'los angeles' finds 'Los Ángeles' and 'PEKIN' finds 'Pekín'.
 */

/** Lower case, accents removed, spaces collapsed. */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True when `value` contains `query` once both are reduced to search keys; an empty query matches everything. */
export function matchesSearch(query: string, value: string): boolean {
  return searchKey(value).includes(searchKey(query));
}
