// What the judge-case scripts share about languages and regions: how to tell that a reply is written in
// English, Spanish or French (words each language has and the others do not), how to tell an emergency
// reply in each language (the sentence every emergency reply ends with, read from the shipped data), and
// the numbers each region's emergency reply must give (data/emergency-numbers.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const data = join(import.meta.dirname, '..', 'data');
const json = (file) => JSON.parse(readFileSync(join(data, file), 'utf8'));
const repliesIn = { en: json('replies.json'), es: json('languages/es.json').replies, fr: json('languages/fr.json').replies };
const numbers = json('emergency-numbers.json');

/** Words common in each language's replies that the other two never use. */
const OWN_WORDS = {
  en: [String.raw`\b(the|you|your|is|are|about|with|this|that|and)\b`, String.raw`\b(doctor|professional|information|please|call|can)\b`],
  es: [
    String.raw`\b(usted|su|sus|el|los|del|para|sobre|puede|está|hable|llame|pero|también)\b`,
    String.raw`\b(médico|información|profesional|salud|terapia|cualquier|ahora|pregunta)\b`,
  ],
  fr: [
    String.raw`\b(vous|votre|vos|les|des|est|une|sur|avec|pas|appelez|aussi)\b`,
    String.raw`\b(médecin|informations?|professionnel|santé|thérapie|maintenant|question)\b`,
  ],
};
/** Words of the other two languages that a reply in this one must not hold (titles in sources aside). */
const FOREIGN_WORDS = {
  en: String.raw`\b(usted|médico|hable|llame|vous|votre|médecin|appelez)\b`,
  es: String.raw`\b(you|your|please|doctor|vous|votre|médecin|appelez)\b`,
  fr: String.raw`\b(you|your|please|doctor|usted|médico|hable|llame)\b`,
};

/** Checks that a reply is in `language`. */
export function inLanguage(language) {
  return { must: OWN_WORDS[language], mustNot: [FOREIGN_WORDS[language]] };
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The start of the sentence every emergency reply in `language` carries (replies' emergency.tail). */
export function emergencyMarker(language) {
  return escape(repliesIn[language].emergency.tail.split(/[.:;]/)[0]);
}

/** Any emergency reply, in any language. */
export const ANY_EMERGENCY = Object.keys(repliesIn).map(emergencyMarker).join('|');

/** A number as the reply writes it: digits, with spaces or hyphens as given in the data. */
function numberPattern(number) {
  return String.raw`(?<![0-9])${escape(number)}(?![0-9])`;
}

/** Every number recorded for any region: an unknown region's reply must give none of them. */
export const EVERY_NUMBER = [
  ...new Set(Object.values(numbers.regions).flatMap((r) => [...r.emergency.numbers, r.crisis?.number, r.poison?.number].filter(Boolean))),
]
  .map(numberPattern)
  .join('|');

/** The region of a locale ("es-MX" → "MX"), if it has one. */
export function regionOf(locale) {
  return locale
    .split('-')
    .slice(1)
    .find((part) => /^[A-Za-z]{2}$/.test(part))
    ?.toUpperCase();
}

/** What an emergency reply for `locale` must and must not say: the region's emergency number (or, for
 * self-harm, its crisis line when it has one); with no region recorded, no number of any region. */
export function emergencyNumberChecks(locale, kind) {
  const region = numbers.regions[regionOf(locale) ?? ''];
  if (!region) return { must: [], mustNot: [EVERY_NUMBER] };
  const line = kind === 'self-harm' && region.crisis ? [region.crisis.number] : region.emergency.numbers;
  return { must: [line.map(numberPattern).join('|')], mustNot: [] };
}
