// Works out which therapies a message names: those with a monograph (covered), and those without
// one (unknown), which must never be answered with a covered therapy's facts.
//
// Order of evidence, strongest first:
//   1. a run of words that is exactly a name (any spacing or hyphenation), or all of its words in
//      another order ("thérapie craniosacrale" for "Craniosacrale Thérapie");
//   2. a name from the directory of therapies without a monograph (data/other-therapies.json);
//   3. a word + head noun the directory lacks ("Bowen therapy", "valerian root");
//   4. a typo of a name, only when nothing above named a therapy. It is answered only when close to
//      one name and clearly closer to it than to any other therapy's (typo-match.ts); a typo as close
//      to two therapies comes back as both, below the answer threshold ("did you mean A or B?"), and
//      one closer to a therapy without a monograph is never taken for a covered one;
//   5. one distinctive word of a longer name ("upledger"?) shared by one or more monographs: a guess,
//      so it comes back with a low score and leads to "did you mean …?".
import type { Monograph, OtherTherapies } from '../knowledge/schema';
import { normalise } from '../text/normalise';
import { pluralOf } from '../text/plurals';
import { FuzzyIndex, type Neighbour } from './fuzzy';
import { PrefixIndex } from './prefix-index';
import { ASK_SCORE, MARGIN, TYPO_RADIUS, judgeTypo, maxEdits, similarity, type TypoVerdict } from './typo-match';
import type { Span, TherapyMatch, UnknownTherapy } from './types';

/** Longest name, in words, looked for. */
const MAX_NAME_WORDS = 6;
/** Longest run of words tried as a misspelt name ("cranial sacral therpay" is 3). */
const MAX_FUZZY_WORDS = 3;
/** Score of a match on one distinctive word of a longer name: below the answer threshold. */
const PARTIAL_NAME_SCORE = 0.7;
/** A typo closest to a name without a monograph is named only when this similar ("medication" is not
 * "meditation"); below it, it is still never taken for a covered therapy. */
const MIN_UNKNOWN_TYPO_SIMILARITY = 0.92;
/** Shortest word that can stand for a longer name. */
const MIN_PARTIAL_WORD = 6;

type NameOwner = { kind: 'covered'; id: string } | { kind: 'unknown'; name: string };

const isCovered = (owner: NameOwner) => owner.kind === 'covered';

/** A typo that names covered therapies: answered (a match) or asked about. */
type AskOrMatch = Extract<TypoVerdict<NameOwner>, { kind: 'match' | 'ask' }>;

/** A run of words read as a misspelt name: its nearest names, closest first, one per therapy. */
interface TypedPhrase {
  /** The words joined, as looked up. */
  key: string;
  near: Neighbour<NameOwner>[];
  /** The words, normalised, as the match reports them. */
  matched: string;
  /** The words the match takes (with a head noun that was not read as part of the name). */
  span: Span;
  /** The words read as the name. */
  read: Span;
  /** Similarity of the closest name: which run of words is the name is decided by it. */
  closeness: number;
}

export interface TherapyFindings {
  covered: TherapyMatch[];
  unknown: UnknownTherapy[];
  /** Word positions taken by therapy names, so conditions and topics do not reuse them. */
  spans: Span[];
  /** Those of covered therapies: their words are never read as a topic ("cranial osteopathy" is not about
   * osteopaths), where an unknown therapy's may be ("can chiropractors do it?"). */
  coveredSpans: Span[];
  /** Where each unknown therapy was named. */
  unknownSpans: { name: string; span: Span }[];
}

export interface TherapyVocabulary {
  headNouns: readonly string[];
  notModifiers: readonly string[];
  /** Generic words that never stand for a name on their own ("therapy", "massage"). */
  genericWords: readonly string[];
  /** Function words ("the", "for"): a phrase containing one is never tried as a misspelt name. */
  stopWords: readonly string[];
  /** Small words of every language read ("de", "la", "the"): a name in any word order never starts or ends with one. */
  functionWords: readonly string[];
  /** A practice's ending → its practitioner's ("pathy" → "path"): a name is also known by its practitioner. */
  practitionerSuffixes?: Readonly<Record<string, string>>;
}

export class TherapyResolver {
  private readonly exact = new Map<string, NameOwner>();
  /** Plural forms of names, by key, as spelt: matched only as typed ("craneosacral es" is no "craneosacrales"),
   * and never offered as the spelling a typo was meant to be. */
  private readonly plurals = new Map<string, string>();
  private readonly tokenSets = new Map<string, NameOwner>();
  /** Beginnings of exact keys: a phrase no key starts with cannot be lengthened into a name. */
  private readonly exactPrefixes: PrefixIndex;
  /** Every word of every name of two words or more: a word-order match is made of these only. */
  private readonly nameWords = new Set<string>();
  /** Distinctive word → the monographs with a longer name containing it, each once (an array, not a Set: there
   * are tens of thousands of these words at thousands of monographs, and most name one monograph). */
  private readonly partial = new Map<string, string[]>();
  private readonly fuzzy: FuzzyIndex<NameOwner>;
  private readonly headNouns: Set<string>;
  private readonly notModifiers: Set<string>;
  private readonly stopWords: Set<string>;
  private readonly functionWords: Set<string>;

