// Escaping for text that goes into markdown (Teams, Web Chat) so user words can never become markup.

const MARKDOWN_SPECIAL = /[\\`*_[\]#<>&]/g;

/** Backslash-escapes markdown syntax and turns HTML-significant characters into entities. */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (ch) => {
    if (ch === '<') return '&lt;';
    if (ch === '>') return '&gt;';
    if (ch === '&') return '&amp;';
    return `\\${ch}`;
  });
}
