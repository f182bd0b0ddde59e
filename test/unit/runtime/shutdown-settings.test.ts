import { describe, expect, it } from 'vitest';
import { shutdownSettings } from '../../../schema/runtime/shutdown.ts';

describe('shutdown settings', () => {
  it('default to a 25 s drain and a 1 s grace for idle connections', () => {
    expect(shutdownSettings({})).toEqual({ deadlineMs: 25_000, idleGraceMs: 1_000 });
  });

  it('read SHUTDOWN_TIMEOUT_MS and SHUTDOWN_IDLE_GRACE_MS, zero included', () => {
    expect(shutdownSettings({ SHUTDOWN_TIMEOUT_MS: '5000', SHUTDOWN_IDLE_GRACE_MS: '0' })).toEqual({ deadlineMs: 5_000, idleGraceMs: 0 });
  });

  it('name the variable that is not a whole number of milliseconds', () => {
    expect(() => shutdownSettings({ SHUTDOWN_TIMEOUT_MS: '2.5' })).toThrow(/SHUTDOWN_TIMEOUT_MS/);
    expect(() => shutdownSettings({ SHUTDOWN_IDLE_GRACE_MS: '-1' })).toThrow(/SHUTDOWN_IDLE_GRACE_MS/);
  });
});