  constructor(monographs: readonly Monograph[], others: OtherTherapies, vocabulary: TherapyVocabulary) {
    const generic = new Set(vocabulary.genericWords.map(normalise));
    /** Indexes a name's normalised words. */
    const addWords = (words: readonly string[], owner: NameOwner): void => {
      this.exact.set(words.join(''), owner);
      if (words.length > 1) {
        this.tokenSets.set(tokenSetKey(words), owner);
        for (const word of words) this.nameWords.add(word);
      }
    };
    /** Indexes a name; returns its normalised words (normalising is most of the start-up cost at thousands of
     * names, so the forms made from them below are not normalised again). */
    const add = (name: string, owner: NameOwner): string[] => {
      const words = normalise(name).split(' ');
      addWords(words, owner);
      return words;
    };
    const suffixes = Object.entries(vocabulary.practitionerSuffixes ?? {});
    /** "Cranial osteopathy" is also asked about as "a cranial osteopath" or "cranial osteopaths"; returns
     * those forms, singular first. */
    const addPractitioners = (words: readonly string[], owner: NameOwner): string[][] => {
      const names = practitionerNames(words, suffixes);
      for (const name of names) if (!this.exact.has(name.join(''))) addWords(name, owner);
      return names;
    };
    for (const therapy of others.therapies) {
      const owner: NameOwner = { kind: 'unknown', name: therapy.name };
      for (const name of [therapy.name, ...therapy.otherNames]) addPractitioners(add(name, owner), owner);
    }
    const functionWords = new Set(vocabulary.functionWords.map(normalise));
    const addPlural = (words: readonly string[], language: string, owner: NameOwner) => {
      const plural = pluralOf(words, language, (w) => functionWords.has(w));
      if (!plural) return;
      const key = plural.join('');
      if (this.exact.has(key)) return;
      // Exact spelling only (no other word order): half the start-up cost of a name, for a rarer form.
      this.plurals.set(key, plural.join(' '));
      this.exact.set(key, owner);
    };
    // Monographs last, so their names win over a directory entry that repeats one.
    for (const m of monographs) {
      const owner: NameOwner = { kind: 'covered', id: m.id };
      for (const { name, language, abbreviation } of [{ name: m.name, language: 'en' }, ...m.otherNames]) {
        const words = add(name, owner);
        const [practitioner] = addPractitioners(words, owner);
        if (!abbreviation) {
          addPlural(words, language, owner);
          if (practitioner && language !== 'en') addPlural(practitioner, language, owner);
        }
        if (words.length < 2) continue;
        for (const word of words) {
          if (word.length < MIN_PARTIAL_WORD || generic.has(word)) continue;
          const ids = this.partial.get(word);
          // A monograph's names are indexed together, so one already listed is the last.
          if (!ids) this.partial.set(word, [m.id]);
          else if (ids[ids.length - 1] !== m.id) ids.push(m.id);
        }
      }
    }
    // From the exact names as finally owned: a name both in the directory and in a monograph is the monograph's.
    const spellings: { name: string; value: NameOwner }[] = [];
    for (const [key, owner] of this.exact) if (!this.plurals.has(key)) spellings.push({ name: key, value: owner });
    this.fuzzy = new FuzzyIndex(spellings, { compacted: true });
    this.exactPrefixes = new PrefixIndex(this.exact.keys());
    this.headNouns = new Set(vocabulary.headNouns.map(normalise));
    this.notModifiers = new Set(vocabulary.notModifiers.map(normalise));
    this.stopWords = new Set(vocabulary.stopWords.map(normalise));
    this.functionWords = functionWords;
  }

  /** Exact names, covered or in the directory (steps 1 and 2). */
  findNamed(words: readonly string[]): TherapyFindings {
    const found: TherapyFindings = { covered: [], unknown: [], spans: [], coveredSpans: [], unknownSpans: [] };
    for (let start = 0; start < words.length;) {
      const hit = this.longestNameAt(words, start);
      if (!hit) {
        start++;
        continue;
      }
      this.record(found, hit.owner, words.slice(start, hit.end).join(' '), 1, { start, end: hit.end });
      start = hit.end;
    }
    return found;
  }

