// Whether a word is English: WordNet's words (through wink-lexicon), in any inflection wink-lemmatizer
// knows. With the small words of data/language.json, it tells an English message from a Spanish or a
// French one (src/text/lemmas.ts), enough to keep English typo correction off other languages.
import lemmatize from 'wink-lemmatizer';
import englishWords from 'wink-lexicon/src/wn-words.js';

/** A word's English base form (its verb lemma, then noun lemma: "ate" → "eat", "tablets" → "tablet"). */
export function englishLemma(word: string): string {
  return lemmatize.noun(lemmatize.verb(word));
}

/** A content word WordNet knows, in any inflection; `lemma` is englishLemma(word) when already known. */
export function isEnglishWord(word: string, lemma = englishLemma(word)): boolean {
  return word in englishWords || lemma in englishWords || lemmatize.verb(word) in englishWords || lemmatize.adjective(word) in englishWords;
}
