// Whether a word is English: WordNet's words (through wink-lexicon), in any inflection wink-lemmatizer
// knows. With the small words of data/language.json, it tells an English message from a Spanish or a
// French one (src/text/lemmas.ts), enough to keep English typo correction off other languages.
import lemmatize from 'wink-lemmatizer';
import englishWords from 'wink-lexicon/src/wn-words.js';

/** A content word WordNet knows, in any inflection. */
export function isEnglishWord(word: string): boolean {
  return word in englishWords || lemmatize.verb(word) in englishWords || lemmatize.noun(word) in englishWords || lemmatize.adjective(word) in englishWords;
}
