import { describe, expect, it } from 'vitest';
import { negotiateLocale } from '../../../gateway/error-messages/locale.ts';

describe('Accept-Language negotiation', () => {
  it('answers in Spanish without the header, or with a header naming neither language', () => {
    expect(negotiateLocale(undefined)).toBe('es');
    expect(negotiateLocale('')).toBe('es');
    expect(negotiateLocale('fr-CA, de')).toBe('es');
  });

  it('answers in English for en and its regional ranges', () => {
    expect(negotiateLocale('en')).toBe('en');
    expect(negotiateLocale('en-US,en;q=0.9')).toBe('en');
    expect(negotiateLocale('EN-gb')).toBe('en');
  });

  it('respects q-values, whichever comes first', () => {
    expect(negotiateLocale('es;q=0.5, en;q=0.8')).toBe('en');
    expect(negotiateLocale('en;q=0.3, es-MX')).toBe('es');
    expect(negotiateLocale('fr, en;q=0.1')).toBe('en');
  });

  it('breaks ties by the order of the header', () => {
    expect(negotiateLocale('en, es')).toBe('en');
    expect(negotiateLocale('es, en')).toBe('es');
  });

  it('never picks a language the caller refused with q=0', () => {
    expect(negotiateLocale('es;q=0, *')).toBe('en');
    expect(negotiateLocale('en;q=0')).toBe('es');
    expect(negotiateLocale('*;q=0.5, es;q=0')).toBe('en');
  });

  it('ignores malformed weights', () => {
    expect(negotiateLocale('en;q=2')).toBe('es');
    expect(negotiateLocale('en;q=abc, es;q=0.4')).toBe('es');
  });
});
