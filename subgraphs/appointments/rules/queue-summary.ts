/**
 * End-of-day figures for one office's queue. The caller passes the entries of one local day
 * (see isSameLocalDay); this module does no date filtering.
 *
 * Percentiles use the nearest-rank method: the value at 1-based rank ⌈p/100 · n⌉ of the sorted
 * sample, i.e. the smallest observed value with at least p % of the sample at or below it. It
 * always returns an observed value (no interpolation), which suits the small daily samples of
 * an office with one or two windows.
 */
import type { QueueEntry } from './queue.ts';

/** Nearest-rank percentile of `values` for `p` in (0, 100]; null for an empty sample. */
export function nearestRankPercentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // p·n before dividing keeps integer p exact (0.07 · 100 would round up to rank 8).
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[rank - 1] ?? null;
}

export interface DailyQueueSummary {
  served: number;
  noShows: number;
  /** Entries without a booking (bookedFor null), whatever their status. */
  walkIns: number;
  cancelled: number;
  /** Check-in → called, minutes (unrounded); null when nobody was called. */
  waitingMinutesP50: number | null;
  waitingMinutesP90: number | null;
  /** Called → served, minutes (unrounded); null when nobody was served. */
  serviceMinutesP50: number | null;
  /** How many entries the waiting and service figures are based on. */
  waitingSamples: number;
  serviceSamples: number;
  /** Entries with a timestamp pair in the wrong order, left out of the figures. */
  inconsistentTimings: number;
}

const minutesBetween = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / 60_000;

/** Minutes from check-in to being called (unrounded); null until called, or when the pair is out of order. */
export function waitingMinutes(entry: Pick<QueueEntry, 'checkedInAt' | 'calledAt'>): number | null {
  if (!entry.checkedInAt || !entry.calledAt) return null;
  const minutes = minutesBetween(entry.checkedInAt, entry.calledAt);
  return minutes >= 0 ? minutes : null;
}

/** Minutes from being called to being served (unrounded); null until served, or when the pair is out of order. */
export function serviceMinutes(entry: Pick<QueueEntry, 'calledAt' | 'servedAt'>): number | null {
  if (!entry.calledAt || !entry.servedAt) return null;
  const minutes = minutesBetween(entry.calledAt, entry.servedAt);
  return minutes >= 0 ? minutes : null;
}

/** Counts by outcome and nearest-rank waiting/service times of one day's queue entries. */
export function dailySummary(entries: readonly QueueEntry[]): DailyQueueSummary {
  const waiting: number[] = [];
  const service: number[] = [];
  let inconsistentTimings = 0;
  for (const entry of entries) {
    let inconsistent = false;
    if (entry.checkedInAt && entry.calledAt) {
      const minutes = minutesBetween(entry.checkedInAt, entry.calledAt);
      if (minutes >= 0) waiting.push(minutes); else inconsistent = true;
    }
    if (entry.calledAt && entry.servedAt) {
      const minutes = minutesBetween(entry.calledAt, entry.servedAt);
      if (minutes >= 0) service.push(minutes); else inconsistent = true;
    }
    if (inconsistent) inconsistentTimings += 1;
  }
  const count = (status: QueueEntry['status']) => entries.filter((entry) => entry.status === status).length;
  return {
    served: count('SERVED'),
    noShows: count('NO_SHOW'),
    walkIns: entries.filter((entry) => entry.bookedFor === null).length,
    cancelled: count('CANCELLED'),
    waitingMinutesP50: nearestRankPercentile(waiting, 50),
    waitingMinutesP90: nearestRankPercentile(waiting, 90),
    serviceMinutesP50: nearestRankPercentile(service, 50),
    waitingSamples: waiting.length,
    serviceSamples: service.length,
    inconsistentTimings,
  };
}
