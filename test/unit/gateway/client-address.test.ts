import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../../gateway/client-address.ts';

describe('the address anonymous callers are rate-limited by', () => {
  it('is the socket address unless proxies are trusted', () => {
    expect(clientAddress('10.0.0.5', '203.0.113.7', 0)).toBe('10.0.0.5');
  });

  it('behind one trusted proxy, is the entry it appended, whatever the client wrote before it', () => {
    expect(clientAddress('10.0.0.5', '198.51.100.1, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.5', ['198.51.100.1', '203.0.113.7'], 1)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.5', '198.51.100.1, 203.0.113.7, 10.0.0.9', 2)).toBe('203.0.113.7');
  });

  it('falls back to the socket when the header is absent, too short or not an address', () => {
    expect(clientAddress('10.0.0.5', undefined, 1)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', '203.0.113.7', 2)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', 'not an address', 1)).toBe('10.0.0.5');
    expect(clientAddress(undefined, undefined, 0)).toBe('unknown');
  });

  it('reads IPv6 entries', () => {
    expect(clientAddress('::1', '2001:db8::7', 1)).toBe('2001:db8::7');
  });
});
