// A small field checker shared by the annotation compiler and the loader of the compiled copy.
// Both need the same answer to "is this record the shape we expect?", with a message that names
// the field, so they share one implementation instead of two drifting ones.

/** The type a record field must have. A trailing `?` marks the field optional. */
export type FieldKind =
  | 'string' // a string with at least one non-space character
  | 'string?'
  | 'string[]' // an array of such strings (may be empty)
  | 'string[]?'
  | 'int' // a non-negative integer
  | 'int?'
  | 'array' // an array whose items the caller checks
  | 'array?'
  | 'object' // a plain JSON object the caller checks
  | 'object?';

/** The fields a record may have, and the kind of each. */
export type RecordSpec = Readonly<Record<string, FieldKind>>;

/** Receives one problem with one field of the record being checked. */
export type FieldProblem = (field: string, problem: string) => void;

/** Is `value` a plain JSON object (not null, not an array)? */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a JSON value for error messages: `a number (3)`, `an array`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `a string (${JSON.stringify(truncate(value))})`;
  if (typeof value === 'number' || typeof value === 'boolean') return `a ${typeof value} (${String(value)})`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/**
 * Checks `record` against `spec`, reporting every missing, wrong-typed and (when `strict`)
 * unknown field. Returns true when there was no problem, so callers can skip deeper checks
 * that would only repeat the same mistake.
 */
export function checkRecord(
  record: unknown,
  spec: RecordSpec,
  problem: FieldProblem,
  strict = true,
): boolean {
  if (!isPlainObject(record)) {
    problem('(record)', `expected an object, found ${describe(record)}`);
    return false;
  }
  let ok = true;
  const fail = (field: string, message: string): void => {
    ok = false;
    problem(field, message);
  };
  for (const [field, kind] of Object.entries(spec)) {
    const optional = kind.endsWith('?');
    const base = optional ? kind.slice(0, -1) : kind;
    if (!(field in record) || record[field] === undefined) {
      if (!optional) fail(field, 'is missing');
      continue;
    }
    const value = record[field];
    switch (base) {
      case 'string':
        if (!isText(value)) fail(field, `expected a non-empty string, found ${describe(value)}`);
        break;
      case 'string[]':
        if (!Array.isArray(value)) {
          fail(field, `expected an array of strings, found ${describe(value)}`);
        } else {
          value.forEach((item, i) => {
            if (!isText(item)) fail(`${field}[${i}]`, `expected a non-empty string, found ${describe(item)}`);
          });
        }
        break;
      case 'int':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
          fail(field, `expected a non-negative integer, found ${describe(value)}`);
        }
        break;
      case 'array':
        if (!Array.isArray(value)) fail(field, `expected an array, found ${describe(value)}`);
        break;
      case 'object':
        if (!isPlainObject(value)) fail(field, `expected an object, found ${describe(value)}`);
        break;
    }
  }
  if (strict) {
    for (const field of Object.keys(record)) {
      if (!(field in spec)) {
        fail(field, `unknown field (allowed: ${Object.keys(spec).join(', ')})`);
      }
    }
  }
  return ok;
}

/** Is `value` a string with at least one non-space character? */
export function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
