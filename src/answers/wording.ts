// Small helpers that put monograph values into reply templates.
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Monograph } from '../knowledge/schema';

/** Replaces {name} placeholders with values; unknown placeholders are left as they are. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** "a", "a and b", "a, b and c" (or "a or b", "a, b or c"), with the conjunction given. */
export function listInWords(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** "Title, publisher (year), via X" for each source of a monograph; `via` is the word for "via". */
export function describeSources(monograph: Monograph, via: string): string {
  return monograph.sources.map((s) => `${s.title}, ${s.publisher} (${s.year})${s.via ? `, ${via} ${s.via}` : ''}`).join('; ');
}

/** "Cranial Osteopathy" → "Cranial osteopathy": names read naturally at the start of a sentence. */
export function sentenceCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1).toLowerCase();
}

/** A name as it reads inside a sentence: "Back pain" → "back pain", but acronyms stay ("TMJ", "ME/CFS"). */
export function inSentence(name: string): string {
  return name
    .split(' ')
    .map((word) => (/[A-Z].*[A-Z]/.test(word) ? word : word.toLowerCase()))
    .join(' ');
}

/** The monographs loaded, as a list in words: "craniosacral therapy and reflexology". */
export function therapyList(knowledge: KnowledgeBase): string {
  return listInWords(
    knowledge.monographs.map((m) => inSentence(m.name)),
    knowledge.replies.words.and,
  );
}

/** A monograph that understanding resolved: its id is always a loaded one. */
export function monographOf(knowledge: KnowledgeBase, id: string): Monograph {
  const m = knowledge.monograph(id);
  if (!m) throw new Error(`understanding resolved an unknown monograph id: ${id}`);
  return m;
}
