// Whether a word is English: WordNet's words (through wink-lexicon), in any inflection wink-lemmatizer
// knows. With the small words of data/language.json, it tells an English message from a Spanish or a
// French one (src/text/lemmas.ts), enough to keep English typo correction off other languages.
import lemmatize from 'wink-lemmatizer';
import englishWords from 'wink-lexicon/src/wn-words.js';

/**
 * A word's English base form (its verb lemma, then noun lemma: "ate" → "eat", "tablets" → "tablet"), and
 * whether WordNet knows the word in any inflection: both from one run of the lemmatiser.
 */
export function readEnglish(word: string): { lemma: string; known: boolean } {
  const verb = lemmatize.verb(word);
  const lemma = lemmatize.noun(verb);
  return {
    lemma,
    known: word in englishWords || lemma in englishWords || verb in englishWords || lemmatize.adjective(word) in englishWords,
  };
}

/** A content word WordNet knows, in any inflection. */
export function isEnglishWord(word: string): boolean {
  return readEnglish(word).known;
}
