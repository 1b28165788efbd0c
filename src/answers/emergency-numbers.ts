// The numbers in an emergency reply, for where the person is: the region's emergency number(s), crisis
// line and poison centre from data/emergency-numbers.json, in the reply's language; where a region or a
// line is not recorded, the wording that sends the person to their local one, so no wrong number is given.
import type { Language, RegionNumbers, Replies } from '../knowledge/schema';
import { fill, listInWords } from './wording';

/** The values of {emergency}, {crisisLine} and {poisonCentre} in an emergency reply or note. */
export function emergencyNumberValues(replies: Replies, numbers: RegionNumbers | undefined, language: Language): Record<string, string> {
  const e = replies.emergency;
  const nameOf = (line: { name: Partial<Record<Language, string>> }) => line.name[language] ?? Object.values(line.name)[0] ?? '';
  return {
    emergency: numbers
      ? listInWords(
          numbers.emergency.numbers.map((number) => fill(e.emergencyNumber, { number })),
          replies.words.or,
        )
      : e.emergencyUnknown,
    crisisLine: numbers?.crisis ? fill(e.crisisLine, { name: nameOf(numbers.crisis), number: numbers.crisis.number }) : e.crisisUnknown,
    poisonCentre: numbers?.poison ? fill(e.poisonCentre, { name: nameOf(numbers.poison), number: numbers.poison.number }) : e.poisonUnknown,
  };
}

/** The region of a locale ("es-MX" → "MX", "en-GB" → "GB"); none for "es", "es-419" or no locale. */
export function regionOfLocale(locale: string | undefined): string | undefined {
  const region = locale
    ?.split(/[-_]/)
    .slice(1)
    .find((part) => /^[A-Za-z]{2}$/.test(part));
  return region?.toUpperCase();
}
