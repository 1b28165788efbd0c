// The first thing every message meets: red flags recognised as clinical concepts (data/red-flags.json),
// in English, Spanish and French, on lemmas. An emergency is a combination of concepts that are all
// current; a mention that is negated, past, habitual, hypothetical, generic or what a medicine treats is
// not an emergency, but may earn a one-line note (a crisis line for someone who mentions a past attempt).
import type { RedFlagExample, RedFlags } from '../knowledge/schema';
import type { LemmaText, Lemmatiser } from '../text/lemmas';
import { ConceptFinder } from './red-flags/concepts';
import { ContextReader } from './red-flags/context';
import { TypoCorrector } from './red-flags/typos';
import { RedFlagClassifier } from './red-flags/classifier';
import { literalWords } from '../text/phrases';

/** How sure the classifier must be to complete an emergency the concepts half found. */
const SECOND_OPINION_CONFIDENCE = 0.99;
/** How sure it must be to raise an emergency with no concept found at all. */
const ALONE_CONFIDENCE = 0.9999;

export interface SafetyFinding {
  /** The most urgent emergency kind, in data order, whose concepts are all current. */
  emergency?: string;
  /** An emergency kind mentioned but not current, whose note the answer carries. */
  note?: string;
}

export class SafetyScreen {
  private readonly concepts: ConceptFinder;
  private readonly context: ContextReader;
  private readonly typos: TypoCorrector;
  private readonly composites: [string, RedFlags['composites'][string]][];

  /** Learnt on first use, not at start-up: most messages never need it, and learning takes a few hundred ms. */
  private classifier?: RedFlagClassifier;
  private readonly examples: readonly RedFlagExample[];
  /** Each emergency with every concept its combinations name. */
  private readonly conceptsOf: [RedFlags['emergencies'][number], string[]][];

  constructor(
    private readonly redFlags: RedFlags,
    private readonly lemmatiser: Lemmatiser,
    examples: readonly RedFlagExample[] = [],
  ) {
    this.examples = examples;
    this.conceptsOf = redFlags.emergencies.map((e) => [e, [...new Set(e.when.flat())]]);
    this.concepts = new ConceptFinder(redFlags.concepts);
    this.context = new ContextReader(redFlags.context, redFlags.concepts);
    this.composites = Object.entries(redFlags.composites);
    const concepts = Object.values(redFlags.concepts);
    this.typos = new TypoCorrector(
      concepts.flatMap((c) => c.terms.en.flatMap(literalWords)),
      new Set(concepts.flatMap((c) => [...c.terms.es, ...c.terms.fr].flatMap(literalWords))),
      (word) => lemmatiser.isEnglish(word),
    );
  }

  /**
   * An emergency some of whose concepts are current, none denied or past, though none of its combinations is
   * complete, when the classifier is all but sure of it: new wordings of a situation the concepts half recognise.
   */
  private secondOpinion(
    text: LemmaText,
    current: ReadonlySet<string>,
    notCurrent: ReadonlySet<string>,
  ): RedFlags['emergencies'][number] | undefined {
    if (this.examples.length === 0) return undefined;
    // Only where the wording was new, never where the context spoke: a concept of the emergency that was
    // denied, past or hypothetical ("stung by a bee, but no swelling in my face") rules it out.
    // An emergency marked to be heard on the classifier alone (a crisis said in words no term holds) needs no
    // current concept, only none denied or past.
    const evidence = (c: string) => current.has(c) && this.redFlags.concepts[c]?.qualifier !== true;
    const partial = this.conceptsOf.filter(
      ([e, concepts]) => (e.heardAlone === true || concepts.some(evidence)) && !concepts.some((c) => notCurrent.has(c)),
    );
    if (partial.length === 0) return undefined;
    this.classifier ??= new RedFlagClassifier(this.examples, this.lemmatiser);
    const p = this.classifier.posterior(
      text,
      partial.map(([e]) => e.kind),
    );
    let best: RedFlags['emergencies'][number] | undefined;
    for (const [e, concepts] of partial) {
      const needed = e.heardAlone && !concepts.some(evidence) ? ALONE_CONFIDENCE : SECOND_OPINION_CONFIDENCE;
      if ((p.get(e.kind) ?? 0) >= needed && (!best || p.get(e.kind)! > p.get(best.kind)!)) best = e;
    }
    return best;
  }

  /** The message's words with their lemma keys, misspelt red-flag words mended (understanding reads them too). */
  read(words: readonly string[]): LemmaText {
    return this.lemmatiser.analyse(words, (expanded) => this.typos.correct(expanded));
  }

  check(text: LemmaText): SafetyFinding {
    const mentions = this.concepts.find(text);
    if (mentions.length === 0) return {};
    const statuses = this.context.statuses(text, mentions);
    const current = new Set<string>();
    const mentioned = new Set<string>();
    /** Concepts with a mention that is not current: denied, past, hypothetical, general or habitual. */
    const notCurrent = new Set<string>();
    const isCurrent = (i: number) => {
      const status = statuses[i];
      const currentWhen: readonly string[] = this.redFlags.concepts[mentions[i].concept].currentWhen ?? [];
      return status === 'current' || (status !== 'negated' && currentWhen.includes(status));
    };
    for (const [i, mention] of mentions.entries()) {
      if (isCurrent(i)) current.add(mention.concept);
      else notCurrent.add(mention.concept);
      if (statuses[i] !== 'negated') mentioned.add(mention.concept);
    }
    // A composite holds where its two parts lie close: current when both are, mentioned when neither is negated.
    const byConcept = new Map<string, number[]>();
    for (const [i, m] of mentions.entries()) {
      const list = byConcept.get(m.concept);
      if (list) list.push(i);
      else byConcept.set(m.concept, [i]);
    }
    for (const [id, { near, within }] of this.composites) {
      for (const a of byConcept.get(near[0]) ?? []) {
        for (const b of byConcept.get(near[1]) ?? []) {
          const [ma, mb] = [mentions[a], mentions[b]];
          if (Math.max(ma.start, mb.start) - Math.min(ma.end, mb.end) > within) continue;
          if (isCurrent(a) && isCurrent(b)) current.add(id);
          if (statuses[a] !== 'negated' && statuses[b] !== 'negated') mentioned.add(id);
        }
      }
    }
    const holds = (concepts: Set<string>) => (combination: readonly string[]) => combination.every((c) => concepts.has(c));
    const emergency = this.redFlags.emergencies.find((e) => e.when.some(holds(current))) ?? this.secondOpinion(text, current, notCurrent);
    if (emergency) return { emergency: emergency.kind };
    const noted = this.redFlags.emergencies.find((e) => e.noted && e.when.some(holds(mentioned)));
    return noted ? { note: noted.kind } : {};
  }
}
