/**
 * Generates malformed and boundary requests for any operation of the OpenAPI document (/docs), from its
 * own schemas: wrong types, huge strings, Unicode edge cases, missing and extra fields, broken JSON,
 * other wards' ids, every role and none. Each case says whether the server must refuse it: a case
 * that breaks the schema or names what the caller may not touch must get a 4xx; a boundary value
 * that may be valid (an emoji in a title) may be accepted, but never answered with a 5xx.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';

export type JsonSchema = {
  type?: string | string[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  pattern?: string;
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  additionalProperties?: boolean | JsonSchema;
  default?: unknown;
};

export interface Operation {
  method: string;
  path: string;
  name: string;
  public: boolean;
  /** Who may call it (the route kit's `x-roles`); undefined for a public operation. */
  roles: string[] | undefined;
  /** A multipart upload's form (requestBody multipart/form-data). */
  form: JsonSchema | undefined;
  /** The body is the file's bytes themselves (requestBody application/octet-stream). */
  raw: boolean;
  pathParams: string[];
  query: { name: string; required: boolean; schema: JsonSchema }[];
  body: JsonSchema | undefined;
  bodyTypes: string[];
}

export interface FuzzRequest {
  method: string;
  url: string;
  role: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** Why the server must refuse it; empty when a valid answer is allowed. */
  mustRefuse: string[];
  /** The role is not among the operation's `x-roles`: the answer must be 403. */
  roleRefused: boolean;
  /** An allowed role, every path id its own ward's: the role check must not refuse it. */
  allowedOnOwnData: boolean;
  /** What was done, for the failure report. */
  what: string[];
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        security?: unknown[];
        'x-roles'?: string[];
        parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
}

export function operationsOf(docs: OpenApi): Operation[] {
  return Object.entries(docs.paths)
    .filter(([path]) => !path.startsWith('/sim/') && !path.startsWith('/docs'))
    .flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => {
        const parameters = op.parameters ?? [];
        const content = op.requestBody?.content ?? {};
        return {
          method: method.toUpperCase(),
          path,
          name: `${method.toUpperCase()} ${path}`,
          public: !op.security?.length,
          roles: op['x-roles'],
          form: content['multipart/form-data']?.schema,
          raw: 'application/octet-stream' in content,
          pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          query: parameters
            .filter((p) => p.in === 'query')
            .map((p) => ({ name: p.name, required: Boolean(p.required), schema: p.schema ?? {} })),
          body: content['application/json']?.schema,
          bodyTypes: Object.keys(content),
        };
      }),
    );
}

/** Strings that have broken servers: each is a single value a person could type or paste. */
export const EDGE_STRINGS: string[] = [
  '',
  ' ',
  'Tie\u0302\u0301ng Vie\u0323\u0302t', // Vietnamese in NFD: base letters and combining marks
  `a${'\u0301\u0302\u0303\u0323'.repeat(40)}`, // a tower of combining marks
  '\u202Eđảo chiều\u202C', // right-to-left override
  'مرحبا بالعالم', // right-to-left script
  'שלום',
  '\u200B\u200C\u200D\u2060\uFEFF', // zero-width characters only
  'tên\u200Bẩn',
  '👨‍👩‍👧‍👦🇻🇳🏳️‍🌈', // emoji joined by ZWJ, a flag
  'a\u0000b', // NUL, which PostgreSQL text cannot hold
  '\u0000',
  '\uD800', // a lone surrogate
  '\uFFFF\uFFFE',
  '\r\n\t\u000b\u000c',
  "'; DROP TABLE wards; --",
  '%00%2e%2e%2f',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as typed
  '${7*7}{{7*7}}',
  '1e309',
  '-0',
  'NaN',
  '00000000-0000-0000-0000-000000000000',
  '2026-02-30',
  '2026-05-20T25:61:00+07:00',
  'Ω'.repeat(5_000),
];

