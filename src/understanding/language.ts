// Whether a message is clearly in a language the bot does not handle. The bot understands English, Spanish
// and French; a question in German or Japanese gets an honest "I can only answer in ..." instead of an
// answer to words it half-recognised, and is not counted as answered. Decided only on clear evidence
// (short messages, names and typos make language guesses unreliable), by two signals:
// - script: most letters in a script none of those languages is written in (Han, Cyrillic, Arabic, ...);
// - otherwise eld (a maintained n-gram language detector; small data set, microseconds a message), when its
//   guess is reliable, ahead of English, Spanish and French by a margin, and most of the message's longer
//   words are not English dictionary words (the second opinion that keeps "CST w/ herniated disc ok?" English).
import type { eld as Eld } from 'eld/small' with { 'resolution-mode': 'import' };

import { SUPPORTED_LANGUAGES, type Language } from '../knowledge/schema';

export { SUPPORTED_LANGUAGES, type Language };

/** A message long enough to say which of the bot's languages it is in (a switch needs clear evidence). */
const MIN_SWITCH_LETTERS = 20;
const MIN_SWITCH_WORDS = 4;
/** How far ahead of the other two the message's language must be: a wrong switch changes every reply after it. */
const SWITCH_MARGIN = 0.1;

/** Scripts of other languages: a message written mostly in one of them is not English, Spanish or French. */
const OTHER_SCRIPTS =
  /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}|\p{Script=Cyrillic}|\p{Script=Greek}|\p{Script=Arabic}|\p{Script=Hebrew}|\p{Script=Devanagari}|\p{Script=Bengali}|\p{Script=Tamil}|\p{Script=Telugu}|\p{Script=Thai}|\p{Script=Georgian}|\p{Script=Armenian}|\p{Script=Ethiopic}|\p{Script=Gujarati}|\p{Script=Gurmukhi}|\p{Script=Kannada}|\p{Script=Malayalam}|\p{Script=Sinhala}|\p{Script=Khmer}|\p{Script=Lao}|\p{Script=Myanmar}/u;

/** A character that is neither printable ASCII nor a space: only such a text can hold another script's letters. */
const BEYOND_ASCII = /[^\x20-\x7e\s]/;

/** Enough letters and words for a guess; fewer say too little. */
const MIN_LETTERS = 10;
const MIN_WORDS = 2;
/** How far ahead of English, Spanish and French the detector's guess must be. */
const MARGIN = 0.05;
/** Above this share of English dictionary words among the longer words, the message is taken as English. */
const MAX_ENGLISH_SHARE = 0.5;
/** Only the start of a long message is looked at: its language shows in a few sentences. */
const MAX_CHARS = 1000;
/** Messages whose reading is kept: more than the turns a server has in flight at once. */
const RECENT_READINGS = 64;

export interface LanguageGuesser {
  /** The message's language (ISO 639-1) when it is clearly one the bot does not handle; otherwise undefined. */
  otherLanguage(text: string): string | undefined;
  /** The message's language when it is clearly English, Spanish or French; otherwise undefined. */
  supportedLanguage(text: string): Language | undefined;
}

/** The bot's language for a locale ("es-MX" → es), if it is one of them. */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  const language = locale?.toLowerCase().split(/[-_]/)[0];
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(language ?? '') ? (language as Language) : undefined;
}

/**
 * The language a conversation goes on in after this message: the message's own when it is clearly English,
 * Spanish or French (the person switched, or writes other than their locale); else the conversation's so far;
 * else the locale's (Teams, Web Chat and the chat page send the browser's or client's); else English.
 */
export function conversationLanguage(
  message: { text: string; locale?: string; current?: Language },
  guesser: LanguageGuesser | undefined,
): Language {
  return guesser?.supportedLanguage(message.text) ?? message.current ?? languageOfLocale(message.locale) ?? 'en';
}

export function languageGuesser(eld: typeof Eld, isEnglishWord: (word: string) => boolean): LanguageGuesser {
  const supported = new Set<string>(SUPPORTED_LANGUAGES);
  type Detection = ReturnType<typeof eld.detect>;
  type Scores = ReturnType<Detection['getScores']>;
  type Reading = { text: string; letters: string[]; words: string[]; detection?: { result: Detection; scores: Scores } };
  /** The last messages read: a turn asks both questions of its text, at two points of the turn, so eld reads it
   * (and scores every language it knows, which costs as much again) once. Several are kept because a server's
   * turns interleave: with only the last one kept, the other turns' messages came in between. */
  const recent = new Map<string, Reading>();
  const read = (input: string) => {
    const text = input.slice(0, MAX_CHARS);
    let reading = recent.get(text);
    if (!reading) {
      reading = { text, letters: text.match(/\p{L}/gu) ?? [], words: text.match(/\p{L}+/gu) ?? [] };
      if (recent.size >= RECENT_READINGS) recent.delete(recent.keys().next().value!);
      recent.set(text, reading);
    }
    const detect = () => {
      if (!reading.detection) {
        const result = eld.detect(text);
        reading.detection = { result, scores: result.getScores() };
      }
      return reading.detection;
    };
    return { ...reading, detect };
  };
  return {
    supportedLanguage(input: string): Language | undefined {
      const { letters, words, detect } = read(input);
      if (letters.length < MIN_SWITCH_LETTERS || words.length < MIN_SWITCH_WORDS) return undefined;
      const { result, scores } = detect();
      if (!supported.has(result.language) || !result.isReliable()) return undefined;
      const others = SUPPORTED_LANGUAGES.filter((language) => language !== result.language).map((language) => scores[language] ?? 0);
      return (scores[result.language] ?? 0) - Math.max(...others) >= SWITCH_MARGIN ? (result.language as Language) : undefined;
    },
    otherLanguage(input: string): string | undefined {
      const { text, letters, words, detect } = read(input);
      // Plain ASCII (most messages) has no letter of another script to count.
      const foreign = !BEYOND_ASCII.test(text) ? 0 : letters.filter((letter) => OTHER_SCRIPTS.test(letter)).length;
      if (foreign >= 4 && foreign >= letters.length / 2) return detect().result.language || 'other';
      if (letters.length < MIN_LETTERS || words.length < MIN_WORDS) return undefined;
      const { result, scores } = detect();
      if (!result.language || supported.has(result.language) || !result.isReliable()) return undefined;
      const best = Math.max(...SUPPORTED_LANGUAGES.map((language) => scores[language] ?? 0));
      if ((scores[result.language] ?? 0) - best < MARGIN) return undefined;
      const longer = words.filter((word) => word.length >= 3);
      const english = longer.filter((word) => isEnglishWord(word.toLowerCase())).length;
      return longer.length > 0 && english / longer.length > MAX_ENGLISH_SHARE ? undefined : result.language;
    },
  };
}

/** Loads eld's small data set (an ES module, hence asynchronous) and builds the guesser. */
export async function loadLanguageGuesser(isEnglishWord: (word: string) => boolean): Promise<LanguageGuesser> {
  const { eld } = await import('eld/small');
  return languageGuesser(eld, isEnglishWord);
}
