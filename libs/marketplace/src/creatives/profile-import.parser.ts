/**
 * Parsing of a profile import (CSV or JSON) into rows of strings, before any validation of the
 * values: one row per person, with the row number the importer sees (CSV: the line of the record's
 * start, the header being line 1; JSON: the 1-based position in the array).
 *
 * CSV: RFC 4180 (fields in double quotes may hold the separator, line breaks and doubled quotes;
 * CRLF or LF), UTF-8 with or without a byte-order mark, a header row naming the columns, and the
 * separator detected from the header (`;` as Slovenian spreadsheets write it, `,` or a tab).
 * List fields (crafts, skills, techniques, materials, languages, portfolio links) are `|`-separated.
 * JSON: an array of objects with the same keys; list fields may be arrays of strings or `|` text.
 */

export enum ImportFormat {
  Csv = 'CSV',
  Json = 'JSON',
}

export const IMPORT_MAX_ROWS = 2_000;
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

/** The fields of one person, as the import names them. */
export type ImportField =
  | 'email' | 'displayName' | 'kind' | 'municipality' | 'languages' | 'bioSl' | 'bioEn'
  | 'crafts' | 'skills' | 'techniques' | 'materials' | 'portfolioLinks';

export const LIST_FIELDS: ReadonlySet<ImportField> = new Set(['languages', 'crafts', 'skills', 'techniques', 'materials', 'portfolioLinks']);

/** Accepted column names (compared without case, diacritics, spaces, `-` and `_`), in English and Slovenian. */
const COLUMN_NAMES: Readonly<Record<ImportField, readonly string[]>> = {
  email: ['email', 'mail', 'eposta', 'epostninaslov'],
  displayName: ['displayname', 'name', 'ime', 'imeinpriimek', 'naziv'],
  kind: ['kind', 'vrsta', 'tip'],
  municipality: ['municipality', 'town', 'place', 'obcina', 'kraj'],
  languages: ['languages', 'language', 'jeziki', 'jezik'],
  bioSl: ['biosl', 'bio', 'opissl', 'opis'],
  bioEn: ['bioen', 'opisen'],
  crafts: ['crafts', 'craft', 'obrti', 'obrt'],
  skills: ['skills', 'skill', 'vescine', 'znanja'],
  techniques: ['techniques', 'technique', 'tehnike', 'tehnika'],
  materials: ['materials', 'material', 'materiali'],
  portfolioLinks: ['portfoliolinks', 'portfolio', 'links', 'povezave', 'spletnastran', 'website'],
};

const BY_NAME = new Map<string, ImportField>(
  (Object.entries(COLUMN_NAMES) as [ImportField, readonly string[]][]).flatMap(([field, names]) => names.map((n) => [n, field] as const)),
);

export function columnKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s_\-.]/g, '');
}

/** One person's values as given: single fields trimmed, lists split on `|` and trimmed, empty ones dropped. */
export interface ImportRow {
  /** The row number the importer sees (see the file comment). */
  row: number;
  values: Partial<Record<ImportField, string>>;
  lists: Partial<Record<ImportField, string[]>>;
  /** A problem of the row's shape (not of its values), e.g. a JSON element that is not an object. */
  problem?: { field: string; message: string };
}

/** The whole import is refused (nothing is looked at row by row): too big, not parseable, unknown columns. */
export class ImportFileError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export function parseImport(format: ImportFormat, content: string): ImportRow[] {
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes > IMPORT_MAX_BYTES) {
    throw new ImportFileError('content', `the import is ${bytes} bytes; at most ${IMPORT_MAX_BYTES} bytes (2 MB) per call: split it into several imports`);
  }
  const text = content.replace(/^\uFEFF/, '');
  const rows = format === ImportFormat.Json ? parseJsonRows(text) : parseCsvRows(text);
  if (rows.length === 0) throw new ImportFileError('content', 'the import has no rows');
  if (rows.length > IMPORT_MAX_ROWS) {
    throw new ImportFileError('content', `the import has ${rows.length} rows; at most ${IMPORT_MAX_ROWS} per call: split it into several imports`);
  }
  return rows;
}

