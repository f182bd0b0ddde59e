import { describe, expect, it } from 'vitest';
import { parseYamlSubset } from '../support/yaml-subset.ts';

describe('the YAML subset reader', () => {
  it('reads nested mappings, sequences of mappings, flow sequences, quoted strings, numbers and booleans', () => {
    const text = [
      '# a comment',
      'name: "x" # trailing comment',
      'services:',
      '  a:',
      '    command: ["node", "-e", "a, b # not a comment"]',
      '    retries: 20',
      '    internal: true',
      '    empty: {}',
      '    list:',
      '      - plain_word',
      '      - propagate:',
      '          named: "authorization"',
      '        other: 1',
    ].join('\n');
    expect(parseYamlSubset(text)).toEqual({
      name: 'x',
      services: { a: { command: ['node', '-e', 'a, b # not a comment'], retries: 20, internal: true, empty: {}, list: ['plain_word', { propagate: { named: 'authorization' }, other: 1 }] } },
    });
  });

  it('refuses what it could misread: yes/no, unquoted punctuation, anchors, block scalars, tabs, duplicate keys', () => {
    for (const text of ['a: yes', 'a: 1.5', 'a: b:c', 'a: &x "v"', 'a: |', 'a:\n\t- b', 'a: 1\na: 2', 'a:\n  - "x"\n   b: 1', 'a: "open']) {
      expect(() => parseYamlSubset(text), JSON.stringify(text)).toThrow(SyntaxError);
    }
  });

  it('refuses a key with no value rather than guessing null', () => {
    expect(() => parseYamlSubset('a:\nb: 1')).toThrow(/a has no value/);
  });
});
