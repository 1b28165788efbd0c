// A person's age, stated in numbers ("my 4 yr old", "a 2 week old", "84 years of age", "un niño de 6 años",
// "mon ado de 14 ans"), places them in one of the lexicon's populations (infants, children, teenagers,
// older adults), so a question about a child is answered as one. Which phrases state an age, and the
// bands, live in data/cues.json ("ages"); numbers that count something else ("for 15 years") are not ages.
import type { Cues } from '../knowledge/schema';
import { PhraseMatcher } from '../text/phrases';

type Unit = keyof Cues['ages']['units'];
/** A number written together with its unit ("7yo", "3wks", "82yrs"). */
const NUMBER_AND_UNIT = /^([0-9]+)([a-z]+)$/;
const YEARS_PER: Record<Unit, number> = { day: 1 / 365, week: 7 / 365, month: 1 / 12, year: 1 };

export class AgeReader {
  private readonly phrases: PhraseMatcher<Unit>;

  private readonly notAfter: ReadonlySet<string>;
  private readonly numberWords: ReadonlyMap<string, number>;

  constructor(
    private readonly ages: Cues['ages'],
    notAgeAfter: readonly string[],
    numberWords: Readonly<Record<string, number>>,
  ) {
    this.notAfter = new Set(notAgeAfter);
    this.numberWords = new Map(Object.entries(numberWords));
    this.phrases = new PhraseMatcher(
      (Object.keys(YEARS_PER) as Unit[]).flatMap((unit) => ages.units[unit].map((pattern) => ({ pattern, value: unit }))),
    );
  }

  /** The lexicon ids of the populations of every age stated in the words, in order, without repeats. */
  populations(typed: readonly string[]): string[] {
    const found: string[] = [];
    // "eighty eight" → 88, "nonante" → 90: number words become digits first.
    const words = this.withDigits(typed);
    for (const match of this.phrases.findAll(words)) {
      const number = words.slice(match.start, match.end).find((w) => /^[0-9]+$/.test(w));
      // "Embarazada de 5 meses", "30 weeks pregnant": how far along a pregnancy is, not anyone's age.
      if (number === undefined || this.notAfter.has(words[match.start - 1]) || this.notAfter.has(words[match.end])) continue;
      const id = this.populationAt(Number(number) * YEARS_PER[match.value]);
      if (id && !found.includes(id)) found.push(id);
    }
    return found;
  }

  /** The words with numbers as digits: "7yo" → 7 yo, "eighty eight" → 88. */
  private withDigits(words: readonly string[]): readonly string[] {
    // Most messages have no number at all: nothing to rewrite.
    if (!words.some((w) => (w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57) || this.numberWords.has(w))) return words;
    const out: string[] = [];
    for (const word of words) {
      const glued = NUMBER_AND_UNIT.exec(word);
      if (glued) {
        out.push(glued[1], glued[2]);
        continue;
      }
      const value = this.numberWords.get(word);
      const last = out.length - 1;
      // "eighty eight", "quatre vingt", "vingt et un": a ten followed by a unit adds up.
      if (value !== undefined && value < 10 && last >= 0 && /^[0-9]+0$/.test(out[last])) out[last] = String(Number(out[last]) + value);
      else if (value !== undefined) out.push(String(value));
      else out.push(word);
    }
    return out;
  }

  private populationAt(years: number): string | undefined {
    const [from, older] = this.ages.from;
    if (years >= from) return older;
    return this.ages.bands.find(([below]) => years < below)?.[1];
  }
}
