import { describe, expect, it } from 'vitest';
import { CircuitBreaker, type Permit, type StateChange } from '../../../gateway/circuit-breaker.ts';

function breaker(failureThreshold = 3, openMs = 1_000) {
  let now = 1_000_000;
  const changes: StateChange[] = [];
  const circuit = new CircuitBreaker({ failureThreshold, openMs }, () => now, (change) => changes.push(change));
  return {
    circuit,
    changes,
    advance: (ms: number) => (now += ms),
    fail: (times: number) => {
      for (let i = 0; i < times; i++) circuit.record(circuit.acquire()!, 'failure');
    },
  };
}

describe('circuit breaker', () => {
  it('stays closed below the threshold of consecutive failures', () => {
    const { circuit, fail } = breaker(3);
    fail(2);
    expect(circuit.state).toBe('closed');
    expect(circuit.acquire()).not.toBeNull();
  });

  it('opens at the threshold and then fails fast', () => {
    const { circuit, fail, changes } = breaker(3);
    fail(3);
    expect(circuit.state).toBe('open');
    expect(circuit.acquire()).toBeNull();
    expect(changes).toEqual([{ from: 'closed', to: 'open', failures: 3 }]);
  });

  it('counts only consecutive failures: a success in between starts again', () => {
    const { circuit, fail } = breaker(3);
    fail(2);
    circuit.record(circuit.acquire()!, 'success');
    fail(2);
    expect(circuit.state).toBe('closed');
  });

  it('lets exactly one probe through once the open period is over', () => {
    const { circuit, fail, advance } = breaker(1, 1_000);
    fail(1);
    advance(999);
    expect(circuit.acquire()).toBeNull();
    advance(1);
    const probe = circuit.acquire();
    expect(probe).toMatchObject({ probe: true });
    expect(circuit.state).toBe('half-open');
    expect(circuit.acquire()).toBeNull();
    expect(circuit.acquire()).toBeNull();
  });

  it('closes when the probe succeeds', () => {
    const { circuit, fail, advance, changes } = breaker(1, 1_000);
    fail(1);
    advance(1_000);
    circuit.record(circuit.acquire()!, 'success');
    expect(circuit.state).toBe('closed');
    expect(circuit.acquire()).toMatchObject({ probe: false });
    expect(changes.map((c) => c.to)).toEqual(['open', 'half-open', 'closed']);
  });

  it('opens again for a whole period when the probe fails', () => {
    const { circuit, fail, advance } = breaker(1, 1_000);
    fail(1);
    advance(1_000);
    circuit.record(circuit.acquire()!, 'failure');
    expect(circuit.state).toBe('open');
    advance(999);
    expect(circuit.acquire()).toBeNull();
    advance(1);
    expect(circuit.acquire()).toMatchObject({ probe: true });
  });

  it('lets another probe through when the first never reached the subgraph', () => {
    const { circuit, fail, advance } = breaker(1, 1_000);
    fail(1);
    advance(1_000);
    circuit.record(circuit.acquire()!, 'cancelled');
    expect(circuit.state).toBe('half-open');
    expect(circuit.acquire()).toMatchObject({ probe: true });
  });

  it('ignores results of calls that started before the state changed', () => {
    const { circuit, fail, advance } = breaker(2, 1_000);
    const slow: Permit[] = [circuit.acquire()!, circuit.acquire()!];
    fail(2); // open
    circuit.record(slow[0]!, 'success'); // a late success does not close an open circuit
    expect(circuit.state).toBe('open');
    advance(1_000);
    const probe = circuit.acquire()!;
    circuit.record(slow[1]!, 'failure'); // nor does a late failure decide for the probe
    expect(circuit.state).toBe('half-open');
    circuit.record(probe, 'success');
    expect(circuit.state).toBe('closed');
  });

  it('refuses settings that would never open or never close', () => {
    expect(() => new CircuitBreaker({ failureThreshold: 0, openMs: 1 })).toThrow(RangeError);
    expect(() => new CircuitBreaker({ failureThreshold: 1, openMs: -1 })).toThrow(RangeError);
  });
});
