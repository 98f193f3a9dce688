import { createElement, Fragment, type ReactNode } from 'react';

/**
 * "Rich but safe" proposal text: a small lightweight-markdown subset, parsed into a tree and
 * rendered as React elements (never HTML strings, never dangerouslySetInnerHTML), so anything a
 * writer types — `<script>`, `onerror=`, entities — stays text.
 *
 * Blocks: paragraphs (separated by a blank line; a single line break stays a break), bulleted
 * lists (`- ` or `* `), numbered lists (`1. `). Inline: `**bold**`, `*italic*` or `_italic_`,
 * `[label](https://…)` links (http, https and mailto only; anything else stays literal text), and
 * `\` to escape a marker character.
 */
export type Inline =
  | { type: 'text'; value: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'paragraph'; lines: Inline[][] }
  | { type: 'list'; ordered: boolean; items: Inline[][] };

const BULLET = /^\s{0,3}[-*]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const MAX_DEPTH = 8;

/** The href to use for a link target, or null when it is not an http(s)/mailto address. */
export function safeHref(raw: string): string | null {
  const value = raw.trim();
  // No whitespace or control characters inside (they hide schemes like "java\tscript:").
  // eslint-disable-next-line no-control-regex
  if (!value || /[\s\u0000-\u001f\u007f]/.test(value)) return null;
  if (!/^(https?:\/\/|mailto:)/i.test(value)) return null;
  try {
    const url = new URL(value);
    if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
    if (url.protocol !== 'mailto:' && !url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', lines: paragraph.map((line) => parseInline(line.trim())) });
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map((item) => parseInline(item.trim())) });
    list = null;
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      flushParagraph();
      flushList();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      flushParagraph();
      const ordered = Boolean(numbered);
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, items: [] };
      list.items.push(item[1]);
      continue;
    }
    if (list) {
      // An indented line continues the last item; anything else ends the list.
      if (/^\s{2,}/.test(line)) {
        list.items[list.items.length - 1] += ` ${line.trim()}`;
        continue;
      }
      flushList();
    }
    paragraph.push(line);
  }
  flushParagraph();
  flushList();
  return blocks;
}

export function parseInline(source: string, depth = 0, inLink = false): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const pushText = (value: string) => {
    text += value;
  };
  const flush = () => {
    if (text) out.push({ type: 'text', value: text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\\' && i + 1 < source.length && /[\\*_[\]()`#>-]/.test(source[i + 1])) {
      pushText(source[i + 1]);
      i += 2;
      continue;
    }
    if (depth < MAX_DEPTH && source.startsWith('**', i)) {
      const end = findClosing(source, '**', i + 2);
      if (end > i + 2) {
        flush();
        out.push({ type: 'strong', children: parseInline(source.slice(i + 2, end), depth + 1, inLink) });
        i = end + 2;
        continue;
      }
    }
    if (depth < MAX_DEPTH && (ch === '*' || ch === '_') && source[i + 1] !== ch && source[i + 1] !== ' ' && i + 1 < source.length) {
      // `_` only opens at a word boundary (snake_case stays as written).
      const opens = ch === '*' || i === 0 || !/[\p{L}\p{N}]/u.test(source[i - 1]);
      const end = opens ? findClosing(source, ch, i + 1) : -1;
      if (end > i + 1 && source[end - 1] !== ' ' && (ch === '*' || end + 1 >= source.length || !/[\p{L}\p{N}]/u.test(source[end + 1]))) {
        flush();
        out.push({ type: 'em', children: parseInline(source.slice(i + 1, end), depth + 1, inLink) });
        i = end + 1;
        continue;
      }
    }
    if (ch === '[' && !inLink && depth < MAX_DEPTH) {
      const link = readLink(source, i);
      if (link) {
        const href = safeHref(link.target);
        if (href) {
          flush();
          out.push({ type: 'link', href, children: parseInline(link.label, depth + 1, true) });
        } else {
          // Not a safe address: shown as the writer typed it, inert.
          pushText(source.slice(i, link.end));
        }
        i = link.end;
        continue;
      }
    }
    pushText(ch);
    i += 1;
  }
  flush();
  return out;
}

/** Index of the closing marker (not escaped), or -1. A `*` search skips over `**`. */
function findClosing(source: string, marker: string, from: number): number {
  for (let j = from; j < source.length; j++) {
    if (source[j] === '\\') {
      j += 1;
      continue;
    }
    if (marker === '*' && source.startsWith('**', j)) {
      const inner = findClosing(source, '**', j + 2);
      if (inner < 0) return -1;
      j = inner + 1;
      continue;
    }
    if (source.startsWith(marker, j)) return j;
  }
  return -1;
}

/** `[label](target)` at `start`, with balanced parentheses inside the target. */
function readLink(source: string, start: number): { label: string; target: string; end: number } | null {
  let depth = 0;
  let close = -1;
  for (let j = start + 1; j < source.length; j++) {
    if (source[j] === '\\') {
      j += 1;
      continue;
    }
    if (source[j] === '[') depth += 1;
    else if (source[j] === ']') {
      if (depth === 0) {
        close = j;
        break;
      }
      depth -= 1;
    }
  }
  if (close < 0 || source[close + 1] !== '(') return null;
  let parens = 0;
  for (let j = close + 2; j < source.length; j++) {
    if (source[j] === '(') parens += 1;
    else if (source[j] === ')') {
      if (parens === 0) return { label: source.slice(start + 1, close), target: source.slice(close + 2, j), end: j + 1 };
      parens -= 1;
    }
  }
  return null;
}

function renderInline(nodes: Inline[], keyPrefix: string): ReactNode[] {
  return nodes.map((node, index) => {
    const key = `${keyPrefix}.${index}`;
    switch (node.type) {
      case 'text':
        return createElement(Fragment, { key }, node.value);
      case 'strong':
        return createElement('strong', { key }, ...renderInline(node.children, key));
      case 'em':
        return createElement('em', { key }, ...renderInline(node.children, key));
      case 'link':
        return createElement('a', { key, href: node.href, rel: 'noopener noreferrer nofollow' }, ...renderInline(node.children, key));
    }
  });
}

/** The blocks as React elements: <p>, <ul>/<ol> with <li>, <strong>, <em>, <a>. */
export function renderBlocks(blocks: Block[]): ReactNode[] {
  return blocks.map((block, index) => {
    const key = String(index);
    if (block.type === 'list') {
      return createElement(block.ordered ? 'ol' : 'ul', { key }, ...block.items.map((item, n) => createElement('li', { key: `${key}.${n}` }, ...renderInline(item, `${key}.${n}`))));
    }
    const children: ReactNode[] = [];
    block.lines.forEach((line, n) => {
      if (n > 0) children.push(createElement('br', { key: `${key}.br${n}` }));
      children.push(...renderInline(line, `${key}.${n}`));
    });
    return createElement('p', { key }, ...children);
  });
}

export function renderMarkdown(source: string): ReactNode[] {
  return renderBlocks(parseMarkdown(source));
}