  /** Unknown names made of a word and a head noun ("Bowen therapy"), outside the spans taken (step 3). */
  findByHeadNoun(words: readonly string[], taken: (i: number) => boolean, found: TherapyFindings): void {
    for (let i = 1; i < words.length; i++) {
      if (!this.headNouns.has(words[i]) || taken(i) || taken(i - 1)) continue;
      const modifier = words[i - 1];
      if (modifier.length < 3 || this.notModifiers.has(modifier) || this.headNouns.has(modifier) || /^\d+$/.test(modifier)) continue;
      // "craniosacarl therapy" and "cranial sacral therapy" are typos of a known name, not new therapies.
      const typo = this.coveredTypoEndingAt(words, i, taken);
      if (typo) {
        this.recordTypo(found, typo.verdict, typo.typed);
        continue;
      }
      const phrase = `${modifier} ${words[i]}`;
      this.record(found, { kind: 'unknown', name: phrase }, phrase, 1, { start: i - 1, end: i + 1 });
    }
  }

  /** Misspelt names (step 4) and then single distinctive words (step 5), outside the spans taken. */
  findApproximate(words: readonly string[], taken: (i: number) => boolean, found: TherapyFindings): void {
    const readings: TypedPhrase[] = [];
    for (let start = 0; start < words.length; start++) {
      for (let length = 1; length <= MAX_FUZZY_WORDS && start + length <= words.length; length++) {
        const last = words[start + length - 1];
        if (taken(start + length - 1) || this.stopWords.has(last) || /^\d+$/.test(last)) break;
        this.read(readings, words, { start, end: start + length });
      }
    }
    const typo = this.judge(readings);
    if (typo && typo.verdict.kind !== 'unanswerable') {
      this.recordTypo(found, typo.verdict, typo.typed);
      return;
    }
    let partial = false;
    for (let i = 0; i < words.length; i++) {
      const ids = taken(i) ? undefined : this.partial.get(words[i]);
      if (!ids) continue;
      partial = true;
      for (const id of ids) this.record(found, { kind: 'covered', id }, words[i], PARTIAL_NAME_SCORE, { start: i, end: i + 1 });
    }
    // Closest to a therapy without a monograph: that absorbs the typo, so it never drifts to a
    // covered therapy. It is named only when nearly exact ("medication" is not "meditation").
    const absorbed = typo?.verdict.kind === 'unanswerable' ? typo.verdict : undefined;
    if (
      typo &&
      absorbed &&
      !partial &&
      absorbed.distance <= maxEdits(absorbed.name.length) &&
      absorbed.score >= MIN_UNKNOWN_TYPO_SIMILARITY
    ) {
      this.record(found, absorbed.value, typo.typed.matched, absorbed.score, typo.typed.span);
    }
  }

  /** A covered name misspelt in the words ending at the head noun at `end` ("craniosacarl therapy"),
   * read in the runs of one to MAX_FUZZY_WORDS words before it, with and without it. */
  private coveredTypoEndingAt(words: readonly string[], end: number, taken: (i: number) => boolean) {
    const readings: TypedPhrase[] = [];
    // The head noun alone ("therapy") is never a misspelt name: start one word before it.
    for (let start = end - 1; start >= Math.max(0, end - MAX_FUZZY_WORDS); start--) {
      if (taken(start) || this.stopWords.has(words[start])) break;
      const span = { start, end: end + 1 };
      this.read(readings, words, span);
      this.read(readings, words, span, { start, end });
    }
    const typo = this.judge(readings);
    if (!typo || typo.verdict.kind === 'unanswerable') return undefined;
    return { verdict: typo.verdict, typed: typo.typed };
  }

  /** Adds the words `read` (all those of `span` unless given) as a reading of a misspelt name, when
   * some name is near enough to judge. */
  private read(readings: TypedPhrase[], words: readonly string[], span: Span, read: Span = span): void {
    const key = words.slice(read.start, read.end).join('');
    const near = this.fuzzy.neighbours(key, TYPO_RADIUS, MARGIN);
    if (near.length === 0 || near[0].distance > maxEdits(near[0].name.length) + 1) return;
    readings.push({ key, near, matched: words.slice(span.start, span.end).join(' '), span, read, closeness: similarity(near[0]) });
  }

