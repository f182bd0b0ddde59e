/** The Idempotency-Key header's form (schema/identity/idempotency-key.ts), as the gateway checks it. */
import { describe, expect, it } from 'vitest';
import { IDEMPOTENCY_KEY_MAX_LENGTH, InvalidIdempotencyKeyError, parseIdempotencyKey } from '../../../schema/identity/idempotency-key.ts';

describe('Idempotency-Key', () => {
  it('is absent when not sent, and kept as sent when 1-255 printable ASCII characters', () => {
    expect(parseIdempotencyKey(undefined)).toBeNull();
    expect(parseIdempotencyKey([])).toBeNull();
    expect(parseIdempotencyKey(['a'])).toBe('a');
    expect(parseIdempotencyKey(['~'.repeat(IDEMPOTENCY_KEY_MAX_LENGTH)])).toHaveLength(255);
    expect(parseIdempotencyKey('pago 2026/03 "x"')).toBe('pago 2026/03 "x"');
  });

  it('is refused, with a code and a 400, when empty, too long, not printable ASCII, or sent twice', () => {
    for (const values of [[''], ['x'.repeat(256)], ['línea'], ['a\u0000b'], ['a\tb'], ['one', 'two']]) {
      const error = (() => { try { parseIdempotencyKey(values); return null; } catch (e) { return e; } })();
      expect(error, JSON.stringify(values)).toBeInstanceOf(InvalidIdempotencyKeyError);
      expect((error as InvalidIdempotencyKeyError).extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID', http: { status: 400 } });
    }
  });
});
