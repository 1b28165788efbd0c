// Escaping for text that goes into markdown (Teams, Web Chat) so user words can never become markup.

const MARKDOWN_SPECIAL = /[\\`*_[\]#<>&]/g;

/**
 * Escaped text made plain for places that show text as it is (a notification, a preview): backslash escapes
 * removed. HTML-significant characters stay entities, as some clients show such text as HTML.
 */
export function plainFromEscaped(text: string): string {
  return text.replace(/\\([\\`*_[\]#])/g, '$1');
}

/** Backslash-escapes markdown syntax and turns HTML-significant characters into entities. */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (ch) => {
    if (ch === '<') return '&lt;';
    if (ch === '>') return '&gt;';
    if (ch === '&') return '&amp;';
    return `\\${ch}`;
  });
}
