/**
 * Message templates of the error catalogue: literal text, `{name}` for a parameter, `[ … ]` for a
 * part shown only when every parameter inside it is known, `\` to escape a character. The same
 * English template reads the parameters back out of the message a subgraph wrote, so the Spanish
 * text carries the same values (limits, dates, positions) even when the error's extensions lack
 * them.
 */
type Node = { kind: 'text'; text: string } | { kind: 'param'; name: string } | { kind: 'optional'; nodes: Node[] };

const parsed = new Map<string, Node[]>();

function parse(template: string): Node[] {
  const cached = parsed.get(template);
  if (cached) return cached;
  let i = 0;
  const read = (closing: string | null): Node[] => {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', text });
      text = '';
    };
    while (i < template.length) {
      const c = template[i]!;
      if (c === '\\' && i + 1 < template.length) {
        text += template[i + 1];
        i += 2;
      } else if (c === '{') {
        const end = template.indexOf('}', i);
        if (end < 0) throw new Error(`unclosed parameter in template: ${template}`);
        flush();
        nodes.push({ kind: 'param', name: template.slice(i + 1, end) });
        i = end + 1;
      } else if (c === '[') {
        flush();
        i += 1;
        nodes.push({ kind: 'optional', nodes: read(']') });
      } else if (c === closing) {
        i += 1;
        flush();
        return nodes;
      } else {
        text += c;
        i += 1;
      }
    }
    if (closing) throw new Error(`unclosed optional part in template: ${template}`);
    flush();
    return nodes;
  };
  const nodes = read(null);
  parsed.set(template, nodes);
  return nodes;
}

/** Parameter names a template uses; with `requiredOnly`, those outside optional parts. */
export function templateParameters(template: string, requiredOnly = false): string[] {
  const names: string[] = [];
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (node.kind === 'param') names.push(node.name);
      else if (node.kind === 'optional' && !requiredOnly) walk(node.nodes);
    }
  };
  walk(parse(template));
  return names;
}

const compiled = new Map<string, { regex: RegExp; names: Map<string, string> }>();

function regexOf(template: string) {
  const cached = compiled.get(template);
  if (cached) return cached;
  const names = new Map<string, string>();
  const build = (nodes: Node[]): string =>
    nodes
      .map((node) => {
        if (node.kind === 'text') return node.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        if (node.kind === 'optional') return `(?:${build(node.nodes)})?`;
        const existing = names.get(node.name);
        if (existing) return `\\k<${existing}>`;
        const group = `p${names.size}`;
        names.set(node.name, group);
        // A frame's {inner} takes all it can, so the frame's own values are the shortest ones.
        return node.name === 'inner' ? `(?<${group}>[\\s\\S]+)` : `(?<${group}>[\\s\\S]+?)`;
      })
      .join('');
  const entry = { regex: new RegExp(`^${build(parse(template))}$`), names };
  compiled.set(template, entry);
  return entry;
}

/** The parameters of `text` if it is an instance of `template`, else null. */
export function matchTemplate(template: string, text: string): Record<string, string> | null {
  const { regex, names } = regexOf(template);
  const match = regex.exec(text);
  if (!match) return null;
  const values: Record<string, string> = {};
  for (const [name, group] of names) {
    const value = match.groups?.[group];
    if (value !== undefined) values[name] = value;
  }
  return values;
}

export type Parameters = Readonly<Record<string, unknown>>;

function show(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value) && value.every((v) => ['string', 'number'].includes(typeof v))) return value.join(', ');
  return null;
}

/** `template` with its parameters filled in, or null when a required one is unknown. */
export function renderTemplate(template: string, params: Parameters): string | null {
  const render = (nodes: Node[]): string | null => {
    let out = '';
    for (const node of nodes) {
      if (node.kind === 'text') out += node.text;
      else if (node.kind === 'param') {
        const value = show(params[node.name]);
        if (value === null) return null;
        out += value;
      } else out += render(node.nodes) ?? '';
    }
    return out;
  };
  return render(parse(template));
}