const HUGE = 'x'.repeat(200_000);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The roles a session can carry (a resident signs in too: the public side of the mini app). */
export const ROLES = ['admin', 'staff', 'leader', 'team_lead', 'team_member', 'resident'] as const;

const types = (schema: JsonSchema): string[] => [schema.type ?? []].flat();

/** A value that passes the schema when one is easy to make (the isolation matrix's sampler, widened). */
export function sample(schema: JsonSchema | undefined): unknown {
  if (!schema) return undefined;
  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    const value = union.find((s) => !types(s).includes('null'));
    if (value?.pattern && union.some((s) => types(s).includes('null'))) return null;
    return sample(value ?? union[0]);
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  switch (types(schema)[0]) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sample(value)]),
      );
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items));
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return true;
    case 'string':
      if (schema.pattern) {
        if (schema.nullable) return null;
        if (schema.pattern.includes('{64}')) return 'a'.repeat(64);
        if (schema.pattern.startsWith('^/')) return '/';
      }
      if (schema.format === 'date') return '2026-05-20';
      if (schema.format === 'date-time') return '2026-05-20T10:00:00+07:00';
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (schema.format === 'time') return '08:00';
      return 'Nội dung thử'.padEnd(schema.minLength ?? 0, '.');
    default:
      return null;
  }
}

/** A value no coercion turns into this schema's type (Fastify's Ajv coerces scalars and arrays). */
function wrongType(schema: JsonSchema): { value: unknown; surely: boolean } {
  const t = types(schema);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    const accepts = union.flatMap(types);
    if (accepts.includes('object'))
      return {
        value: 12345,
        surely: !accepts.includes('number') && !accepts.includes('integer') && !accepts.includes('string'),
      };
    return { value: { khong: 'hop le' }, surely: true };
  }
  if (t.includes('object')) return { value: 'không phải đối tượng', surely: !t.includes('string') };
  if (!t.length) return { value: { khong: 'hop le' }, surely: false };
  return { value: { khong: 'hop le' }, surely: true };
}

type Mutation =
  | { kind: 'valid' }
  | { kind: 'wrongType'; at: number }
  | { kind: 'missing'; at: number }
  | { kind: 'extra'; text: string }
  | { kind: 'edge'; at: number; text: string }
  | { kind: 'everyText'; text: string }
  | { kind: 'huge'; at: number }
  | { kind: 'number'; at: number; value: number }
  | { kind: 'root'; value: unknown }
  | { kind: 'brokenJson' }
  | { kind: 'wrongContentType' };

const textArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ kind: 'valid' }),
  fc.nat().map<Mutation>((at) => ({ kind: 'wrongType', at })),
  fc.nat().map<Mutation>((at) => ({ kind: 'missing', at })),
  textArb.map<Mutation>((text) => ({ kind: 'extra', text })),
  fc.tuple(fc.nat(), textArb).map<Mutation>(([at, text]) => ({ kind: 'edge', at, text })),
  // Every text field at once, the rest valid: the input most likely to reach the SQL.
  textArb.map<Mutation>((text) => ({ kind: 'everyText', text })),
  textArb.map<Mutation>((text) => ({ kind: 'everyText', text })),
  fc.nat().map<Mutation>((at) => ({ kind: 'huge', at })),
  fc
    .tuple(fc.nat(), fc.constantFrom(-1, 0, -0, 0.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308))
    .map<Mutation>(([at, value]) => ({ kind: 'number', at, value })),
  fc.constantFrom<unknown>(null, [], 'chuỗi', 42, true).map<Mutation>((value) => ({ kind: 'root', value })),
  fc.constant<Mutation>({ kind: 'brokenJson' }),
  fc.constant<Mutation>({ kind: 'wrongContentType' }),
);

type PathChoice = 'own' | 'other' | 'missing' | 'junk';
const pathArb = fc.constantFrom<PathChoice>('own', 'own', 'other', 'missing', 'junk');
const roleArb = fc.constantFrom<string>(...ROLES, ...ROLES, 'anonymous', 'forged');

