/**
 * The gateway's case verifier against a stand-in appointments subgraph: every refusal reason, the
 * 503 when appointments cannot answer, and what is (and is not) remembered.
 */
import type { Fetcher } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createCaseVerifier } from '../../../gateway/case-verification.ts';
import type { Identity, Viewer } from '../../../schema/identity/viewer.ts';

const staff: Identity & { kind: 'user' } = {
  kind: 'user',
  viewer: {
    subject: 'staff-1',
    roles: ['CONSULATE_STAFF'],
    curp: null,
    consulateId: 'LAX',
    employerRegistrations: [],
    bankId: null,
    subdelegation: null,
  } satisfies Viewer,
};

const openCase = { id: 'a-1', curp: 'RAOS991231MDGMRF05', officeId: 'LAX', procedure: 'NSS_ASSISTANCE', open: true };

function appointments(answer: () => Response | Promise<Response>) {
  const calls: { url: string; body: unknown; identity: string | undefined; requestId: string | undefined }[] = [];
  const fetcher = (async (url: string, init?: { body?: string; headers?: Record<string, string> }) => {
    calls.push({ url, body: JSON.parse(init?.body ?? 'null'), identity: init?.headers?.['x-imss-identity'], requestId: init?.headers?.['x-request-id'] });
    return answer();
  }) as unknown as Fetcher;
  const verifier = createCaseVerifier({
    appointmentsUrl: 'http://127.0.0.1:1/graphql',
    fetcher,
    signer: { sign: async (_identity, audience, purpose) => `token-for-${audience}-${purpose}` },
  });
  return { verifier, calls };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  const { extensions } = error as GraphQLError;
  return { code: extensions.code, reason: extensions.reason, status: (extensions.http as { status: number }).status };
}

describe('case verification', () => {
  it("sends the request's id with the lookup, so appointments audits it under that id; none when there is none", async () => {
    const { verifier, calls } = appointments(() => json({ data: { appointmentCase: openCase } }));
    await verifier.verify(staff, 'NSS_ASSISTANCE', 'a-1', 'req-42');
    await verifier.verify(staff, 'NSS_ASSISTANCE: otra nota', 'a-1');
    expect(calls.map((c) => c.requestId)).toEqual(['req-42', undefined]);
  });

  it('accepts an open case of the own office for the declared procedure, asking appointments as the caller', async () => {
    const { verifier, calls } = appointments(() => json({ data: { appointmentCase: openCase } }));
    await expect(verifier.verify(staff, 'NSS_ASSISTANCE: trámite', 'a-1')).resolves.toEqual({ id: 'a-1', curp: openCase.curp, office: 'LAX', procedure: 'NSS_ASSISTANCE' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.identity).toBe('token-for-appointments-NSS_ASSISTANCE: trámite');
    expect(calls[0]!.body).toMatchObject({ variables: { id: 'a-1' } });
  });

  it.each([
    ['no appointment visible', { data: { appointmentCase: null } }, 'CASE_NOT_FOUND'],
    ['another office', { data: { appointmentCase: { ...openCase, officeId: 'SFO' } } }, 'CASE_OTHER_OFFICE'],
    ['not open', { data: { appointmentCase: { ...openCase, open: false } } }, 'CASE_NOT_OPEN'],
    ['another procedure', { data: { appointmentCase: { ...openCase, procedure: 'PROOF_OF_LIFE' } } }, 'CASE_OTHER_PROCEDURE'],
  ])('refuses %s with 403 and the reason', async (_label, answer, reason) => {
    const { verifier } = appointments(() => json(answer));
    await expect(refusal(verifier.verify(staff, 'NSS_ASSISTANCE', 'a-1'))).resolves.toEqual({ code: 'CASE_NOT_VERIFIED', reason, status: 403 });
  });

  it.each([
    ['the connection fails', () => Promise.reject(new Error('ECONNREFUSED'))],
    ['appointments answers 502', () => json({ errors: [{ message: 'bad gateway' }] }, 502)],
    ['appointments answers something that is not JSON', () => new Response('<html>oops</html>', { status: 200 })],
  ])('answers 503 CASE_UNVERIFIABLE when %s', async (_label, answer) => {
    const { verifier } = appointments(answer as () => Promise<Response>);
    await expect(refusal(verifier.verify(staff, 'NSS_ASSISTANCE', 'a-1'))).resolves.toEqual({ code: 'CASE_NOT_VERIFIED', reason: 'CASE_UNVERIFIABLE', status: 503 });
  });

  it('remembers a verified case per caller, case and purpose, and asks again for another purpose', async () => {
    const { verifier, calls } = appointments(() => json({ data: { appointmentCase: openCase } }));
    await verifier.verify(staff, 'NSS_ASSISTANCE', 'a-1');
    await verifier.verify(staff, 'NSS_ASSISTANCE', 'a-1');
    expect(calls).toHaveLength(1);
    await verifier.verify(staff, 'NSS_ASSISTANCE: otra nota', 'a-1');
    expect(calls).toHaveLength(2);
  });

  it('asks again when the same staff member has moved to another office', async () => {
    const { verifier, calls } = appointments(() => json({ data: { appointmentCase: openCase } }));
    await verifier.verify(staff, 'NSS_ASSISTANCE', 'a-1');
    const moved = { kind: 'user' as const, viewer: { ...staff.viewer, consulateId: 'SFO' } };
    await expect(refusal(verifier.verify(moved, 'NSS_ASSISTANCE', 'a-1'))).resolves.toMatchObject({ reason: 'CASE_OTHER_OFFICE' });
    expect(calls).toHaveLength(2);
  });

  it('does not remember a refusal: a person checked in a moment later is verified', async () => {
    let open = false;
    const { verifier, calls } = appointments(() => json({ data: { appointmentCase: { ...openCase, open } } }));
    await expect(refusal(verifier.verify(staff, 'NSS_ASSISTANCE', 'a-1'))).resolves.toMatchObject({ reason: 'CASE_NOT_OPEN' });
    open = true;
    await expect(verifier.verify(staff, 'NSS_ASSISTANCE', 'a-1')).resolves.toMatchObject({ id: 'a-1' });
    expect(calls).toHaveLength(2);
  });
});
