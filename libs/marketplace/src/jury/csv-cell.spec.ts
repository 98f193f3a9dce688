import fc from 'fast-check';
import { csvCell } from './awards.service.js';

/** An RFC 4180 reader for one line of cells (quoted cells may hold commas, quotes and line breaks). */
function readCells(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) throw new Error(`unterminated quoted cell in ${JSON.stringify(line)}`);
        if (line[i] === '"' && line[i + 1] === '"') { cell += '"'; i += 2; continue; }
        if (line[i] === '"') { i++; break; }
        cell += line[i++];
      }
      if (i < line.length && line[i] !== ',') throw new Error(`text after a quoted cell in ${JSON.stringify(line)}`);
    } else {
      while (i < line.length && line[i] !== ',') {
        if (/["\r\n]/.test(line[i])) throw new Error(`bare ${JSON.stringify(line[i])} in an unquoted cell: ${JSON.stringify(line)}`);
        cell += line[i++];
      }
    }
    cells.push(cell);
    if (i >= line.length) return cells;
    i++; // the comma
  }
}

const anyText = fc.string({
  unit: fc.oneof(
    { arbitrary: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ';', ' ', '\uFF1D', '\u0000', 'č', '😀', '=HYPERLINK("http://x")'), weight: 3 },
    { arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), weight: 2 },
  ),
  maxLength: 60,
});

/** Would a spreadsheet take the cell for a formula (or a command after a line break)? */
const formulaLike = (cell: string) => /^[\t\r\n]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u.test(cell);

describe('CSV cells', () => {
  it('quotes what needs quoting and neutralises formulas', () => {
    expect(csvCell('Usnjarna Žiri × Bor')).toBe('Usnjarna Žiri × Bor');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell(' =1+1')).toBe("' =1+1");
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(csvCell('\n=1+1')).toBe(`"'\n=1+1"`);
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(3000)).toBe('3000');
    expect(csvCell(null)).toBe('');
  });

  it('for any text: a row reads back as exactly its cells, and no cell starts a formula', () => {
    fc.assert(fc.property(fc.array(anyText, { minLength: 1, maxLength: 5 }), (texts) => {
      const line = texts.map(csvCell).join(',');
      const cells = readCells(line);
      expect(cells).toHaveLength(texts.length);
      cells.forEach((cell, i) => {
        const text = texts[i].replace(/\p{Cs}/gu, '\uFFFD').replace(/\0/g, '');
        expect(formulaLike(cell)).toBe(false);
        // The cell is the text, or the text behind a neutralising apostrophe.
        expect(cell === text || cell === `'${text}`).toBe(true);
        if (formulaLike(text)) expect(cell).toBe(`'${text}`);
        // Semicolon-separated spreadsheets (sl-SI) cannot split a quoted cell either.
        if (text.includes(';')) expect(line).toContain(`"${cell.replace(/"/g, '""')}"`);
      });
    }), { numRuns: 2000 });
  });
});