  /**
   * The verdict on the reading closest to a name. Before a typo is answered, its words are checked
   * thoroughly against the index, and against the readings that take more words than it:
   * "drobelurtla massuge" is one edit from "Drobelur tea" read as one word, and two from "Drobelurtal
   * massage" read as two; both are plausible, so it asks. A reading of fewer words is no rival: in
   * "beltaldro massge", "massge" alone is a typo of "massage", but both words are one edit from
   * "Beltaldro massage".
   */
  private judge(readings: readonly TypedPhrase[]): { verdict: TypoVerdict<NameOwner>; typed: TypedPhrase } | undefined {
    let typed: TypedPhrase | undefined;
    for (const reading of readings) if (!typed || reading.closeness > typed.closeness) typed = reading;
    if (!typed) return undefined;
    let verdict = judgeTypo(typed.near, isCovered);
    if (verdict?.kind !== 'match') return verdict && { verdict, typed };
    verdict = judgeTypo(this.fuzzy.neighbours(typed.key, TYPO_RADIUS, MARGIN, true), isCovered);
    if (verdict?.kind !== 'match') return verdict && { verdict, typed };
    const answer = verdict.value;
    const rival = readings
      .filter((r) => overlap(r.read, typed.read) && !within(r.read, typed.read))
      .flatMap((r) => r.near)
      .find((n) => n.value !== answer && n.distance <= maxEdits(n.name.length));
    if (rival) verdict = { kind: 'ask', values: isCovered(rival.value) ? [answer, rival.value] : [answer] };
    return { verdict, typed };
  }

  /** A typo answered (one therapy, its similarity as score) or asked about (each candidate below the threshold). */
  private recordTypo(found: TherapyFindings, verdict: AskOrMatch, typed: TypedPhrase): void {
    if (verdict.kind === 'match') this.record(found, verdict.value, typed.matched, verdict.score, typed.span, true);
    else for (const owner of verdict.values) this.record(found, owner, typed.matched, ASK_SCORE, typed.span, true);
  }

  private longestNameAt(words: readonly string[], start: number): { owner: NameOwner; end: number } | undefined {
    // Most words start no name, so bound the lengths worth trying before building any phrase: an exact
    // name is only possible while some key starts with the words so far, and a word-order match cannot
    // run past a word that is in no name.
    const longest = Math.min(MAX_NAME_WORDS, words.length - start);
    const exactRun = this.exactPrefixes.joinableRun(words, start, longest);
    // A name in another word order ("onagra de aceite") never starts or ends with a small word: such runs,
    // common once names in Spanish and French are known ("de", "la"), are not tried.
    let nameRun = 0;
    if (!this.functionWords.has(words[start])) while (nameRun < longest && this.nameWords.has(words[start + nameRun])) nameRun++;
    for (let length = Math.max(exactRun, nameRun); length >= 1; length--) {
      const phrase = words.slice(start, start + length);
      const anyOrder = length > 1 && length <= nameRun && !this.functionWords.has(words[start + length - 1]);
      const key = phrase.join('');
      // A plural counts only as spelt; other names also in any spacing ("cranio sacral").
      const plural = this.plurals.get(key);
      const exact = length <= exactRun && (plural === undefined || plural === phrase.join(' ')) ? this.exact.get(key) : undefined;
      const owner = exact ?? (anyOrder ? this.tokenSets.get(tokenSetKey(phrase)) : undefined);
      if (owner) return { owner, end: start + length };
    }
    return undefined;
  }

  private record(found: TherapyFindings, owner: NameOwner, matched: string, score: number, span: Span, misspelt = false): void {
    found.spans.push(span);
    if (owner.kind === 'unknown') {
      found.unknownSpans.push({ name: owner.name, span });
      if (!found.unknown.some((u) => u.name === owner.name)) found.unknown.push({ name: owner.name, matched });
      return;
    }
    found.coveredSpans.push(span);
    const match: TherapyMatch = misspelt ? { id: owner.id, matched, score, misspelt } : { id: owner.id, matched, score };
    const existing = found.covered.findIndex((c) => c.id === owner.id);
    if (existing < 0) found.covered.push(match);
    else if (score > found.covered[existing].score) found.covered[existing] = match;
  }
}

/** A name with its practice word made its practitioner's, singular and plural ("osteopath", "osteopaths"). */
function practitionerNames(words: readonly string[], suffixes: readonly [string, string][]): string[][] {
  for (let i = words.length - 1; i >= 0; i--) {
    const suffix = suffixes.find(([practice]) => words[i].endsWith(practice) && words[i].length > practice.length);
    if (!suffix) continue;
    const person = words[i].slice(0, -suffix[0].length) + suffix[1];
    return [person, `${person}s`].map((w) => [...words.slice(0, i), w, ...words.slice(i + 1)]);
  }
  return [];
}

/** Whether two runs of words share a word. */
export function overlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Whether run a lies inside run b. */
function within(a: Span, b: Span): boolean {
  return a.start >= b.start && a.end <= b.end;
}

function tokenSetKey(words: readonly string[]): string {
  // Most names are two words: ordered without copying and sorting an array.
  if (words.length === 2) return words[0] <= words[1] ? `${words[0]} ${words[1]}` : `${words[1]} ${words[0]}`;
  return [...words].sort().join(' ');
}
