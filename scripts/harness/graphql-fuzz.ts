import * as fc from 'fast-check';
import {
  getNamedType, type GraphQLArgument, type GraphQLField, type GraphQLInputType, type GraphQLSchema, isEnumType, isInputObjectType, isListType, isNonNullType,
  isScalarType, isLeafType,
} from 'graphql';

/**
 * Schema-driven GraphQL fuzzing: every query and mutation argument (and every field of their
 * input objects) gets hostile values of its type's payload classes, with the other arguments
 * otherwise valid, so a bad value reaches the resolver. Used by `npm run fuzz` and by the e2e test.
 */

export type OperationKind = 'query' | 'mutation';

export interface Operation {
  kind: OperationKind;
  name: string;
  field: GraphQLField<unknown, unknown>;
}

/** A position in an operation's arguments: [argName, field, 0 (list element), field, ...]. */
export type ArgPath = (string | number)[];

export interface Payload {
  /** Payload class, e.g. `nul`, `lone-high-surrogate`, `int-2^31`, `list-10000`. */
  cls: string;
  value: unknown;
}

export interface FuzzCase {
  op: Operation;
  path: ArgPath;
  payload: Payload;
  /** The request body (JSON text; some numbers are written raw, beyond what JSON.stringify can express). */
  body: string;
}

/** Entities whose ids the fuzzer fills in, mapped to their table. */
export const ENTITY_TABLES: Record<string, string> = {
  Challenge: 'challenge', Proposal: 'proposal', CreativeProfile: 'creative_profile', Organisation: 'organisation', Need: 'need', Offer: 'offer',
  Event: 'event', EventParticipant: 'event_participant', MeetingRequest: 'meeting_request', ChallengeQuestion: 'challenge_question',
  Invitation: 'invitation', ScheduleRun: 'schedule_run', Account: 'account', Notification: 'notification', Slot: 'event_slot', Attachment: 'attachment',
  Session: 'event_session',
};

const ARG_ENTITY: Record<string, string> = {
  challengeId: 'Challenge', proposalId: 'Proposal', proposalIds: 'Proposal', creativeProfileId: 'CreativeProfile', creativeProfileIds: 'CreativeProfile',
  organisationId: 'Organisation', ownerOrganisationId: 'Organisation', eventId: 'Event', participantId: 'EventParticipant', asParticipantId: 'EventParticipant',
  targetParticipantId: 'EventParticipant', toParticipantId: 'EventParticipant', fromParticipantId: 'EventParticipant', requestId: 'MeetingRequest', slotId: 'Slot',
  slotIds: 'Slot', accountId: 'Account', sessionId: 'Session', needId: 'Need', offerId: 'Offer', attachmentId: 'Attachment',
};

/** Which entity an ID argument names: by its name, or for a bare `id`/`ids` by the operation's name and return type. */
export function entityOf(op: Operation, argName: string): string | undefined {
  if (ARG_ENTITY[argName]) return ARG_ENTITY[argName];
  if (/participant/i.test(argName)) return 'EventParticipant';
  if (argName !== 'id' && argName !== 'ids') return undefined;
  const returned = getNamedType(op.field.type).name;
  if (ENTITY_TABLES[returned]) return returned;
  const byName = Object.keys(ENTITY_TABLES).filter((e) => op.name.toLowerCase().includes(e.toLowerCase())).sort((a, b) => b.length - a.length);
  return byName[0] ?? (/notification/i.test(op.name) ? 'Notification' : undefined);
}

export function operationsOf(schema: GraphQLSchema): Operation[] {
  const list: Operation[] = [];
  for (const [kind, type] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) list.push({ kind, name: field.name, field });
  }
  return list;
}

/** Mutations that end or remove things run last, so the others still find live objects. */
export function orderForFuzzing(ops: Operation[]): Operation[] {
  return [...ops].sort((a, b) => rankOf(a) - rankOf(b) || a.name.localeCompare(b.name));
}

/**
 * 0 queries, 1 writes that create something, 2 other writes, 3 writes that end or remove
 * something. Creations come first so a write that needs what they create (a portfolio item needs
 * a profile) is judged on the same world when its rejection is replayed.
 */
export function rankOf(o: Operation): number {
  if (o.kind === 'query') return 0;
  if (/^(cancel|close|delete|remove|revoke|withdraw|uninvite|unplace|decline|logout)/.test(o.name)) return 3;
  return /^create/.test(o.name) ? 1 : 2;
}

