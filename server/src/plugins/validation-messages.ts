/**
 * Turns Ajv's English validation errors into Vietnamese lines that name the field and the fix. The
 * field is named as a person reads it: its schema's Vietnamese description (Ajv's `verbose` hands us
 * the schema, see app.ts), else a name from the short list below, else its key.
 */
import { wardIsoString } from '@loa/shared';

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
  /** With Ajv's `verbose`: the schema holding the failed keyword (the object's, for required). */
  parentSchema?: unknown;
}

/** Keys that often have no description in the schemas, named as the forms name them. */
const fieldNamesVi: Record<string, string> = {
  fullName: 'Họ tên',
  phone: 'Số điện thoại',
  name: 'Tên',
  title: 'Tiêu đề',
  body: 'Nội dung',
  note: 'Ghi chú',
  reason: 'Lý do',
  dueAt: 'Hạn',
  runAt: 'Thời điểm gửi',
  startsOn: 'Ngày bắt đầu',
  endsOn: 'Ngày kết thúc',
  issuedOn: 'Ngày ban hành',
};

/**
 * Names a shared type's description gives to every field of that type ("Ngày (yyyy-mm-dd)" for each
 * date): they say what kind of value, not which field, so the key's own name (or the key) says which.
 */
const typeNames = new Set(['Ngày', 'Thời điểm ISO 8601']);

/**
 * A description's name part: "Số điện thoại, ví dụ 0912345678" → "Số điện thoại", "Giờ (HH:mm, …)"
 * → "Giờ". None when there is no description, it is only "UUID", or it is a sentence, not a name.
 */
function describedName(schema: unknown): string | undefined {
  const description = (schema as { description?: unknown } | undefined)?.description;
  if (typeof description !== 'string') return undefined;
  const name = description.split(/,\s|\s\(|:\s/)[0]?.trim() ?? '';
  if (name === '' || name === 'UUID' || name.length > 40) return undefined;
  return name;
}

function fieldSchema(error: AjvError): unknown {
  const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  if (error.keyword === 'required') return parent?.properties?.[String(error.params.missingProperty)];
  return parent;
}

/** "Số điện thoại", or for a list's item "Tiêu đề (mục 2)"; the key path when nothing names it. */
function fieldLabel(error: AjvError, field: string): string {
  // A failure of the whole body or query (not one field) keeps its context's name ("nội dung").
  if (error.instancePath === '' && error.keyword !== 'required') return field;
  const keys = field.split('.');
  const key = keys.at(-1) ?? field;
  const described = describedName(fieldSchema(error));
  const name =
    described && typeNames.has(described)
      ? (fieldNamesVi[key] ?? `${described} (${key})`)
      : (described ?? fieldNamesVi[key]);
  if (!name) return field;
  const index = keys.findLast((k) => /^\d+$/.test(k));
  return index === undefined ? name : `${name} (mục ${Number(index) + 1})`;
}

const formatNames: Record<string, string> = {
  uuid: 'mã định danh (UUID)',
  date: 'ngày dạng yyyy-mm-dd',
  'date-time': `thời điểm dạng ISO 8601 (ví dụ ${wardIsoString('2026-05-18', '07:00')})`,
  email: 'địa chỉ email',
  uri: 'đường dẫn URL',
};

function fieldName(error: AjvError, context: string): string {
  const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (error.keyword === 'required') {
    const missing = String(error.params.missingProperty ?? '');
    return path ? `${path}.${missing}` : missing;
  }
  if (error.keyword === 'additionalProperties') {
    const extra = String(error.params.additionalProperty ?? '');
    return path ? `${path}.${extra}` : extra;
  }
  return path || context;
}

function describe(error: AjvError): string {
  const p = error.params;
  switch (error.keyword) {
    case 'required':
      return 'là trường bắt buộc, hãy nhập giá trị';
    case 'additionalProperties':
      return 'không được phép, hãy bỏ trường này';
    case 'type':
      return `phải có kiểu ${String(p.type).replace('string', 'chuỗi').replace('integer', 'số nguyên').replace('number', 'số').replace('boolean', 'true/false').replace('array', 'danh sách').replace('object', 'đối tượng')}`;
    case 'minLength':
      return Number(p.limit) === 1 ? 'không được để trống' : `phải có ít nhất ${p.limit} ký tự`;
    case 'maxLength':
      return `không được dài quá ${p.limit} ký tự`;
    case 'minimum':
      return `phải lớn hơn hoặc bằng ${p.limit}`;
    case 'maximum':
      return `phải nhỏ hơn hoặc bằng ${p.limit}`;
    case 'minItems':
      return `phải có ít nhất ${p.limit} mục`;
    case 'maxItems':
      return `không được quá ${p.limit} mục`;
    case 'uniqueItems':
      return `có hai mục trùng nhau (mục ${Number(p.j) + 1} và ${Number(p.i) + 1}), hãy bỏ một mục`;
    case 'format':
      return `phải là ${formatNames[String(p.format)] ?? String(p.format)}`;
    case 'pattern':
      return 'sai định dạng';
    case 'enum':
      return `phải là một trong: ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'const':
      return `phải bằng ${String(p.allowedValue)}`;
    case 'anyOf':
    case 'oneOf':
      return 'không khớp dạng dữ liệu nào được chấp nhận';
    default:
      return 'không hợp lệ';
  }
}

const contextNames: Record<string, string> = {
  body: 'nội dung',
  querystring: 'tham số truy vấn',
  params: 'đường dẫn',
  headers: 'tiêu đề',
};

export function translateValidation(
  errors: AjvError[],
  context: string,
): { message: string; details: { field: string; label: string; message: string }[] } {
  // Union schemas produce one error per branch and then one for the union: keep the first per field.
  const seen = new Map<string, { label: string; message: string }>();
  for (const error of errors) {
    const field = fieldName(error, contextNames[context] ?? context);
    if (seen.has(field)) continue;
    // additionalProperties names a key the schema does not have: only the key can say which.
    const label = error.keyword === 'additionalProperties' ? field : fieldLabel(error, field);
    seen.set(field, { label, message: describe(error) });
  }
  const details = [...seen].map(([field, d]) => ({ field, ...d }));
  const summary = details.map((d) => `“${d.label}” ${d.message}`).join('; ');
  return { message: `Dữ liệu chưa hợp lệ: ${summary}.`, details };
}
