// Whether a mention of a red-flag concept is a current, real concern, in the spirit of NegEx and ConText
// (Chapman et al.; medspaCy's ConText): trigger words before or after a mention, within a window of
// words and not past a terminator ("but"), mark it negated ("no chest pain"), historical ("years ago"),
// habitual ("whenever I have exams"), hypothetical ("what if"), generic ("does it help people who
// have had a stroke?") or what a medicine treats ("her seizure meds"). Words that place it now ("right
// now", "still") outweigh historical and habitual words when they are nearer. Pseudo-triggers ("not sure if") contain a trigger but are not one.
// Who it concerns does not matter: "my baby is not breathing" is as urgent as "I am not breathing".
import { CONTEXT_KINDS, type ContextKind, type ContextTriggers, type RedFlags } from '../../knowledge/schema';
import type { Language, LemmaText } from '../../text/lemmas';
import { literalWords } from '../../text/phrases';
import { MultilingualMatcher } from '../../text/multilingual';
import type { ConceptMention } from './concepts';

export type MentionStatus = 'current' | ContextKind;

type TriggerKind = ContextKind | 'current';
const PSEUDO = 'pseudo';
/** How far before a negative term its own opening negation may stand ("je n'ai plus envie"). */
const OWN_NEGATION_REACH = 2;
const TERMINATOR = 'end';
const CLAUSE = 'clause';
const TRIGGER_KINDS: readonly TriggerKind[] = [...CONTEXT_KINDS, 'current'];

interface Trigger {
  kind: TriggerKind;
  language: Language;
  direction: 'before' | 'after';
  start: number;
  end: number;
}

/** What a message holds that can modify its mentions: found once per message. */
export interface ContextMarks {
  words: readonly string[];
  triggers: Trigger[];
  /** Positions of words that end a trigger's reach; positions of words that start a clause, by language
   * (Spanish "he" is not English "he", so a clause start only stops triggers of its own language). */
  terminators: Set<number>;
  clauseStarts: Map<Language, Set<number>>;
}

export class ContextReader {
  private readonly settings: Record<TriggerKind, ContextTriggers>;
  private readonly words: MultilingualMatcher<string>;
  /** Negation words ("not", "no", "ne", "plus"): a term holding one is itself negative ("not breathing"). */
  private readonly negations: Set<string>;
  /** Words that join the items of a list, across which a negation carries. */
  private readonly joiners: Set<string>;
  private readonly openings: Set<string>;
  /** The literal words of terms already read (terms are few, messages many). */
  private readonly termWords = new Map<string, string[]>();

  /** Concepts a medicine may be named for: only their mentions can be 'treated'. */
  private readonly treatable: ReadonlySet<string>;

  constructor(context: RedFlags['context'], concepts: RedFlags['concepts']) {
    this.settings = context;
    this.treatable = new Set(
      Object.entries(concepts)
        .filter(([, c]) => c.treatable === true)
        .map(([id]) => id),
    );
    this.joiners = new Set(Object.values(context.joiners).flat());
    this.openings = new Set(Object.values(context.openingNegations).flat());
    this.negations = new Set(Object.values(context.negativeWords).flat());
    // One matcher per language finds triggers ("kind/direction"), pseudo-triggers, terminators and clause starts
    // in one pass. They are function words, matched as written: on lemmas "gone" would match "going".
    this.words = new MultilingualMatcher<string>(
      [
        ...TRIGGER_KINDS.flatMap((kind): [string, ContextTriggers['before']][] => [
          [`${kind}/before`, context[kind].before],
          [`${kind}/after`, context[kind].after],
        ]),
        [PSEUDO, context.pseudo],
        [TERMINATOR, context.terminators],
        [CLAUSE, context.clauseStarts],
      ],
      false,
    );
  }

  /** The status of each mention, in order. */
  statuses(text: LemmaText, mentions: readonly ConceptMention[]): MentionStatus[] {
    const marks = this.marks(text, mentions);
    const direct = mentions.map((m) => this.statusOf(m, marks));
    const statuses = [...direct];
    // Negation carries along a list: "no fever or stiff neck", "aucun mal de tête brutal",
    // "no thoughts of harming myself or of not wanting to live".
    const order = mentions.map((_, i) => i).sort((a, b) => mentions[a].start - mentions[b].start);
    for (const i of order) {
      if (statuses[i] !== 'current') continue;
      const m = mentions[i];
      const carried = order.some(
        (j) => direct[j] === 'negated' && mentions[j].end <= m.start && this.continuesList(text.words, mentions[j].end, m.start),
      );
      if (carried) statuses[i] = 'negated';
    }
    return statuses;
  }

  /** Whether the words between two mentions only join them ("", "or", "and", "ni", "ou", "y"). */
  private continuesList(words: readonly string[], from: number, to: number): boolean {
    if (to - from > 2) return false;
    for (let i = from; i < to; i++) if (!this.joiners.has(words[i])) return false;
    return true;
  }

