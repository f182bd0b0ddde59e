import { describe, expect, it } from 'vitest';
import { consecutiveFailures, failureWindowStart, lockAfterFailure, type PastAttempt } from '../../../subgraphs/biometrics/rules/lockout.ts';

const RULE = { maxFailures: 5, windowMinutes: 15, lockMinutes: 30 };
const T0 = Date.parse('2026-12-01T10:00:00Z');
const at = (minute: number) => new Date(T0 + minute * 60_000);
const attempts = (...results: Array<[number, PastAttempt['result']]>): PastAttempt[] => results.map(([minute, result]) => ({ result, attemptedAt: at(minute) }));

describe('lockAfterFailure', () => {
  it('locks at the fifth consecutive failure, for 30 minutes from it', () => {
    const history = attempts([0, 'NO_MATCH'], [1, 'NO_MATCH'], [2, 'NO_MATCH'], [3, 'NO_MATCH'], [4, 'NO_MATCH']);
    expect(lockAfterFailure(history, at(4), RULE, null)).toEqual({ lockedUntil: at(34), failures: 5 });
  });

  it('does not lock at the fourth failure', () => {
    expect(lockAfterFailure(attempts([0, 'NO_MATCH'], [1, 'NO_MATCH'], [2, 'NO_MATCH'], [3, 'NO_MATCH']), at(3), RULE, null)).toBeNull();
  });

  it('a match in between resets the count', () => {
    const history = attempts([0, 'NO_MATCH'], [1, 'NO_MATCH'], [2, 'MATCH'], [3, 'NO_MATCH'], [4, 'NO_MATCH'], [5, 'NO_MATCH'], [6, 'NO_MATCH']);
    expect(lockAfterFailure(history, at(6), RULE, null)).toBeNull();
  });

  it('refused (LOCKED) and NOT_ENROLLED attempts neither count nor reset', () => {
    const history = attempts([0, 'NO_MATCH'], [1, 'NOT_ENROLLED'], [2, 'NO_MATCH'], [3, 'LOCKED'], [4, 'NO_MATCH'], [5, 'NO_MATCH'], [6, 'NO_MATCH']);
    expect(lockAfterFailure(history, at(6), RULE, null)?.failures).toBe(5);
  });

  it('a failure exactly 15 minutes old no longer counts; one just inside still does', () => {
    const outside = attempts([0, 'NO_MATCH'], [11, 'NO_MATCH'], [12, 'NO_MATCH'], [13, 'NO_MATCH'], [15, 'NO_MATCH']);
    expect(lockAfterFailure(outside, at(15), RULE, null)).toBeNull();
    const inside = [{ result: 'NO_MATCH' as const, attemptedAt: new Date(at(0).getTime() + 1) }, ...outside.slice(1)];
    expect(lockAfterFailure(inside, at(15), RULE, null)?.failures).toBe(5);
  });

  it('failures before the last lockout began do not count again after it ends', () => {
    const history = attempts([0, 'NO_MATCH'], [1, 'NO_MATCH'], [2, 'NO_MATCH'], [3, 'NO_MATCH'], [4, 'NO_MATCH'], [35, 'NO_MATCH']);
    expect(lockAfterFailure(history, at(35), { ...RULE, windowMinutes: 60 }, at(4))).toBeNull();
  });

  it('uses the configured numbers', () => {
    const history = attempts([0, 'NO_MATCH'], [1, 'NO_MATCH']);
    expect(lockAfterFailure(history, at(1), { maxFailures: 2, windowMinutes: 5, lockMinutes: 90 }, null)).toEqual({ lockedUntil: at(91), failures: 2 });
  });
});

describe('failureWindowStart and consecutiveFailures', () => {
  it('starts at the later of the window start and the last lockout', () => {
    expect(failureWindowStart(at(30), RULE, null)).toEqual(at(15));
    expect(failureWindowStart(at(30), RULE, at(20))).toEqual(at(20));
    expect(failureWindowStart(at(30), RULE, at(10))).toEqual(at(15));
  });

  it('counts newest first whatever order the attempts come in', () => {
    const history = attempts([3, 'NO_MATCH'], [1, 'MATCH'], [2, 'NO_MATCH']);
    expect(consecutiveFailures(history, at(0))).toBe(2);
  });
});
