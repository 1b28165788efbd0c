// A consumer monograph page as numbered lines of text: a page saved as text is read as it is; a page saved as
// HTML is converted to the same text layout first (headings and paragraphs on lines of their own, list items as
// "  • " bullets), so one reader serves both. Line numbers are the text's, which for HTML means the converted
// text's: problems name the line and quote it, so a reviewer can find it either way.
import { convert } from 'html-to-text';

export interface PageLine {
  /** 1-based line number in the page's text. */
  number: number;
  text: string;
}

/** Whether the file is an HTML page rather than saved text. */
function isHtml(content: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>])/i.test(content) || /<body[\s>]/i.test(content);
}

/** Elements that are page furniture in every such page: never content. */
const SKIPPED = [
  'script',
  'style',
  'noscript',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'img',
  'svg',
  'iframe',
  '.ad',
  '.ads',
  '.advert',
  '.advertisement',
  '.reviews',
  '.user-reviews',
];

function htmlToText(html: string): string {
  const plainHeading = (selector: string) => ({ selector, options: { uppercase: false } });
  return convert(html, {
    wordwrap: false,
    selectors: [
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map(plainHeading),
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'ul', options: { itemPrefix: '  • ' } },
      { selector: 'ol', options: { itemPrefix: '  • ' } },
      { selector: 'table', format: 'dataTable' },
      ...SKIPPED.map((selector) => ({ selector, format: 'skip' })),
    ],
  });
}

/** The page's lines, numbered from 1, whatever it was saved as. */
export function pageLines(content: string): PageLine[] {
  const text = isHtml(content) ? htmlToText(content) : content;
  return text.split(/\r?\n/).map((line, i) => ({ number: i + 1, text: line.replace(/\u00a0/g, ' ').replace(/\s+$/, '') }));
}
