/**
 * The lockout rule for 1:1 verification. Failures are NO_MATCH attempts; they count while they are
 * consecutive (a MATCH resets the count), recent (within `windowMinutes` of now) and after the
 * last lockout began (a lockout that ran out gives the person a fresh set of attempts). The
 * failure that reaches `maxFailures` locks verification for `lockMinutes`. While it is locked,
 * attempts are refused (LOCKED) without comparing anything and without extending the lock.
 * LOCKED and NOT_ENROLLED attempts neither count nor reset.
 */
export interface LockoutRule {
  maxFailures: number;
  windowMinutes: number;
  lockMinutes: number;
}

export interface PastAttempt {
  result: 'MATCH' | 'NO_MATCH' | 'LOCKED' | 'NOT_ENROLLED';
  attemptedAt: Date;
}

const MINUTE = 60_000;

/** The earliest instant whose attempts can still count: the window start or the last lockout's start. */
export function failureWindowStart(now: Date, rule: LockoutRule, lastLockedAt: Date | null): Date {
  const windowStart = new Date(now.getTime() - rule.windowMinutes * MINUTE);
  return lastLockedAt && lastLockedAt > windowStart ? lastLockedAt : windowStart;
}

/** Consecutive countable failures, newest first, among attempts since `failureWindowStart`. */
export function consecutiveFailures(attempts: readonly PastAttempt[], since: Date): number {
  const newestFirst = [...attempts].sort((a, b) => b.attemptedAt.getTime() - a.attemptedAt.getTime());
  let failures = 0;
  for (const attempt of newestFirst) {
    if (attempt.attemptedAt <= since) break;
    if (attempt.result === 'MATCH') break;
    if (attempt.result === 'NO_MATCH') failures += 1;
  }
  return failures;
}

/**
 * After recording a failure at `now`: the instant verification is locked until, or null.
 * `attempts` include the failure just recorded.
 */
export function lockAfterFailure(attempts: readonly PastAttempt[], now: Date, rule: LockoutRule, lastLockedAt: Date | null): { lockedUntil: Date; failures: number } | null {
  const failures = consecutiveFailures(attempts, failureWindowStart(now, rule, lastLockedAt));
  if (failures < rule.maxFailures) return null;
  return { lockedUntil: new Date(now.getTime() + rule.lockMinutes * MINUTE), failures };
}
