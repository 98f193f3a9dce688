import { renderToStaticMarkup } from 'react-dom/server';
import { createElement, Fragment } from 'react';
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, renderMarkdown, safeHref } from './markdown.js';

const html = (source: string) => renderToStaticMarkup(createElement(Fragment, null, ...renderMarkdown(source)));

describe('proposal markdown', () => {
  it('renders paragraphs, line breaks, lists, bold, italic and links', () => {
    expect(html('Prvi odstavek\nse nadaljuje.\n\nDrugi **krepko** in *ležeče* in _tudi_.')).toBe(
      '<p>Prvi odstavek<br/>se nadaljuje.</p><p>Drugi <strong>krepko</strong> in <em>ležeče</em> in <em>tudi</em>.</p>',
    );
    expect(html('- ena\n- dva\n  naprej\n\n1. prva\n2. druga')).toBe('<ul><li>ena</li><li>dva naprej</li></ul><ol><li>prva</li><li>druga</li></ol>');
    expect(html('Glej [naš portfolio](https://example.si/a?b=1&c=2) ali [pišite](mailto:studio@example.si).')).toBe(
      '<p>Glej <a href="https://example.si/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">naš portfolio</a> ali <a href="mailto:studio@example.si" rel="noopener noreferrer nofollow">pišite</a>.</p>',
    );
    expect(html('**krepko s *ležečim* znotraj**')).toBe('<p><strong>krepko s <em>ležečim</em> znotraj</strong></p>');
  });

  it('keeps HTML as text: no element is ever made from what the writer typed', () => {
    const out = html('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> &amp; <b>b</b>');
    expect(out).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><p>&lt;img src=x onerror=alert(1)&gt; &amp;amp; &lt;b&gt;b&lt;/b&gt;</p>');
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
  });

  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    [' javascript:alert(document.cookie)'],
    ['java\tscript:alert(1)'],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['vbscript:msgbox(1)'],
    ['//evil.example/x'],
    ['/relative/path'],
    ['https://'],
    ['http://exa mple.si'],
    ['file:///etc/passwd'],
  ])('shows a link to %j as inert text', (target) => {
    const source = `[klik](${target})`;
    const out = html(source);
    expect(out).not.toContain('<a');
    expect(out).not.toContain('href');
    expect(parseInline(source)).toEqual([{ type: 'text', value: source }]);
  });

  it('accepts only http, https and mailto addresses', () => {
    expect(safeHref('https://modrotisk.si/izzivi')).toBe('https://modrotisk.si/izzivi');
    expect(safeHref('HTTP://Example.SI')).toBe('http://example.si/');
    expect(safeHref('mailto:a@b.si')).toBe('mailto:a@b.si');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('https://example.si/"onmouseover="x')).toBe('https://example.si/%22onmouseover=%22x');
  });

  it('treats a link target with parentheses as one target and never nests links', () => {
    expect(html('[a](javascript:alert(1)) konec')).toBe('<p>[a](javascript:alert(1)) konec</p>');
    expect(html('[wiki](https://sl.wikipedia.org/wiki/Modrotisk_(tehnika))')).toBe(
      '<p><a href="https://sl.wikipedia.org/wiki/Modrotisk_(tehnika)" rel="noopener noreferrer nofollow">wiki</a></p>',
    );
    expect(html('[[x](https://a.si)](https://b.si)')).toBe('<p><a href="https://b.si/" rel="noopener noreferrer nofollow">[x](https://a.si)</a></p>');
  });

  it('leaves unmatched markers, escapes and snake_case as written', () => {
    expect(html('2 * 3 = 6 in **ni zaprto')).toBe('<p>2 * 3 = 6 in **ni zaprto</p>');
    expect(html('\\*ne ležeče\\* in moj_datoteka_ime')).toBe('<p>*ne ležeče* in moj_datoteka_ime</p>');
    expect(html('[brez cilja] in [prazno]()')).toBe('<p>[brez cilja] in [prazno]()</p>');
  });

  it('survives deeply nested and very long input without blowing the stack', () => {
    const deep = `${'*'.repeat(5000)}x${'*'.repeat(5000)}`;
    expect(() => html(deep)).not.toThrow();
    const long = `${'[a]('.repeat(2000)}`;
    expect(() => html(long)).not.toThrow();
    expect(parseMarkdown('')).toEqual([]);
  });
});
