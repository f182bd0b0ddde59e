/**
 * A strict reader for the YAML subset compose.yaml and gateway/peers/router.yaml are written in (no
 * YAML parser is a dependency of this project): block mappings and sequences indented by two
 * spaces, `- key: value` items, one-line flow sequences of scalars, `{}`, comments. Scalars are
 * double-quoted strings (JSON escapes), integers, `true`/`false`, or plain words of letters, digits
 * and `_ . / -`. Anything else (anchors, tags, multi-line scalars, yes/no/on/off, unquoted `:`) is
 * refused with its line number, so the files cannot drift into YAML this reader would misread.
 */
export type YamlValue = string | number | boolean | YamlValue[] | { [key: string]: YamlValue };

interface Line {
  number: number;
  indent: number;
  text: string;
}

const PLAIN = /^[A-Za-z_/.][A-Za-z0-9_./-]*$/;
const AMBIGUOUS = /^(yes|no|on|off|y|n|null|~)$/i;
const KEY = /^([A-Za-z0-9_.-]+|"(?:[^"\\]|\\.)*"):(?: (.*))?$/;

export class YamlSubsetError extends SyntaxError {}

export function parseYamlSubset(source: string): YamlValue {
  const lines: Line[] = [];
  source.split('\n').forEach((raw, i) => {
    if (raw.includes('\t')) throw new YamlSubsetError(`line ${i + 1}: tab`);
    const text = stripComment(raw, i + 1).trimEnd();
    if (text.trim() === '') return;
    lines.push({ number: i + 1, indent: text.length - text.trimStart().length, text: text.trimStart() });
  });
  if (lines.length === 0) throw new YamlSubsetError('empty document');
  let at = 0;

  function block(indent: number): YamlValue {
    const first = lines[at]!;
    if (first.indent !== indent) throw new YamlSubsetError(`line ${first.number}: expected indentation ${indent}`);
    return first.text.startsWith('- ') || first.text === '-' ? sequence(indent) : mapping(indent);
  }

  function sequence(indent: number): YamlValue[] {
    const items: YamlValue[] = [];
    while (at < lines.length && lines[at]!.indent === indent && lines[at]!.text.startsWith('- ')) {
      const line = lines[at]!;
      const rest = line.text.slice(2);
      if (KEY.test(rest)) {
        // "- key: value": a mapping whose first entry sits after the dash, the others under it.
        lines[at] = { number: line.number, indent: indent + 2, text: rest };
        items.push(mapping(indent + 2));
      } else {
        at += 1;
        items.push(scalarOrFlow(rest, line.number));
      }
    }
    return items;
  }

  function mapping(indent: number): { [key: string]: YamlValue } {
    const entries: { [key: string]: YamlValue } = {};
    while (at < lines.length && lines[at]!.indent === indent) {
      const line = lines[at]!;
      const match = KEY.exec(line.text);
      if (!match) throw new YamlSubsetError(`line ${line.number}: expected "key: value"`);
      const key = match[1]!.startsWith('"') ? (JSON.parse(match[1]!) as string) : match[1]!;
      if (key in entries) throw new YamlSubsetError(`line ${line.number}: duplicate key ${key}`);
      at += 1;
      if (match[2] !== undefined && match[2] !== '') entries[key] = scalarOrFlow(match[2], line.number);
      else if (at < lines.length && lines[at]!.indent > indent) entries[key] = block(lines[at]!.indent);
      else throw new YamlSubsetError(`line ${line.number}: ${key} has no value`);
    }
    if (at < lines.length && lines[at]!.indent > indent) throw new YamlSubsetError(`line ${lines[at]!.number}: unexpected indentation`);
    return entries;
  }

  const document = block(0);
  if (at < lines.length) throw new YamlSubsetError(`line ${lines[at]!.number}: unexpected content`);
  return document;
}

function scalarOrFlow(text: string, line: number): YamlValue {
  if (text === '{}') return {};
  if (!text.startsWith('[')) return scalar(text, line);
  if (!text.endsWith(']')) throw new YamlSubsetError(`line ${line}: flow sequences must close on their line`);
  const inner = text.slice(1, -1).trim();
  if (inner === '') return [];
  const items: YamlValue[] = [];
  // Items are quoted strings or plain scalars, separated by commas outside quotes.
  const item = /\s*("(?:[^"\\]|\\.)*"|[^,"\s][^,]*?)\s*(?:,|$)/y;
  let match: RegExpExecArray | null;
  while (item.lastIndex < inner.length && (match = item.exec(inner)) !== null) items.push(scalar(match[1]!, line));
  if (item.lastIndex < inner.length) throw new YamlSubsetError(`line ${line}: malformed flow sequence`);
  return items;
}

function scalar(text: string, line: number): YamlValue {
  if (text.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(text)) throw new YamlSubsetError(`line ${line}: malformed quoted string`);
    return JSON.parse(text) as string;
  }
  if (/^-?\d+$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (AMBIGUOUS.test(text) || !PLAIN.test(text)) throw new YamlSubsetError(`line ${line}: quote ${JSON.stringify(text)}`);
  return text;
}

/** Drops a `#` comment that starts a line or follows a space outside a quoted string. */
function stripComment(raw: string, line: number): string {
  let quoted = false;
  for (let i = 0; i < raw.length; i += 1) {
    const char = raw[i];
    if (quoted && char === '\\') i += 1;
    else if (char === '"') quoted = !quoted;
    else if (!quoted && char === '#' && (i === 0 || raw[i - 1] === ' ')) return raw.slice(0, i);
    else if (!quoted && (char === '&' || char === '*' || char === '!' || char === '|' || char === '>') && (i === 0 || raw[i - 1] === ' ')) {
      throw new YamlSubsetError(`line ${line}: anchors, aliases, tags and block scalars are outside the subset`);
    }
  }
  if (quoted) throw new YamlSubsetError(`line ${line}: unterminated string`);
  return raw;
}
