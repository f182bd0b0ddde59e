/**
 * Custom scalars shared by the subgraphs. Identifier scalars validate with the domain rules and
 * reject bad input with the rule's own code (CURP_CHECK_DIGIT, NSS_FORMAT, …) and the failing
 * position, so a clerk can see what to correct. Text scalars (PersonName, AddressLine, FreeText)
 * hand every subgraph its text normalised and clean (text.ts), or refuse it with the kind's code and
 * a `reason`.
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { validateCurp, validateEmail, validateNss, validateRfc } from './identifiers/index.ts';
import { TEXT_CODES, checkText, type TextKind } from './text.ts';

interface Issue {
  code: string;
  position?: number;
  message: string;
}
type Validation = { ok: true; value: string } | { ok: false; issues: readonly Issue[] };

function identifierScalar(name: string, description: string, validate: (input: string) => Validation, formatCode = `${name.toUpperCase()}_FORMAT`): GraphQLScalarType {
  const parse = (input: unknown): string => {
    if (typeof input !== 'string') {
      throw new GraphQLError(`${name} must be a string`, { extensions: { code: formatCode } });
    }
    const result = validate(input);
    if (result.ok) return result.value;
    const [first] = result.issues;
    throw new GraphQLError(`Invalid ${name}: ${result.issues.map((i) => i.message).join('; ')}`, {
      extensions: { code: first?.code ?? `${name.toUpperCase()}_FORMAT`, position: first?.position, issues: result.issues },
    });
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: (value) => String(value),
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

export const CurpScalar = identifierScalar('Curp', 'CURP, 18 characters with check digit', (input) => {
  const r = validateCurp(input);
  return r.ok ? { ok: true, value: r.value } : r;
});

export const NssScalar = identifierScalar('Nss', 'NSS, 11 digits with Luhn check digit', (input) => {
  const r = validateNss(input);
  return r.ok ? { ok: true, value: r.value } : r;
});

/** RFC check-digit mismatches are warnings (real SAT RFCs fail it): only structure rejects. */
export const RfcScalar = identifierScalar('Rfc', 'RFC, persona física (13) or moral (12)', (input) => {
  const r = validateRfc(input);
  return r.ok ? { ok: true, value: r.value } : r;
});

export const EmailScalar = identifierScalar('Email', 'E-mail address', (input) => {
  const r = validateEmail(input);
  return r.ok ? { ok: true, value: r.value } : r;
});

function textScalar(kind: TextKind, description: string): GraphQLScalarType {
  const parse = (input: unknown): string => {
    const checked = typeof input === 'string' ? checkText(kind, input) : ({ ok: false, issue: { reason: 'NOT_A_STRING', message: `${kind} must be a string` } } as const);
    if (checked.ok) return checked.value;
    const { message, ...details } = checked.issue;
    throw new GraphQLError(`Invalid ${kind}: ${message}`, { extensions: { code: TEXT_CODES[kind], ...details } });
  };
  return new GraphQLScalarType<string, string>({
    name: kind,
    description,
    serialize: (value) => String(value),
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

export const PersonNameScalar = textScalar('PersonName', 'A given name or surname: Latin letters (accents, diaeresis, Ñ), spaces, apostrophes, hyphens, periods; NFC, at most 80 characters');
export const AddressLineScalar = textScalar('AddressLine', 'A line of a Mexican address: letters, digits, spaces and . , - # / \' ( ) ° º ª &; NFC, at most 120 characters');
export const FreeTextScalar = textScalar('FreeText', 'Short free text: printable characters of any script, no control or invisible ones; NFC, at most 500 characters');

const PHONE = /^\+?[0-9 ()-]{7,20}$/;

/** A phone number as people write it: an optional +, digits, spaces, parentheses and hyphens. */
export const PhoneScalar = identifierScalar('Phone', 'Phone number: optional +, then 7–20 digits, spaces, parentheses or hyphens', (input) => {
  const value = input.normalize('NFC').trim();
  return PHONE.test(value) ? { ok: true, value } : { ok: false, issues: [{ code: 'PHONE_FORMAT', message: 'Phone must have 7 to 20 digits' }] };
});

/** A code from a reference table (referenceValues): upper-case letters, digits and underscores. */
export const ReferenceCodeScalar = identifierScalar(
  'ReferenceCode',
  'A code of a reference table: A–Z, 0–9 and _, at most 64 characters',
  (input) => (/^[A-Z0-9_]{1,64}$/.test(input) ? { ok: true, value: input } : { ok: false, issues: [{ code: 'REFERENCE_CODE_FORMAT', message: 'A reference code has 1 to 64 characters A–Z, 0–9 or _' }] }),
  'REFERENCE_CODE_FORMAT',
);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

function parseDate(input: unknown): string {
  if (typeof input !== 'string' || !isCalendarDate(input)) {
    throw new GraphQLError('Date must be a calendar date YYYY-MM-DD', { extensions: { code: 'DATE_FORMAT' } });
  }
  return input;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'Calendar date, ISO 8601 (YYYY-MM-DD)',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDateTime(input: unknown): Date {
  const date = typeof input === 'string' ? new Date(input) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime()) || !/T.*(Z|[+-]\d{2}:\d{2})$/.test(String(input))) {
    throw new GraphQLError('DateTime must be ISO 8601 with an offset', { extensions: { code: 'DATETIME_FORMAT' } });
  }
  return date;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'Instant, ISO 8601 with offset',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const sharedScalars = {
  Curp: CurpScalar,
  Nss: NssScalar,
  Rfc: RfcScalar,
  Email: EmailScalar,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  PersonName: PersonNameScalar,
  AddressLine: AddressLineScalar,
  FreeText: FreeTextScalar,
  Phone: PhoneScalar,
  ReferenceCode: ReferenceCodeScalar,
};