function fieldOf(name: string, where: string): ImportField {
  const field = BY_NAME.get(columnKey(name));
  if (!field) {
    throw new ImportFileError('content', `${where}: unknown column '${name}' (known: ${Object.keys(COLUMN_NAMES).join(', ')})`);
  }
  return field;
}

function put(row: ImportRow, field: ImportField, raw: string): void {
  if (LIST_FIELDS.has(field)) {
    const items = raw.split('|').map((s) => s.trim()).filter(Boolean);
    if (items.length) row.lists[field] = [...(row.lists[field] ?? []), ...items];
  } else {
    const value = raw.trim();
    if (value) row.values[field] = value;
  }
}

// --- CSV -------------------------------------------------------------------------------------

/** The separator used in the header line (outside quotes): the most frequent of `;`, `,` and tab. */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>([[';', 0], [',', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [sep, n] of counts) if (n > (counts.get(best) ?? 0)) best = sep;
  return best;
}

/** RFC 4180 records with the line each starts on. */
export function csvRecords(text: string, separator: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let startLine = 1;
  const endField = () => {
    fields.push(field);
    field = '';
    afterQuote = false;
  };
  const endRecord = () => {
    endField();
    // A blank line is no record.
    if (!(fields.length === 1 && fields[0].trim() === '')) records.push({ line: startLine, fields });
    fields = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field.trim() !== '' || afterQuote) throw new ImportFileError('content', `line ${line}: a quote inside an unquoted field; put the whole field in double quotes and double the quotes inside it`);
      field = '';
      quoted = true;
    } else if (ch === separator) {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      startLine = line;
    } else if (afterQuote) {
      if (ch.trim() !== '') throw new ImportFileError('content', `line ${line}: text after a closing quote; double the quotes inside a quoted field`);
    } else {
      field += ch;
    }
  }
  if (quoted) throw new ImportFileError('content', `line ${startLine}: a quoted field is not closed`);
  if (field !== '' || fields.length > 0 || afterQuote) endRecord();
  return records;
}

function parseCsvRows(text: string): ImportRow[] {
  const records = csvRecords(text, detectSeparator(text));
  if (records.length === 0) return [];
  const [header, ...body] = records;
  const columns = header.fields.map((name) => fieldOf(name.trim(), 'header'));
  const seen = new Set<ImportField>();
  for (const c of columns) {
    if (seen.has(c) && !LIST_FIELDS.has(c)) throw new ImportFileError('content', `header: the column for '${c}' appears twice`);
    seen.add(c);
  }
  if (!seen.has('email')) throw new ImportFileError('content', `header: an 'email' column is required (the header row was: ${header.fields.join(', ')})`);
  return body.map(({ line, fields }) => {
    const row: ImportRow = { row: line, values: {}, lists: {} };
    if (fields.length > columns.length) {
      row.problem = { field: 'row', message: `${fields.length} fields but the header names ${columns.length} columns (is a field with the separator not in quotes?)` };
      return row;
    }
    fields.forEach((value, i) => put(row, columns[i], value));
    return row;
  });
}

// --- JSON ------------------------------------------------------------------------------------

function parseJsonRows(text: string): ImportRow[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError('content', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(parsed)) throw new ImportFileError('content', 'a JSON import is an array of objects, one per person');
  if (parsed.length > IMPORT_MAX_ROWS) return parsed.map((_, i) => ({ row: i + 1, values: {}, lists: {} }));
  return parsed.map((item: unknown, i) => {
    const row: ImportRow = { row: i + 1, values: {}, lists: {} };
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      row.problem = { field: 'row', message: 'must be an object with the fields of one person' };
      return row;
    }
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      const field = fieldOf(key, `row ${i + 1}`);
      if (value === null || value === undefined) continue;
      if (typeof value === 'string') put(row, field, value);
      else if (Array.isArray(value) && LIST_FIELDS.has(field) && value.every((v) => typeof v === 'string')) {
        for (const v of value as string[]) put(row, field, v);
      } else {
        row.problem ??= { field, message: LIST_FIELDS.has(field) ? 'must be a list of strings or a `|`-separated string' : 'must be a string' };
      }
    }
    return row;
  });
}
