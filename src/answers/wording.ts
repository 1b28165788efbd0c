// Small helpers that put monograph values into reply templates.
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Monograph } from '../knowledge/schema';
import { compact } from '../text/normalise';
import type { UnknownTherapy } from '../understanding/types';

/** A template cut at its placeholders: literal text at even places, placeholder names at odd ones. */
const templateParts = new Map<string, string[]>();
/** Templates come from the data, a few hundred at most; past this many, they are cut afresh each time. */
const MAX_TEMPLATES = 2000;

/** Replaces {name} placeholders with values; unknown placeholders are left as they are. */
export function fill(template: string, values: Record<string, string>): string {
  // Cut once per template: an answer fills a dozen templates, and a regular expression with a callback each
  // time was a fifth of composing it.
  let parts = templateParts.get(template);
  if (!parts) {
    parts = template.split(/\{([a-zA-Z]+)\}/);
    if (templateParts.size < MAX_TEMPLATES) templateParts.set(template, parts);
  }
  let filled = parts[0];
  for (let i = 1; i < parts.length; i += 2) filled += (values[parts[i]] ?? `{${parts[i]}}`) + parts[i + 1];
  return filled;
}

/** "a", "a and b", "a, b and c" (or "a or b", "a, b or c"), with the conjunction given. */
export function listInWords(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1];
  return `${items.slice(0, -1).join(', ')} ${beforeWord(conjunction, last)} ${last}`;
}

/** Spanish "y" is "e" before an "i" sound ("ansiedad e insomnio") and "o" is "u" before an "o" sound ("7 u 8"
 * is not needed for digits, but "uno u otro" is): the Real Academia's rule, which the templates cannot apply. */
function beforeWord(conjunction: string, word: string): string {
  if (conjunction === 'y' && /^h?[iíIÍ](?![aeoáéó])/.test(word)) return 'e';
  if (conjunction === 'o' && /^h?[oóOÓ]/.test(word)) return 'u';
  return conjunction;
}

/** "Title, publisher (year), via X" for each source of a monograph; `via` is the word for "via". */
export function describeSources(monograph: Monograph, via: string): string {
  return monograph.sources.map((s) => `${s.title}, ${s.publisher} (${s.year})${s.via ? `, ${via} ${s.via}` : ''}`).join('; ');
}

/** "Cranial Osteopathy" → "Cranial osteopathy": names read naturally at the start of a sentence. */
export function sentenceCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1).toLowerCase();
}

/** A sentence whose first word came from a placeholder still starts with a capital; the rest stays as it is. */
export function sentenceStart(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A name as it reads inside a sentence: names are written in sentence case, so only the first word loses its
 * capital ("Back pain" → "back pain", "Maladie d'Alzheimer" → "maladie d'Alzheimer"); acronyms ("TMJ") and
 * an eponym's possessive ("Crohn's disease") keep theirs.
 */
export function inSentence(name: string): string {
  const space = name.indexOf(' ');
  const first = space === -1 ? name : name.slice(0, space);
  const keep = /[A-Z].*[A-Z]/.test(first) || /^[A-Z][a-z]+'s$/.test(first);
  return keep ? name : first.toLowerCase() + name.slice(first.length);
}

/** The monographs loaded, as a list in words: "craniosacral therapy and reflexology". */
export function therapyList(knowledge: KnowledgeBase): string {
  return listInWords(
    knowledge.monographs.map((m) => inSentence(m.name)),
    knowledge.replies.words.and,
  );
}

/**
 * How a therapy without a monograph is named in a reply. In English, by the directory's name ("Chiropractic").
 * In another language, by the listed name the person's words matched ("quiropráctico", "ostéopathe"), so a
 * Spanish reply does not name it in English; by the directory's name when the words matched no listed name.
 */
export function unknownTherapyName(knowledge: KnowledgeBase, unknown: UnknownTherapy): string {
  if (knowledge.language === 'en' || unknown.matched === '') return unknown.name;
  const entry = knowledge.otherTherapies.therapies.find((t) => t.name === unknown.name);
  const typed = compact(unknown.matched);
  return entry?.otherNames.find((name) => compact(name) === typed) ?? unknown.name;
}

/** A monograph that understanding resolved: its id is always a loaded one. */
export function monographOf(knowledge: KnowledgeBase, id: string): Monograph {
  const m = knowledge.monograph(id);
  if (!m) throw new Error(`understanding resolved an unknown monograph id: ${id}`);
  return m;
}
