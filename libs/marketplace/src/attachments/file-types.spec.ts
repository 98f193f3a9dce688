import { detectType, safeFileName } from './file-types.js';

describe('attachment file types', () => {
  it.each([
    [Buffer.from('%PDF-1.7\n...'), 'application/pdf'],
    [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'image/jpeg'],
    [Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBPVP8 ')]), 'image/webp'],
  ])('recognises %#', (bytes, type) => {
    expect(detectType(bytes)?.contentType).toBe(type);
  });

  it.each([
    ['a Windows program', Buffer.from('MZ\x90\x00')],
    ['an SVG (scriptable)', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['HTML', Buffer.from('<!doctype html><html>')],
    ['text that says PDF later', Buffer.from('hello %PDF-')],
  ])('refuses %s', (_what, bytes) => {
    expect(detectType(bytes)).toBeNull();
  });

  it('keeps names readable and harmless, with the extension of the real type', () => {
    expect(safeFileName('Brief za Žiri.PDF', 'pdf')).toBe('Brief za Žiri.pdf');
    expect(safeFileName('../../etc/passwd', 'png')).toBe('passwd.png');
    expect(safeFileName('C:\\Users\\ana\\invoice.exe', 'pdf')).toBe('invoice.pdf');
    expect(safeFileName('bad"name<>\u0007.jpg', 'jpg')).toBe('badname.jpg');
    expect(safeFileName('', 'webp')).toBe('file.webp');
    expect(safeFileName('x'.repeat(500), 'pdf')).toHaveLength(184);
  });
});