  private marks(text: LemmaText, mentions: readonly ConceptMention[]): ContextMarks {
    // A message in a clear language is read with that language's context words only: Spanish "no" before
    // English "he", or French "n'", would otherwise negate "he is not breathing".
    const all = this.words.findAll(text, text.language ? [text.language] : undefined);
    const pseudo = all.filter((m) => m.value === PSEUDO);
    // A negation that belongs to a negative term ("voit plus rien", "not breathing") modifies nothing else.
    const ownNegations = mentions.filter((m) => this.isNegativeTerm(m));
    const found = all
      .filter((t) => t.value.includes('/'))
      .filter((t) => !pseudo.some((p) => overlaps(p, t)))
      .filter((t) => !t.value.startsWith('negated/') || !ownNegations.some((m) => m.start <= t.start && t.start < m.end))
      .map((m): Trigger => {
        const [kind, direction] = m.value.split('/') as [TriggerKind, 'before' | 'after'];
        return { kind, direction, language: m.language, start: m.start, end: m.end };
      });
    // "I'm fine now" places a mention in the past: its "now" does not make it current.
    const historical = found.filter((t) => t.kind === 'historical');
    const triggers = found.filter((t) => t.kind !== 'current' || !historical.some((h) => overlaps(h, t)));
    const clauseStarts = new Map<Language, Set<number>>();
    for (const m of all) {
      if (m.value !== CLAUSE) continue;
      const set = clauseStarts.get(m.language) ?? new Set<number>();
      set.add(m.start);
      clauseStarts.set(m.language, set);
    }
    const terminators = new Set(all.filter((m) => m.value === TERMINATOR).map((m) => m.start));
    return { words: text.words, triggers, terminators, clauseStarts };
  }

  private statusOf(mention: ConceptMention, marks: ContextMarks): MentionStatus {
    // The nearest trigger of each kind that reaches the mention, in one pass over the triggers.
    const nearest: Record<TriggerKind, number> = {
      negated: Infinity,
      historical: Infinity,
      habitual: Infinity,
      hypothetical: Infinity,
      generic: Infinity,
      treated: Infinity,
      current: Infinity,
    };
    const negative = this.isNegativeTerm(mention);
    for (const t of marks.triggers) {
      if (t.kind === 'treated' && !this.treatable.has(mention.concept)) continue;
      const distance = this.reach(t, mention, marks);
      // A negative term ("ne veux plus vivre", "n'ai plus envie de vivre") is not negated again by the "ne"
      // that opens its own negation, a word or two before it; any other negation still counts ("ni").
      if (t.kind === 'negated' && negative && distance <= OWN_NEGATION_REACH && this.opens(t, marks)) continue;
      nearest[t.kind] = Math.min(nearest[t.kind], distance);
    }
    const negated = nearest.negated < Infinity;
    if (negated || (!negative && this.negatedInside(mention, marks))) return 'negated';
    if (nearest.hypothetical < Infinity) return 'hypothetical';
    if (nearest.generic < Infinity) return 'generic';
    if (nearest.treated < Infinity) return 'treated';
    // The nearer of "then" and "now" wins; any "now" outweighs "usually" ("I usually ... but right now").
    if (nearest.historical < nearest.current) return 'historical';
    if (nearest.habitual < Infinity && nearest.current === Infinity) return 'habitual';
    return 'current';
  }

  /** Whether a negation trigger is one that opens a negation ("ne" before "... plus"). */
  private opens(trigger: Trigger, marks: ContextMarks): boolean {
    return marks.words.slice(trigger.start, trigger.end).every((w) => this.openings.has(w));
  }

  /** Whether the term itself says "not" ("not breathing", "ne respire plus", "no puede respirar"). */
  private isNegativeTerm(mention: ConceptMention): boolean {
    return this.wordsOf(mention.term).some((w) => this.negations.has(w));
  }

  private wordsOf(term: string): string[] {
    let words = this.termWords.get(term);
    if (!words) this.termWords.set(term, (words = literalWords(term)));
    return words;
  }

  /** How many words lie between a trigger and the mention, or Infinity when the trigger does not reach it. */
  private reach(trigger: Trigger, mention: ConceptMention, marks: ContextMarks): number {
    const { window, stopsAtClause } = this.settings[trigger.kind];
    let from: number;
    let to: number;
    if (trigger.direction === 'before') {
      if (trigger.end > mention.start) return Infinity;
      [from, to] = [trigger.end, mention.start];
    } else {
      if (trigger.start < mention.end) return Infinity;
      [from, to] = [mention.end, trigger.start];
    }
    if (to - from > window) return Infinity;
    const clauseStarts = marks.clauseStarts.get(trigger.language);
    for (let i = from; i < to; i++) {
      // "but" ends a trigger's reach, except a "now": "I usually get it, but right now ...".
      if (trigger.kind !== 'current' && marks.terminators.has(i)) return Infinity;
      if (stopsAtClause && clauseStarts?.has(i)) return Infinity;
    }
    return to - from;
  }

  /**
   * A negation inside the mention's own words ("mes lèvres ne gonflent pas", "lips are not swollen")
   * negates it; a word the term itself names does not ("gone" in "nobody would notice I was gone").
   */
  private negatedInside(mention: ConceptMention, marks: ContextMarks): boolean {
    const own = this.wordsOf(mention.term);
    return marks.triggers.some(
      (t) =>
        t.kind === 'negated' &&
        t.start > mention.start &&
        t.end <= mention.end &&
        !marks.words.slice(t.start, t.end).every((w) => own.includes(w)),
    );
  }
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
