// Whether a message is English: its small words (data/language.json) and WordNet's words (through
// wink-lexicon, with wink-lemmatizer's base forms) against all its words. Enough to keep English typo
// correction and English context words off Spanish and French messages, without a language model.
import lemmatize from 'wink-lemmatizer';
import englishWords from 'wink-lexicon/src/wn-words.js';

/** Share of a message's words that must be English for the message to count as English. */
const ENGLISH_SHARE = 0.6;

/** A content word WordNet knows, in any inflection. */
export function isEnglishWord(word: string): boolean {
  return word in englishWords || lemmatize.verb(word) in englishWords || lemmatize.noun(word) in englishWords || lemmatize.adjective(word) in englishWords;
}

/** Whether most words of two letters or more (numbers aside) are English. */
export function looksEnglish(words: readonly string[], functionWords: ReadonlySet<string>): boolean {
  let counted = 0;
  let english = 0;
  for (const word of words) {
    if (word.length < 2 || (word[0] >= '0' && word[0] <= '9')) continue;
    counted++;
    if (functionWords.has(word) || isEnglishWord(word)) english++;
  }
  return counted > 0 && english / counted >= ENGLISH_SHARE;
}
