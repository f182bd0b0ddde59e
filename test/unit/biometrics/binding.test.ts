import { describe, expect, it } from 'vitest';
import { dataKeyAad, templateAad } from '../../../subgraphs/biometrics/crypto/binding.ts';
import { TemplateBindingError } from '../../../subgraphs/biometrics/crypto/errors.ts';
import { thrown } from './support.ts';

const BINDING = { recordId: 'r1', curp: 'XEXX010101HNEXXXA4', modality: 'FACE' };

describe('template AAD encoding', () => {
  it('is stable for the same record', () => {
    expect(templateAad(BINDING).equals(templateAad({ ...BINDING }))).toBe(true);
  });

  it('does not let characters move between fields', () => {
    const a = templateAad({ recordId: 'ab', curp: 'c', modality: 'FACE' });
    const b = templateAad({ recordId: 'a', curp: 'bc', modality: 'FACE' });
    expect(a.equals(b)).toBe(false);
  });

  it('differs between the template and the data key of the same record', () => {
    expect(templateAad(BINDING).equals(dataKeyAad(BINDING, 'k1'))).toBe(false);
  });

  it('binds the data key to its master key id', () => {
    expect(dataKeyAad(BINDING, 'k1').equals(dataKeyAad(BINDING, 'k2'))).toBe(false);
  });

  it('encodes each field as a 4-byte big-endian length and its UTF-8 bytes', () => {
    const aad = templateAad({ recordId: 'é', curp: 'C', modality: 'F' });
    const label = 'imss.biometrics.template.v1';
    const expected = Buffer.concat([
      Buffer.from([0, 0, 0, label.length]), Buffer.from(label),
      Buffer.from([0, 0, 0, 2, 0xc3, 0xa9]), Buffer.from([0, 0, 0, 1]), Buffer.from('C'), Buffer.from([0, 0, 0, 1]), Buffer.from('F'),
    ]);
    expect(aad.equals(expected)).toBe(true);
  });

  it('rejects an empty field, naming it', () => {
    expect(() => templateAad({ ...BINDING, recordId: '' })).toThrow(TemplateBindingError);
    expect(thrown(() => templateAad({ ...BINDING, modality: '' })).details).toEqual({ field: 'modality' });
  });

  it('rejects a lone surrogate, which UTF-8 could not encode unambiguously', () => {
    expect(() => templateAad({ ...BINDING, curp: 'X\uD800' })).toThrow(TemplateBindingError);
  });
});