/**
 * Broken multipart uploads, each the way a client, a proxy or an attacker gets it wrong. Every one but
 * those in MAY_BE_TAKEN must be refused (4xx), and none that is refused may store anything.
 */
export const MULTIPART_BREAKS = [
  'valid',
  'no boundary',
  'wrong boundary',
  'cut inside the photo',
  'cut inside the part headers',
  'part with no name',
  'photo field twice',
  'huge part header',
  'wrong field name',
  'empty photo',
  'not an image',
  'fields only, no file',
  'empty body',
  'too many parts',
  'bare LF line ends',
] as const;
/**
 * Uploads the server may take: the valid one; a photo field sent twice (the parser keeps the first
 * file and reads no further: `files: 1`); a 200 KB part header after the part's name (the parser keeps
 * 80 KB of headers and drops the rest, so memory stays bounded and the photo is intact).
 */
export const MAY_BE_TAKEN: ReadonlySet<UploadBreak> = new Set<UploadBreak>([
  'valid',
  'photo field twice',
  'huge part header',
]);
/** Broken raw uploads (the body is the file itself). */
export const RAW_BREAKS = ['valid', 'empty body', 'not an image', 'cut inside the photo'] as const;
export type UploadBreak = (typeof MULTIPART_BREAKS)[number] | (typeof RAW_BREAKS)[number];

export function uploadBreaksOf(op: Operation): readonly UploadBreak[] {
  if (op.form) return MULTIPART_BREAKS;
  if (op.raw) return RAW_BREAKS;
  return [];
}

/** The name of the form's file field (`format: binary`), and its text fields. */
function formFields(form: JsonSchema | undefined) {
  const entries = Object.entries(form?.properties ?? {});
  const file = entries.find(([, schema]) => schema.format === 'binary')?.[0] ?? 'file';
  const texts = entries.filter(([name]) => name !== file).map(([name]) => name);
  return { file, texts };
}

/** One broken (or valid) upload for an upload operation, with its content-type header. */
export function uploadBody(
  op: Operation,
  kind: UploadBreak,
  photo: Buffer,
): { headers: Record<string, string>; payload: Buffer } {
  if (!op.form) {
    const bytes =
      kind === 'valid'
        ? photo
        : kind === 'not an image'
          ? Buffer.from('Đây không phải ảnh, chỉ là chữ.')
          : kind === 'cut inside the photo'
            ? photo.subarray(0, Math.floor(photo.length / 2))
            : Buffer.alloc(0);
    return { headers: { 'content-type': 'application/octet-stream' }, payload: bytes };
  }
  const { file, texts } = formFields(op.form);
  const boundary = '----loaFuzzBoundary7MA4YWxkTrZu0gW';
  const CRLF = kind === 'bare LF line ends' ? '\n' : '\r\n';
  const part = (headers: string[], body: Buffer | string) =>
    Buffer.concat([
      Buffer.from(`--${boundary}${CRLF}${headers.join(CRLF)}${CRLF}${CRLF}`),
      Buffer.from(body),
      Buffer.from(CRLF),
    ]);
  const filePart = (name: string | undefined, bytes: Buffer, extra: string[] = []) =>
    part(
      [
        `Content-Disposition: form-data${name === undefined ? '' : `; name="${name}"`}; filename="anh.jpg"`,
        'Content-Type: image/jpeg',
        ...extra,
      ],
      bytes,
    );
  const fieldPart = (name: string, value: string) =>
    part([`Content-Disposition: form-data; name="${name}"`], value);
  const end = Buffer.from(`--${boundary}--${CRLF}`);
  const fields = texts.map((name) => fieldPart(name, 'tok-khong-co'));
  let body: Buffer;
  switch (kind) {
    case 'part with no name':
      body = Buffer.concat([...fields, filePart(undefined, photo), end]);
      break;
    case 'photo field twice':
      body = Buffer.concat([...fields, filePart(file, photo), filePart(file, photo), end]);
      break;
    case 'huge part header':
      body = Buffer.concat([...fields, filePart(file, photo, [`X-Dem: ${'a'.repeat(200_000)}`]), end]);
      break;
    case 'wrong field name':
      body = Buffer.concat([...fields, filePart(`${file}Sai`, photo), end]);
      break;
    case 'empty photo':
      body = Buffer.concat([...fields, filePart(file, Buffer.alloc(0)), end]);
      break;
    case 'not an image':
      body = Buffer.concat([...fields, filePart(file, Buffer.from('Đây không phải ảnh, chỉ là chữ.')), end]);
      break;
    case 'fields only, no file':
      body = Buffer.concat([...fields, fieldPart('ghiChu', 'Không có ảnh'), end]);
      break;
    case 'empty body':
      body = Buffer.alloc(0);
      break;
    case 'too many parts':
      body = Buffer.concat([
        ...Array.from({ length: 40 }, (_, i) => fieldPart(`thua${i}`, 'x')),
        filePart(file, photo),
        end,
      ]);
      break;
    case 'cut inside the photo': {
      const whole = Buffer.concat([...fields, filePart(file, photo), end]);
      body = whole.subarray(0, whole.length - end.length - Math.floor(photo.length / 2));
      break;
    }
    case 'cut inside the part headers': {
      const whole = Buffer.concat([...fields, filePart(file, photo), end]);
      const at = whole.indexOf('Content-Type: image/jpeg');
      body = whole.subarray(0, at + 10);
      break;
    }
    default:
      body = Buffer.concat([...fields, filePart(file, photo), end]);
  }
  const contentType =
    kind === 'no boundary'
      ? 'multipart/form-data'
      : kind === 'wrong boundary'
        ? 'multipart/form-data; boundary=----ranhGioiKhac'
        : `multipart/form-data; boundary=${boundary}`;
  return { headers: { 'content-type': contentType }, payload: body };
}