export interface ValueContext {
  /** A real id of the entity for the signed-in role (or any), undefined when none is known. */
  id(entity: string | undefined): string | undefined;
  /** A fresh number per call (unique e-mail addresses). */
  unique(): number;
}

const STRING_BY_NAME: [RegExp, () => string][] = [
  [/^(municipality|municipalities)$/, () => 'ziri'],
  [/^(language|languages|locale)$/, () => 'sl'],
  [/^domains?$/, () => 'design-visual-arts'],
  [/^techniques?$/, () => 'blueprint'],
  [/^materials?$/, () => 'leather'],
  [/^crafts?$/, () => 'blueprint'],
  [/^skills?$/, () => 'blueprint'],
  [/(url|link|website|portfolioLinks)/i, () => 'https://example.com/portfolio'],
  [/password/i, () => 'valid-but-wrong-password-2026'],
  [/^(query|text)$/, () => 'modrotisk'],
  [/^(after)$/, () => ''],
];

/** An otherwise valid value of `type` for the argument or field `name`. */
export function validValue(type: GraphQLInputType, name: string, op: Operation, ctx: ValueContext): unknown {
  if (isNonNullType(type)) return validValue(type.ofType, name, op, ctx);
  if (isListType(type)) return [validValue(type.ofType, name, op, ctx)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    // All optional (localised texts, filters): fill the plain fields so the object says something.
    const chosen = required.length ? required : fields.filter((f) => isLeafType(getNamedType(f.type)));
    return Object.fromEntries(chosen.map((f) => [f.name, validValue(f.type, f.name, op, ctx)]));
  }
  if (!isScalarType(type)) return null;
  switch (type.name) {
    case 'ID': {
      const entity = entityOf(op, name);
      return ctx.id(entity) ?? '00000000-0000-4000-8000-000000000000';
    }
    case 'Int':
      if (/year/i.test(name)) return new Date().getUTCFullYear();
      if (/eur|amount|budget/i.test(name)) return 100;
      if (/score/i.test(name)) return 5;
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return false;
    case 'DateTime':
      return '2099-06-01T10:00:00.000Z';
    case 'String': {
      if (/email/i.test(name)) return `fuzz-${ctx.unique()}@example.com`;
      const rule = STRING_BY_NAME.find(([re]) => re.test(name));
      return rule ? rule[1]() : 'Besedilo za preizkus';
    }
    default:
      return 'x';
  }
}

/** Every argument and every field of their input objects (list elements through index 0), to `maxDepth`. */
export function argPaths(op: Operation, maxDepth = 3): { path: ArgPath; type: GraphQLInputType }[] {
  const out: { path: ArgPath; type: GraphQLInputType }[] = [];
  const walk = (type: GraphQLInputType, path: ArgPath, depth: number, seen: Set<string>) => {
    out.push({ path, type });
    let inner = isNonNullType(type) ? type.ofType : type;
    let elementPath = path;
    if (isListType(inner)) {
      elementPath = [...path, 0];
      inner = isNonNullType(inner.ofType) ? inner.ofType.ofType : inner.ofType;
    }
    if (isInputObjectType(inner) && depth < maxDepth && !seen.has(inner.name)) {
      const next = new Set(seen).add(inner.name);
      for (const f of Object.values(inner.getFields())) walk(f.type, [...elementPath, f.name], depth + 1, next);
    }
  };
  for (const arg of op.field.args) walk(arg.type, [arg.name], 0, new Set());
  return out;
}

const BIDI = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
/** Written into the body as a raw JSON number (JSON.stringify would round it to 2^53). */
export const RAW_2_53_PLUS_1 = '__raw_9007199254740993__';

export interface PayloadOptions {
  /** Include the 1 MB string and the 10,000-item lists. */
  big: boolean;
  /** fast-check samples per leaf (0: none). */
  generated: number;
  seed: number;
}

