// The regular plural of a name as people type it in a sentence that needs it ("terapias craneosacrales",
// "thérapies craniosacrales", "craniosacral therapies"), so a name is recognised in the plural too.
// English makes only the last word plural; Spanish and French adjectives agree, so every word does.
// Irregular plurals are not guessed: a monograph can list one as another name.

/** The plural of a normalised name's words in a language ("en", "es", "fr"), or undefined when it has none. */
export function pluralOf(words: readonly string[], language: string, isFunctionWord: (word: string) => boolean): string[] | undefined {
  const base = language.split('-')[0];
  const rule = RULES[base];
  if (!rule || words.length === 0) return undefined;
  const plural =
    base === 'en'
      ? [...words.slice(0, -1), rule(words[words.length - 1])]
      : words.map((word) => (isFunctionWord(word) || /\d/.test(word) ? word : rule(word)));
  return plural.join(' ') === words.join(' ') ? undefined : plural;
}

const RULES: Record<string, (word: string) => string> = {
  en: (w) => (/[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : /(s|x|z|ch|sh)$/.test(w) ? `${w}es` : `${w}s`),
  es: (w) => (/[aeiou]$/.test(w) ? `${w}s` : /z$/.test(w) ? `${w.slice(0, -1)}ces` : /[sx]$/.test(w) ? w : `${w}es`),
  fr: (w) => (/al$/.test(w) ? `${w.slice(0, -2)}aux` : /eau$/.test(w) ? `${w}x` : /[sxz]$/.test(w) ? w : `${w}s`),
};