export interface FuzzContext {
  /** The id of the path parameter's kind in the caller's ward (own) and in another ward (other). */
  idFor(op: Operation, param: string, ward: 'own' | 'other'): string;
  headersFor(role: string): Record<string, string>;
  /** A small real photo, for the valid upload among the broken ones. */
  photo: Buffer;
}

/** Fields of the body schema, each with its schema and whether the body requires it. */
function fieldsOf(schema: JsonSchema | undefined) {
  if (!schema || !types(schema).includes('object')) return [];
  return Object.entries(schema.properties ?? {}).map(([name, field]) => ({
    name,
    schema: field,
    required: (schema.required ?? []).includes(name),
  }));
}

function applyBody(op: Operation, m: Mutation, what: string[], refuse: string[]): string | undefined {
  const schema = op.body;
  if (!schema) {
    // A body nobody asked for: ignored or refused, never a crash.
    if (m.kind === 'brokenJson') return '{"a":';
    if (m.kind === 'root' || m.kind === 'extra')
      return JSON.stringify({ thua: m.kind === 'extra' ? m.text : m.value });
    return undefined;
  }
  const body = sample(schema) as Record<string, unknown>;
  const fields = fieldsOf(schema);
  const pick = (at: number) => fields[at % Math.max(fields.length, 1)];
  switch (m.kind) {
    case 'valid':
      what.push('body: sample');
      break;
    case 'wrongType': {
      const field = pick(m.at);
      if (!field) break;
      const wrong = wrongType(field.schema);
      body[field.name] = wrong.value;
      what.push(`body.${field.name}: wrong type ${JSON.stringify(wrong.value)}`);
      if (wrong.surely) refuse.push(`body.${field.name} has the wrong type`);
      break;
    }
    case 'missing': {
      const field = pick(m.at);
      if (!field) break;
      delete body[field.name];
      what.push(`body.${field.name}: missing`);
      if (field.required && field.schema.default === undefined)
        refuse.push(`required body.${field.name} missing`);
      break;
    }
    case 'extra':
      body.truongThua = m.text;
      what.push(`body.truongThua: extra ${JSON.stringify(m.text.slice(0, 40))}`);
      if (schema.additionalProperties === false) refuse.push('extra field where none are allowed');
      break;
    case 'everyText': {
      for (const field of fields) {
        const t = types(field.schema);
        if (!t.includes('string') || field.schema.enum || field.schema.format || field.schema.pattern)
          continue;
        body[field.name] =
          `${m.text}${'.'.repeat(Math.max(0, (field.schema.minLength ?? 0) - m.text.length))}`;
        if ((field.schema.maxLength ?? Number.POSITIVE_INFINITY) < m.text.length)
          refuse.push(`body.${field.name} longer than its maxLength`);
      }
      what.push(`every text field: ${JSON.stringify(m.text.slice(0, 60))}`);
      break;
    }
    case 'edge':
    case 'huge': {
      const field = pick(m.at);
      if (!field) break;
      const text = m.kind === 'huge' ? HUGE : m.text;
      body[field.name] = text;
      what.push(
        `body.${field.name}: ${m.kind === 'huge' ? '200,000 characters' : JSON.stringify(text.slice(0, 60))}`,
      );
      const t = types(field.schema);
      if (m.kind === 'huge' && (field.schema.maxLength ?? Number.POSITIVE_INFINITY) < text.length)
        refuse.push(`body.${field.name} longer than its maxLength`);
      if (field.schema.enum && !field.schema.enum.includes(text))
        refuse.push(`body.${field.name} outside its enum`);
      const scalarOnly =
        t.length > 0 && t.every((x) => ['integer', 'number', 'boolean', 'object'].includes(x));
      if (scalarOnly && !field.schema.anyOf && Number.isNaN(Number(text)) && text.trim() !== '')
        refuse.push(`body.${field.name} is not a ${t.join('/')}`);
      break;
    }
    case 'number': {
      const numeric = fields.filter((f) => types(f.schema).some((t) => t === 'integer' || t === 'number'));
      const field = numeric[m.at % Math.max(numeric.length, 1)];
      if (!field) break;
      body[field.name] = m.value;
      what.push(`body.${field.name}: ${m.value}`);
      const { minimum, maximum } = field.schema;
      if ((minimum !== undefined && m.value < minimum) || (maximum !== undefined && m.value > maximum))
        refuse.push(`body.${field.name} outside its range`);
      if (types(field.schema).includes('integer') && !Number.isInteger(m.value))
        refuse.push(`body.${field.name} not an integer`);
      break;
    }
    case 'root':
      what.push(`body: ${JSON.stringify(m.value)}`);
      if (types(schema).includes('object')) refuse.push('body is not an object');
      return JSON.stringify(m.value);
    case 'brokenJson':
      what.push('body: broken JSON');
      refuse.push('body is not JSON');
      return `${JSON.stringify(body).slice(0, -1)},`;
    case 'wrongContentType':
      what.push('body: sent as text/plain');
      return JSON.stringify(body);
  }
  return JSON.stringify(body);
}