/** Hostile values for a position of type `type`; `valid` is the valid element value for lists. */
export function payloadsFor(type: GraphQLInputType, valid: unknown, options: PayloadOptions, leafSeed: number): Payload[] {
  const out: Payload[] = [];
  const nonNull = isNonNullType(type);
  const inner = nonNull ? type.ofType : type;
  out.push({ cls: nonNull ? 'null-for-required' : 'null', value: null });
  if (isListType(inner)) {
    const element = Array.isArray(valid) ? valid[0] : valid;
    if (options.big) {
      out.push({ cls: 'list-10000', value: Array.from({ length: 10_000 }, () => element) });
      out.push({ cls: 'nested-list-100x100', value: Array.from({ length: 100 }, () => Array.from({ length: 100 }, () => element)) });
      if (getNamedType(inner).name === 'ID') out.push({ cls: 'list-10000-distinct-ids', value: fc.sample(fc.uuid(), { seed: leafSeed, numRuns: 10_000 }) });
    }
    out.push({ cls: 'empty-list', value: [] });
    return out;
  }
  const named = getNamedType(type);
  out.push({ cls: 'object-for-scalar', value: isInputObjectType(named) ? 'not-an-object' : { x: 1 } });
  if (isInputObjectType(named)) return out;
  if (isEnumType(named)) {
    out.push({ cls: 'wrong-enum', value: 'NOT_A_VALUE' }, { cls: 'enum-lowercase', value: named.getValues()[0].name.toLowerCase() }, { cls: 'enum-as-int', value: 0 });
    return out;
  }
  switch (named.name) {
    case 'Int':
    case 'Float':
      out.push(
        { cls: 'negative', value: -1 }, { cls: 'zero', value: 0 }, { cls: 'int-2^31', value: 2 ** 31 }, { cls: 'int-min-1', value: -(2 ** 31) - 1 },
        { cls: 'int-2^53+1', value: RAW_2_53_PLUS_1 }, { cls: 'nan-string', value: 'NaN' }, { cls: 'infinity-string', value: 'Infinity' },
        { cls: 'float', value: 1.5 }, { cls: 'huge-float', value: 1e308 }, { cls: 'numeric-string', value: '12' },
      );
      if (named.name === 'Int') out.push({ cls: 'int-max', value: 2 ** 31 - 1 }, { cls: 'int-min', value: -(2 ** 31) });
      for (const v of options.generated ? fc.sample(fc.integer(), { seed: leafSeed, numRuns: options.generated }) : []) out.push({ cls: 'fc-integer', value: v });
      return out;
    case 'Boolean':
      out.push({ cls: 'string-for-boolean', value: 'true' }, { cls: 'int-for-boolean', value: 1 });
      return out;
    case 'DateTime':
      out.push(
        { cls: 'date-2027-02-30', value: '2027-02-30T00:00:00Z' }, { cls: 'date-only-2027-02-30', value: '2027-02-30' },
        { cls: 'date-0000-01-01', value: '0000-01-01T00:00:00Z' }, { cls: 'date-max', value: '+275760-09-13T00:00:00Z' },
        { cls: 'date-beyond-max', value: '+275760-09-13T00:00:00.001Z' }, { cls: 'date-past', value: '1970-01-01T00:00:00Z' },
        { cls: 'date-9999', value: '9999-12-31T23:59:59Z' }, { cls: 'empty', value: '' }, { cls: 'date-words', value: 'yesterday' }, { cls: 'int-for-date', value: 1.5 },
      );
      return out;
    default:
      break;
  }
  // String, ID and other scalars: text classes.
  out.push(
    { cls: 'empty', value: '' }, { cls: 'whitespace', value: ' \t\n ' }, { cls: 'nul', value: 'a\u0000b' },
    { cls: 'lone-high-surrogate', value: 'a\uD800b' }, { cls: 'lone-low-surrogate', value: 'a\uDC00b' }, { cls: 'bidi', value: `a${BIDI}b` },
    { cls: 'emoji', value: '👩🏽‍🎨🧵🇸🇮' }, { cls: 'sql', value: "'; DROP TABLE account; --" }, { cls: 'html', value: '<script>alert(1)</script><img src=x onerror=alert(1)>' },
    { cls: 'ical', value: 'x\r\nBEGIN:VEVENT\r\nSUMMARY:injected\r\nEND:VEVENT' }, { cls: 'csv', value: '=HYPERLINK("http://evil.example","klik")' },
    { cls: 'int-for-string', value: 12 }, { cls: 'long-10k', value: 'ž'.repeat(10_000) },
  );
  if (named.name === 'ID') out.push({ cls: 'nil-uuid', value: '00000000-0000-0000-0000-000000000000' }, { cls: 'not-a-uuid', value: 'not-a-uuid' }, { cls: 'uuid-too-long', value: `${String(valid)}0` });
  if (options.big) out.push({ cls: '1mb', value: 'a'.repeat(1024 * 1024) });
  for (const v of options.generated ? fc.sample(fc.string({ unit: 'binary', maxLength: 64 }), { seed: leafSeed, numRuns: options.generated }) : []) out.push({ cls: 'fc-string', value: v });
  return out;
}

