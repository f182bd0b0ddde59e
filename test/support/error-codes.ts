/**
 * The `extensions.code` values the source can emit, found by reading it: the places errors are
 * made (badInput, ClientError, rule errors and issues, scalar issues, refusals, the gateway's own
 * errors). Used by the catalogue test (test/unit/gateway/error-messages.test.ts) so that a code
 * added anywhere without a Spanish and an English text fails the build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const CODE = "'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{3,})'";

/** Where a code literal is a code: the call or field that makes an error or an issue. */
const PATTERNS = [
  new RegExp(`\\bbadInput\\(\\s*${CODE}`, 'g'),
  new RegExp(`\\bnew\\s+\\w*Error\\(\\s*${CODE}`, 'g'),
  new RegExp(`\\bnew ClientError\\(\\s*${CODE}`, 'g'),
  new RegExp(`\\b(?:fail|super)\\(\\s*${CODE}`, 'g'),
  // An issue or error object (a code with its message), or GraphQL extensions: not reference data's `code`.
  new RegExp(`\\bcode:\\s*${CODE}[^{}]*?\\bmessage\\b`, 'g'),
  new RegExp(`\\bextensions:\\s*\\{\\s*code:\\s*${CODE}`, 'g'),
  new RegExp(`\\breadonly code = ${CODE}`, 'g'),
  new RegExp(`\\bruleViolation\\([^;]*?,\\s*${CODE}\\)`, 'g'),
  /\bErrorCode\.([A-Z_]+)/g,
];
/** Union types that list codes (`type StatisticsErrorCode = 'A' | 'B'`) and maps of codes (`LABEL_CODES = {…}`). */
const LISTS = [/\btype \w*(?:ErrorCode|IssueCode) =([^;]+);/g, /\b[A-Z_]*_CODES = \{([^}]+)\}/g];

/**
 * Start-up and configuration errors: they stop a process with a message for the operator and never
 * reach a GraphQL response.
 */
const NOT_CLIENT_FACING = /^(MASTER_KEY|MASTER_KEYS|CURRENT_MASTER_KEY|BIOMETRIC_KEY_RING)_|^(UNKNOWN_MASTER_KEY|MASTER_KEY_NOT_FOUND)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__generated__' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every code found, with the first file that emits it. */
export function emittedErrorCodes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of ['gateway', 'subgraphs', 'schema'].flatMap((dir) => sourceFiles(join(root, dir)))) {
    const text = readFileSync(file, 'utf8');
    const add = (code: string) => {
      if (!NOT_CLIENT_FACING.test(code) && !found.has(code)) found.set(code, relative(root, file));
    };
    for (const pattern of PATTERNS) for (const match of text.matchAll(pattern)) add(match[1]!);
    for (const pattern of LISTS) for (const match of text.matchAll(pattern)) for (const literal of match[1]!.matchAll(/'([A-Z][A-Z0-9_]+)'/g)) add(literal[1]!);
  }
  return found;
}
