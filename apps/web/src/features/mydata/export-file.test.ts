import { describe, expect, it } from 'vitest';
import { exportFileName } from './export-file.js';

describe('exportFileName', () => {
  it('takes the name the API gives (RFC 5987 form first, then the plain one)', () => {
    expect(exportFileName(`attachment; filename="modrotisk-export-2026-12-03.json"; filename*=UTF-8''modrotisk-export-2026-12-03.json`)).toBe('modrotisk-export-2026-12-03.json');
    expect(exportFileName('attachment; filename="modrotisk-export-2026-01-31.json"')).toBe('modrotisk-export-2026-01-31.json');
  });

  it('falls back to the date in Ljubljana (just after midnight there is already the next day)', () => {
    expect(exportFileName(null, new Date('2026-12-31T23:30:00Z'))).toBe('modrotisk-export-2027-01-01.json');
  });
});