function setAt(target: Record<string, unknown>, path: ArgPath, value: unknown, fill: (path: ArgPath) => unknown): void {
  let node: unknown = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const container = node as Record<string | number, unknown>;
    if (container[key] === undefined || container[key] === null || typeof container[key] !== 'object') container[key] = fill(path.slice(0, i + 1));
    node = container[key];
  }
  (node as Record<string | number, unknown>)[path[path.length - 1]] = value;
}

/** The input type at a path (through list elements), for filling in missing optional objects. */
function typeAt(op: Operation, path: ArgPath): GraphQLInputType {
  const arg = op.field.args.find((a) => a.name === path[0]) as GraphQLArgument;
  let type: GraphQLInputType = arg.type;
  for (const key of path.slice(1)) {
    const inner: GraphQLInputType = isNonNullType(type) ? type.ofType : type;
    if (typeof key === 'number') {
      type = isListType(inner) ? (inner.ofType as GraphQLInputType) : inner;
    } else if (isInputObjectType(inner)) {
      type = inner.getFields()[key].type;
    } else if (isListType(inner)) {
      const el = isNonNullType(inner.ofType) ? inner.ofType.ofType : inner.ofType;
      type = isInputObjectType(el) ? el.getFields()[key].type : el;
    }
  }
  return type;
}

/** Otherwise valid arguments of an operation (required ones only). */
export function validArguments(op: Operation, ctx: ValueContext): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const arg of op.field.args) if (isNonNullType(arg.type) && arg.defaultValue === undefined) args[arg.name] = validValue(arg.type, arg.name, op, ctx);
  return args;
}

export function documentFor(op: Operation): string {
  const defs = op.field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const uses = op.field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(op.field.type)) ? '' : ' { __typename }';
  return `${op.kind} Fuzz${defs ? `(${defs})` : ''} { ${op.name}${uses ? `(${uses})` : ''}${selection} }`;
}

/** Every case for one operation: each position × each payload class. */
export function casesFor(op: Operation, ctx: ValueContext, options: PayloadOptions): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const document = documentFor(op);
  // Nothing to fuzz: sent once as it is (every operation of the schema is called).
  if (op.field.args.length === 0) return [{ op, path: [], payload: { cls: 'no-arguments', value: null }, body: JSON.stringify({ query: document }) }];
  argPaths(op).forEach(({ path, type }, index) => {
    const leafName = String([...path].reverse().find((k) => typeof k === 'string'));
    const valid = validValue(type, leafName, op, ctx);
    const leafSeed = (options.seed + hash(`${op.name}.${path.join('.')}`) + index) | 0;
    for (const payload of payloadsFor(type, valid, options, leafSeed)) {
      const variables = validArguments(op, ctx);
      setAt(variables, path, payload.value, (p) => validValue(typeAt(op, p), String(p[p.length - 1]), op, ctx));
      const body = JSON.stringify({ query: document, variables }).replace(`"${RAW_2_53_PLUS_1}"`, '9007199254740993');
      cases.push({ op, path, payload, body });
    }
  });
  return cases;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export interface Verdict {
  http500: boolean;
  internal: boolean;
  stackTrace: boolean;
  /** No errors and data for the field: the request was accepted (a mutation wrote). */
  accepted: boolean;
  noAnswer: boolean;
  codes: string[];
}

/** `    at fn (file.ts:1:2)` frames, source paths, and PostgreSQL error texts. */
export const STACK_TRACE = /\n\s+at \S|\bat [\w$.<>]+ \([^)]*:\d+:\d+\)|[\w/-]+\.(?:ts|js):\d+|node_modules\/|QueryFailedError|duplicate key value violates|violates (?:not-null|foreign key|check|unique|exclusion) constraint|invalid input syntax for type|syntax error at or near|out of range for type|value too long for type|invalid byte sequence for encoding|unsupported Unicode escape sequence|date\/time field value out of range/i;

export function judge(status: number, text: string, field: string): Verdict {
  let codes: string[] = [];
  let accepted = false;
  try {
    const json = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
    codes = (json.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
    accepted = !json.errors?.length && json.data?.[field] !== undefined && json.data?.[field] !== null;
  } catch {
    // not JSON (413 page, proxy error): judged by status and text only
  }
  return {
    http500: status >= 500, internal: codes.includes('INTERNAL_SERVER_ERROR'), stackTrace: STACK_TRACE.test(text), accepted, noAnswer: status === 0, codes,
  };
}
