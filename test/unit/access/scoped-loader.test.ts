/**
 * The scoped loader against a fake repository: what it reads, what it returns, what it audits and
 * what it releases, for each kind of decision. No database: the repository counts its calls.
 */
import { describe, expect, it } from 'vitest';
import { ALLOW, refuse, type Decision } from '../../../subgraphs/shared/access/decisions.ts';
import { scopedListLoader, scopedLoader } from '../../../subgraphs/shared/access/scoped-loader.ts';
import { OTHER, SELF, recordingContext } from './support.ts';

interface Row { curp: string; owner: string }
const ROWS: Row[] = [{ curp: SELF, owner: 'A' }, { curp: OTHER, owner: 'B' }];

function fakeRepository() {
  const calls: string[][] = [];
  return { calls, read: async (keys: readonly string[]) => (calls.push([...keys]), ROWS.filter((r) => keys.includes(r.curp))) };
}

function loaderFor(ctx: ReturnType<typeof recordingContext>, decide: (key: string) => Decision, extra: Partial<Parameters<typeof scopedLoader<string, Row, string>>[1]> = {}) {
  const repository = fakeRepository();
  const decisions: string[] = [];
  const loader = scopedLoader(ctx, {
    audit: 'Thing',
    decide: (key) => (decisions.push(key), decide(key)),
    read: repository.read,
    keyOf: (row) => row.curp,
    subjectOf: (row) => row.curp,
    subjectOfKey: (key) => key,
    releases: { type: 'Thing', idOf: (row) => row.curp },
    ...extra,
  });
  return { loader, repository, decisions };
}

describe('scopedLoader', () => {
  it('reads permitted keys in one batch, audits the reads and releases the rows', async () => {
    const ctx = recordingContext('consulateStaff', 'CASE');
    const { loader, repository } = loaderFor(ctx, () => ALLOW);
    const [a, b] = await Promise.all([loader.load(SELF), loader.load(OTHER)]);
    expect([a?.curp, b?.curp]).toEqual([SELF, OTHER]);
    expect(repository.calls).toEqual([[SELF, OTHER]]);
    expect(ctx.events).toEqual([
      { action: 'READ', subjectCurp: SELF, what: 'Thing' },
      { action: 'READ', subjectCurp: OTHER, what: 'Thing' },
    ]);
    expect([ctx.released.has('Thing', SELF), ctx.released.has('Thing', OTHER)]).toEqual([true, true]);
  });

  it('decides each key once per request, however often it is loaded', async () => {
    const ctx = recordingContext('insured');
    const { loader, decisions, repository } = loaderFor(ctx, (key) => (key === SELF ? ALLOW : refuse('OUTSIDE_SCOPE')));
    await Promise.all([loader.load(SELF), loader.load(SELF)]);
    await loader.load(SELF);
    expect(decisions).toEqual([SELF]);
    expect(repository.calls).toHaveLength(1);
  });

  it('answers a silent refusal with null, reads nothing for it, audits it and releases nothing', async () => {
    const ctx = recordingContext('insured');
    const { loader, repository } = loaderFor(ctx, (key) => (key === SELF ? ALLOW : refuse('OUTSIDE_SCOPE')));
    expect(await loader.load(OTHER)).toBeNull();
    expect(repository.calls).toEqual([]);
    expect(ctx.events).toEqual([{ action: 'REFUSED', subjectCurp: OTHER, what: 'Thing', reason: 'OUTSIDE_SCOPE' }]);
    expect(ctx.released.has('Thing', OTHER)).toBe(false);
  });

  it('answers an explained refusal with its error code', async () => {
    const ctx = recordingContext('consulateStaff');
    const { loader } = loaderFor(ctx, () => refuse('PURPOSE_REQUIRED'));
    await expect(loader.load(SELF)).rejects.toMatchObject({ extensions: { code: 'PURPOSE_REQUIRED' } });
    expect(ctx.events).toEqual([{ action: 'REFUSED', subjectCurp: SELF, what: 'Thing', reason: 'PURPOSE_REQUIRED' }]);
  });

  it('audits a row-level refusal for the person the row turned out to be about', async () => {
    const ctx = recordingContext('insured');
    const { loader } = loaderFor(ctx, () => ALLOW, { decideRow: (row) => (row.curp === SELF ? ALLOW : refuse('OUTSIDE_SCOPE')) });
    expect(await loader.load(OTHER)).toBeNull();
    expect(ctx.events).toEqual([{ action: 'REFUSED', subjectCurp: OTHER, what: 'Thing', reason: 'OUTSIDE_SCOPE' }]);
  });
});

describe('scopedListLoader', () => {
  it('narrows a permitted read to the rows in scope without auditing the rest', async () => {
    const ctx = recordingContext('employer');
    const repository = fakeRepository();
    const loader = scopedListLoader(ctx, {
      audit: 'Things',
      decide: () => ALLOW,
      read: async (keys: readonly string[]) => (await repository.read(keys)).map((row) => ({ ...row, curp: SELF })),
      keyOf: (row) => row.curp,
      subjectOf: (row) => row.curp,
      narrow: (row) => row.owner === 'A',
    });
    const rows = await loader.load(SELF);
    expect(rows.map((r) => r.owner)).toEqual(['A']);
    expect(ctx.events).toEqual([{ action: 'READ', subjectCurp: SELF, what: 'Things' }]);
  });

  it('answers a silent refusal with an empty list, like a person with no rows', async () => {
    const ctx = recordingContext('insured');
    const loader = scopedListLoader(ctx, {
      audit: 'Things',
      decide: () => refuse('OUTSIDE_SCOPE'),
      read: fakeRepository().read,
      keyOf: (row) => row.curp,
      subjectOf: (row) => row.curp,
    });
    expect(await loader.load(OTHER)).toEqual([]);
  });
});
