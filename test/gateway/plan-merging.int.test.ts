/**
 * Merged query plans (gateway/plan-merging/): today's queue with each person's coverage calls
 * persons once, after enrollments, instead of twice; and when enrollments fails, or refuses, the
 * answer is the one the planner's own plan gives — every name persons releases, coverage null with
 * enrollments' error — not a queue of nameless people, and nothing is called twice. Persons and
 * enrollments sit behind counting proxies (real HTTP).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultyProxy, type FaultyProxy } from '../support/faulty-proxy.ts';
import { startSeededSystem, type SeededSystem } from '../support/seeded-system.ts';
import { FRIDAY_0900_LAX } from '../subgraphs/appointments/support.ts';

const QUEUE = `query Queue($office: ID!) { office(id: $office) { queue { id status person { curp maskedName coverage { status validUntil } } } } }`;
type Queue = { office: { queue: Array<{ id: string; status: string; person: { curp: string; maskedName: string | null; coverage: { status: string; validUntil: string | null } | null } }> } };

describe('merged query plans', () => {
  let persons: FaultyProxy;
  let enrollments: FaultyProxy;
  let system: SeededSystem;
  let staff: string;
  const queue = (grounds: { exception?: boolean } = { exception: true }) =>
    system.query<Queue>(QUEUE, { office: 'CON-LAX' }, {
      token: staff,
      purpose: 'COVERAGE_VALIDITY:window-2',
      headers: grounds.exception ? { 'x-access-exception': 'Revisión de vigencia de toda la fila (prueba de planes combinados)' } : {},
    });
  const calls = () => ({ persons: persons.received, enrollments: enrollments.received });
  const since = (before: ReturnType<typeof calls>) => ({ persons: persons.received - before.persons, enrollments: enrollments.received - before.enrollments });

  beforeAll(async () => {
    [persons, enrollments] = await Promise.all([faultyProxy(), faultyProxy()]);
    system = await startSeededSystem({
      now: () => FRIDAY_0900_LAX,
      env: { PERSONS_URL: persons.url, ENROLLMENTS_URL: enrollments.url, CIRCUIT_FAILURE_THRESHOLD: '1000', RATE_LIMIT_PER_MINUTE: '100000' },
    });
    persons.target = system.subgraphs.persons.http.url;
    enrollments.target = system.subgraphs.enrollments.http.url;
    staff = await system.token('CONSULATE_STAFF');
  });
  afterAll(async () => {
    await system?.close();
    await Promise.all([persons?.close(), enrollments?.close()]);
  });

  it('asks persons once for the names and the coverage, after enrollments', async () => {
    const [personsBefore, enrollmentsBefore] = [persons.received, enrollments.received];
    const res = await queue();
    expect(res.errors).toBeUndefined();
    const entries = res.data!.office.queue;
    expect(entries.length).toBeGreaterThanOrEqual(5);
    for (const { person } of entries) {
      expect(person.maskedName).toMatch(/^\p{Lu}\*+ /u);
      expect(person.coverage?.status).toMatch(/^(ACTIVE|PRESERVED|EXPIRED|NONE)$/);
    }
    expect(persons.received - personsBefore).toBe(1);
    expect(enrollments.received - enrollmentsBefore).toBe(1);
  });

  it('answers as the planner’s plan does when enrollments fails: every name, no coverage, the enrollments error, one call each', async () => {
    const healthy = (await queue()).data!.office.queue;
    enrollments.mode = { kind: 'status', status: 503, body: 'down for maintenance' };
    try {
      const before = calls();
      const res = await queue();
      expect(res.status).toBe(200);
      const entries = res.data!.office.queue;
      expect(entries.map((e) => [e.id, e.person.curp, e.person.maskedName])).toEqual(healthy.map((e) => [e.id, e.person.curp, e.person.maskedName]));
      expect(entries.every((e) => e.person.coverage === null)).toBe(true);
      expect(res.errors?.length).toBeGreaterThan(0);
      for (const error of res.errors!) expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'enrollments' });
      // Nothing is sent again: enrollments once (the failure), persons once (names, coverage null).
      expect(since(before)).toEqual({ persons: 1, enrollments: 1 });
    } finally {
      enrollments.mode = { kind: 'pass' };
    }
    // Healthy again: one call to persons per queue.
    const before = calls();
    expect((await queue()).data!.office.queue.map((e) => e.person.coverage)).toEqual(healthy.map((e) => e.person.coverage));
    expect(since(before)).toEqual({ persons: 1, enrollments: 1 });
  });

  it('leaves each subgraph its own refusals: staff without grounds get CASE_REQUIRED from both, in one call each', async () => {
    const before = calls();
    const res = await queue({ exception: false });
    expect(since(before)).toEqual({ persons: 1, enrollments: 1 });
    const entries = res.data!.office.queue;
    expect(entries.length).toBeGreaterThanOrEqual(5);
    expect(entries.every((e) => e.person.maskedName === null && e.person.coverage === null)).toBe(true);
    const refusedBy = new Set(res.errors?.filter((e) => e.extensions?.code === 'CASE_REQUIRED').map((e) => e.extensions?.serviceName));
    expect(refusedBy).toEqual(new Set(['persons', 'enrollments']));
  });
});
