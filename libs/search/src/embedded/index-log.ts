import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IndexDefinition, SearchDocument } from '../search.port.js';
import { parseDocuments, parseIds, parseIndexDefinition } from '../validation.js';

/**
 * Append-only JSON Lines log of one index: `<dataDir>/<index>.jsonl`.
 *
 *   {"op":"define","definition":{...}}      always the first line
 *   {"op":"upsert","documents":[...]}
 *   {"op":"remove","ids":[...]}
 *
 * Each change is written with one synchronous write before the caller's promise resolves, so a
 * killed process loses nothing it acknowledged (with `fsync`, neither does a power cut). Loading
 * replays the log and rewrites it compacted (one `define`, then the live documents) through a
 * temporary file and an atomic rename.
 */
type LogRecord =
  | { op: 'define'; definition: IndexDefinition }
  | { op: 'upsert'; documents: readonly SearchDocument[] }
  | { op: 'remove'; ids: readonly string[] };

export interface ReplayedIndex {
  definition: IndexDefinition;
  documents: Map<string, SearchDocument>;
  /** The last line was cut short (a write interrupted by a crash) and was ignored. */
  tornTail: boolean;
}

const DOCUMENTS_PER_COMPACTED_LINE = 500;

/** fs.writeSync may write less than asked; loop until the whole line is out. */
function writeAll(fd: number, text: string): void {
  const buffer = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < buffer.length) offset += fs.writeSync(fd, buffer, offset, buffer.length - offset);
}

function parseRecord(line: string): LogRecord {
  const value: unknown = JSON.parse(line);
  if (typeof value !== 'object' || value === null) throw new Error('not an object');
  const record = value as Record<string, unknown>;
  switch (record.op) {
    case 'define':
      return { op: 'define', definition: parseIndexDefinition(record.definition) };
    case 'upsert':
      return { op: 'upsert', documents: parseDocuments(record.documents) };
    case 'remove':
      return { op: 'remove', ids: parseIds(record.ids) };
    default:
      throw new Error(`unknown op ${JSON.stringify(record.op)}`);
  }
}

export class IndexLog {
  readonly file: string;

  constructor(dataDir: string, name: string, private readonly fsync: boolean) {
    this.file = path.join(dataDir, `${name}.jsonl`);
  }

  /** The index as the log left it, or undefined when there is no log. */
  replay(): ReplayedIndex | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const lines = text.split('\n');
    const complete = text.endsWith('\n');
    if (complete) lines.pop();
    let definition: IndexDefinition | undefined;
    let tornTail = false;
    const documents = new Map<string, SearchDocument>();
    for (let i = 0; i < lines.length; i++) {
      let record: LogRecord;
      try {
        record = parseRecord(lines[i]);
      } catch (error) {
        if (!complete && i === lines.length - 1) {
          tornTail = true;
          break;
        }
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Search log ${this.file} is corrupt at line ${i + 1}: ${reason}`, { cause: error });
      }
      if (i === 0 && record.op !== 'define') throw new Error(`Search log ${this.file} does not start with a definition`);
      if (record.op === 'define') definition = record.definition;
      else if (record.op === 'upsert') for (const doc of record.documents) documents.set(doc.id, doc);
      else for (const id of record.ids) documents.delete(id);
    }
    if (!definition) throw new Error(`Search log ${this.file} is empty`);
    return { definition, documents, tornTail };
  }

  /** Replace the whole log by a compacted one: write a temporary file, flush it, rename it over. */
  rewrite(definition: IndexDefinition, documents: Iterable<SearchDocument>): void {
    const temp = `${this.file}.${process.pid}.tmp`;
    const fd = fs.openSync(temp, 'w');
    try {
      writeAll(fd, `${JSON.stringify({ op: 'define', definition })}\n`);
      let batch: SearchDocument[] = [];
      const flush = () => {
        if (batch.length > 0) writeAll(fd, `${JSON.stringify({ op: 'upsert', documents: batch })}\n`);
        batch = [];
      };
      for (const doc of documents) {
        batch.push(doc);
        if (batch.length === DOCUMENTS_PER_COMPACTED_LINE) flush();
      }
      flush();
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, this.file);
  }

  appendUpsert(documents: readonly SearchDocument[]): void {
    this.append({ op: 'upsert', documents });
  }

  appendRemove(ids: readonly string[]): void {
    this.append({ op: 'remove', ids });
  }

  private append(record: LogRecord): void {
    const line = `${JSON.stringify(record)}\n`;
    const fd = fs.openSync(this.file, 'a');
    const sizeBefore = fs.fstatSync(fd).size;
    try {
      writeAll(fd, line);
      if (this.fsync) fs.fsyncSync(fd);
    } catch (error) {
      // A half-written line followed by later appends would read as corruption; cut it off.
      fs.ftruncateSync(fd, sizeBefore);
      throw error;
    } finally {
      fs.closeSync(fd);
    }
  }
}
