import { csvRecords, detectSeparator, ImportFileError, ImportFormat, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, parseImport } from './profile-import.parser.js';

describe('profile import parsing', () => {
  it('reads RFC 4180 CSV: quoted separators, doubled quotes, line breaks inside quotes, CRLF, a BOM and Slovenian letters', () => {
    const csv = '\uFEFFe-pošta;Ime;Občina;Obrti;Opis SL\r\n'
      + 'spela@example.si;"Špela Žagar; oblikovalka";kranj;"leatherwork | shoemaking";"Pravi: ""čevlji""\r\nin torbe"\r\n'
      + '\r\n'
      + 'ziga@example.si;Žiga Čebulj;skofja-loka;;\r\n';
    const rows = parseImport(ImportFormat.Csv, csv);
    expect(rows).toEqual([
      { row: 2, values: { email: 'spela@example.si', displayName: 'Špela Žagar; oblikovalka', municipality: 'kranj', bioSl: 'Pravi: "čevlji"\r\nin torbe' }, lists: { crafts: ['leatherwork', 'shoemaking'] } },
      { row: 5, values: { email: 'ziga@example.si', displayName: 'Žiga Čebulj', municipality: 'skofja-loka' }, lists: {} },
    ]);
  });

  it('detects the separator from the header, ignoring separators inside quotes', () => {
    expect(detectSeparator('email;name;"a,b,c"\nx,y,z')).toBe(';');
    expect(detectSeparator('email,name,"a;b;c;d"')).toBe(',');
    expect(detectSeparator('email\tname')).toBe('\t');
    expect(csvRecords('a,"b\nc",d\ne,f,g', ',')).toEqual([{ line: 1, fields: ['a', 'b\nc', 'd'] }, { line: 3, fields: ['e', 'f', 'g'] }]);
  });

  it('refuses a file it cannot read as a whole, naming what is wrong', () => {
    const refused = (format: ImportFormat, content: string) => {
      try {
        parseImport(format, content);
      } catch (error) {
        if (error instanceof ImportFileError) return error.message;
        throw error;
      }
      throw new Error('not refused');
    };
    expect(refused(ImportFormat.Csv, 'name;town\nAna;kranj')).toMatch(/'email' column is required/);
    expect(refused(ImportFormat.Csv, 'email;shoe size\na@b.si;42')).toMatch(/unknown column 'shoe size'/);
    expect(refused(ImportFormat.Csv, 'email;name\na@b.si;"Ana')).toMatch(/line 2: a quoted field is not closed/);
    expect(refused(ImportFormat.Json, '{"email":"a@b.si"}')).toMatch(/array of objects/);
    expect(refused(ImportFormat.Json, '[{"email":')).toMatch(/not valid JSON/);
    expect(refused(ImportFormat.Csv, 'email\n')).toMatch(/no rows/);
    const tooMany = `email\n${Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `p${i}@example.si`).join('\n')}`;
    expect(refused(ImportFormat.Csv, tooMany)).toMatch(/2001 rows; at most 2000/);
    expect(parseImport(ImportFormat.Csv, tooMany.split('\n').slice(0, IMPORT_MAX_ROWS + 1).join('\n'))).toHaveLength(IMPORT_MAX_ROWS);
    const big = `email;bio\na@b.si;${'ž'.repeat(IMPORT_MAX_BYTES / 2)}`;
    expect(refused(ImportFormat.Csv, big)).toMatch(/bytes; at most 2097152 bytes \(2 MB\)/);
  });

  it('reads JSON rows with lists as arrays or `|` text, and answers a bad element per row', () => {
    const rows = parseImport(ImportFormat.Json, JSON.stringify([
      { email: 'a@b.si', displayName: 'Ana', crafts: ['leatherwork', 'shoemaking'], skills: 'a | b' },
      'not an object',
      { email: 'c@d.si', displayName: 7 },
    ]));
    expect(rows[0]).toEqual({ row: 1, values: { email: 'a@b.si', displayName: 'Ana' }, lists: { crafts: ['leatherwork', 'shoemaking'], skills: ['a', 'b'] } });
    expect(rows[1].problem).toEqual({ field: 'row', message: 'must be an object with the fields of one person' });
    expect(rows[2].problem).toEqual({ field: 'displayName', message: 'must be a string' });
  });

  it('answers a CSV record with more fields than columns as a row problem, not a file error', () => {
    const rows = parseImport(ImportFormat.Csv, 'email,name\na@b.si,Ana,extra\nc@d.si,Cene');
    expect(rows[0].problem?.message).toMatch(/3 fields but the header names 2 columns/);
    expect(rows[1]).toEqual({ row: 3, values: { email: 'c@d.si', displayName: 'Cene' }, lists: {} });
  });
});