/** Percent-encoding that also sends a lone surrogate, as the (invalid) UTF-8 bytes a client could send. */
function encodePathSegment(value: string): string {
  return Array.from(value, (char) => {
    try {
      return encodeURIComponent(char);
    } catch {
      const unit = char.charCodeAt(0);
      return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    }
  }).join('');
}

/** The cases for one operation: `runs` of them, the same for the same seed and operation name. */
export function fuzzCases(op: Operation, ctx: FuzzContext, seed: number, runs: number): FuzzRequest[] {
  const opSeed = createHash('sha256').update(`${seed}:${op.name}`).digest().readInt32BE(0);
  const queryArb = fc.array(fc.tuple(fc.nat(), fc.oneof(textArb, fc.constant(HUGE.slice(0, 5000)))), {
    maxLength: 2,
  });
  const uploads = uploadBreaksOf(op);
  const arb = fc.record({
    role: roleArb,
    paths: fc.array(pathArb, { minLength: op.pathParams.length, maxLength: op.pathParams.length }),
    junk: textArb,
    query: queryArb,
    body: mutationArb,
    // Upload routes get broken uploads instead of JSON bodies (most of the time: JSON too, now and then).
    upload: uploads.length
      ? fc.option(fc.constantFrom(...uploads), { freq: 5, nil: undefined })
      : fc.constant(undefined),
  });
  return fc.sample(arb, { seed: opSeed, numRuns: runs }).map((c) => {
    const what: string[] = [`as ${c.role}`];
    const mustRefuse: string[] = [];
    if (!op.public && (c.role === 'anonymous' || c.role === 'forged'))
      mustRefuse.push(`no valid session (${c.role})`);
    const signedIn = (ROLES as readonly string[]).includes(c.role);
    const roleRefused = signedIn && op.roles !== undefined && !op.roles.includes(c.role);
    if (roleRefused) mustRefuse.push(`${c.role} is not among the roles /docs allows`);
    let url = op.path;
    op.pathParams.forEach((param, index) => {
      const choice = c.paths[index]!;
      let value: string;
      if (choice === 'own' || choice === 'other') value = ctx.idFor(op, param, choice);
      else if (choice === 'missing') value = '7b1c1f0e-9d7a-4c59-9a3e-2f8d6c0b5a41';
      else value = c.junk || 'x';
      what.push(`{${param}}: ${choice}${choice === 'junk' ? ` ${JSON.stringify(value.slice(0, 40))}` : ''}`);
      // A public page of another ward is public; a signed-in route must not reach another ward.
      if (choice === 'other' && !op.public) mustRefuse.push(`{${param}} is another ward's`);
      if (choice === 'missing') mustRefuse.push(`{${param}} names nothing`);
      url = url.replace(`{${param}}`, encodePathSegment(value));
    });
    const search = new URLSearchParams();
    for (const q of op.query) {
      const value = sample(q.schema);
      if (value !== undefined && value !== null) search.set(q.name, String(value));
    }
    const changed = new Map<string, { schema: JsonSchema | undefined; text: string }>();
    for (const [at, text] of c.query) {
      const target = op.query[at % Math.max(op.query.length, 1)];
      const name = target?.name ?? 'thamSoThua';
      search.set(name, text);
      changed.set(name, { schema: target?.schema, text });
      what.push(`?${name}=${JSON.stringify(text.slice(0, 40))}`);
    }
    // Judged on the values sent (a later change of the same parameter replaces an earlier one).
    for (const [name, { schema, text }] of changed) {
      if (schema?.enum && !schema.enum.includes(text)) mustRefuse.push(`?${name} outside its enum`);
      if (schema?.format === 'uuid' && !UUID.test(text)) mustRefuse.push(`?${name} is not a uuid`);
    }
    const qs = search.toString();
    if (qs) url += `?${qs}`;
    const headers: Record<string, string> = { ...ctx.headersFor(c.role) };
    const sendsBody = op.method !== 'GET' && op.method !== 'HEAD';
    let payload: string | Buffer | undefined;
    if (sendsBody && c.upload !== undefined) {
      const upload = uploadBody(op, c.upload, ctx.photo);
      Object.assign(headers, upload.headers);
      payload = upload.payload;
      what.push(`upload: ${c.upload}`);
      if (!MAY_BE_TAKEN.has(c.upload)) mustRefuse.push(`upload ${c.upload}`);
    } else {
      payload = sendsBody ? applyBody(op, c.body, what, mustRefuse) : undefined;
      if (payload !== undefined) {
        headers['content-type'] = c.body.kind === 'wrongContentType' ? 'text/plain' : 'application/json';
        if (c.body.kind === 'wrongContentType' && op.body) mustRefuse.push('body sent as text/plain');
      }
    }
    const allowedOnOwnData =
      signedIn && !roleRefused && c.paths.every((choice) => choice === 'own') && c.query.length === 0;
    return {
      method: op.method,
      url,
      role: c.role,
      headers,
      payload,
      mustRefuse,
      roleRefused,
      allowedOnOwnData,
      what,
    };
  });
}
