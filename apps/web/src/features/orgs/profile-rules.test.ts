import { describe, expect, it } from 'vitest';
import { checkProfile, MAX_LOGO_BYTES, profileInput, type ProfileValues } from './profile-rules.js';

const filled: ProfileValues = { kind: 'COMPANY', name: 'Alpina', municipality: 'ziri', website: '', descriptionSl: '', descriptionEn: '' };
const file = (type: string, size: number) => ({ type, size }) as File;

describe('organisation profile checks', () => {
  it('asks for the kind, a name and the municipality, and nothing else', () => {
    expect(checkProfile({ ...filled, kind: null, name: '   ', municipality: null }, null)).toEqual(['kind', 'name', 'municipality']);
    expect(checkProfile(filled, null)).toEqual([]);
    expect(checkProfile({ ...filled, name: 'x'.repeat(201) }, null)).toEqual(['name']);
  });

  it('takes a website only as a full http(s) address, as the API does', () => {
    for (const ok of ['', 'https://www.alpina.si', 'http://alpina.si/o-nas']) expect(checkProfile({ ...filled, website: ok }, null)).toEqual([]);
    for (const bad of ['www.alpina.si', 'alpina', 'ftp://alpina.si', 'https://alpina']) expect(checkProfile({ ...filled, website: bad }, null)).toEqual(['website']);
  });

  it('names the description field that is too long, and a logo that is no image or too big', () => {
    expect(checkProfile({ ...filled, descriptionEn: 'x'.repeat(5001) }, null)).toEqual(['descriptionEn']);
    expect(checkProfile(filled, file('image/png', 1000))).toEqual([]);
    expect(checkProfile(filled, file('application/pdf', 1000))).toEqual(['file']);
    expect(checkProfile(filled, file('image/webp', MAX_LOGO_BYTES + 1))).toEqual(['file']);
  });

  it('sends trimmed texts and empty ones as null', () => {
    expect(profileInput({ ...filled, name: ' Alpina ', website: '  ', descriptionSl: ' Čevlji ', descriptionEn: '' })).toEqual({
      kind: 'COMPANY', name: 'Alpina', municipality: 'ziri', website: null, description: { sl: 'Čevlji', en: null },
    });
  });
});
