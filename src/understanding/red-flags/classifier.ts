// A statistical second opinion on red flags: multinomial naive Bayes over lemma keys (and pairs of them),
// learnt from the utterances of data/red-flag-examples.jsonl (emergencies by kind, lookalikes as "none"
// and everyday questions to the bot as "everyday"). The safety screen asks it only when a current concept
// of an emergency was found but no combination of that emergency was complete (or, for a crisis, with near
// certainty and no concept at all), and never where a concept was denied or past: it widens recall where
// the wording is new, while the concepts and their context decide what is current.
import type { RedFlagExample } from '../../knowledge/schema';
import { LANGUAGES, type Lemmatiser, type LemmaText } from '../../text/lemmas';
import { words } from '../../text/normalise';

/**
 * The two kinds of message that are no emergency, learnt apart because their words differ: a lookalike uses
 * a red flag's words (a rash that fades under a glass), an everyday question talks to the bot (asking for a
 * person, apologising for its English). As one class, the many everyday messages would make a lookalike's
 * words seem rare outside emergencies.
 */
const NOT_EMERGENCIES = ['none', 'everyday'];
/** Additive smoothing: small, as most features are rare. */
const ALPHA = 0.1;

export class RedFlagClassifier {
  private readonly logPrior = new Map<string, number>();
  /** log P(feature | class) for every feature seen in training, and for an unseen one, per class. */
  private readonly logLikelihood = new Map<string, Map<string, number>>();
  private readonly logUnseen = new Map<string, number>();

  constructor(examples: readonly RedFlagExample[], lemmatiser: Lemmatiser) {
    const perClass = new Map<string, number>();
    const featureCounts = new Map<string, Map<string, number>>();
    const vocabulary = new Set<string>();
    for (const example of examples) {
      perClass.set(example.kind, (perClass.get(example.kind) ?? 0) + 1);
      const counts = featureCounts.get(example.kind) ?? new Map<string, number>();
      for (const f of features(lemmatiser.analyse(words(example.text)))) {
        counts.set(f, (counts.get(f) ?? 0) + 1);
        vocabulary.add(f);
      }
      featureCounts.set(example.kind, counts);
    }
    // Learnt once: a message then costs one lookup per feature and class.
    for (const [kind, n] of perClass) {
      this.logPrior.set(kind, Math.log(n / examples.length));
      const counts = featureCounts.get(kind)!;
      const denominator = [...counts.values()].reduce((a, b) => a + b, 0) + ALPHA * vocabulary.size;
      this.logUnseen.set(kind, Math.log(ALPHA / denominator));
      // Only features the class has seen; any other costs the class logUnseen.
      for (const [f, n] of counts) {
        const byClass = this.logLikelihood.get(f) ?? new Map<string, number>();
        byClass.set(kind, Math.log((n + ALPHA) / denominator));
        this.logLikelihood.set(f, byClass);
      }
    }
  }

  /** The probability of each of `kinds` and of each non-emergency class, normalised over those classes. */
  posterior(text: LemmaText, kinds: readonly string[]): Map<string, number> {
    const candidates = [...kinds, ...NOT_EMERGENCIES].filter((k) => this.logPrior.has(k));
    const known = features(text)
      .map((f) => this.logLikelihood.get(f))
      .filter((byClass) => byClass !== undefined);
    const logs = candidates.map((kind) => {
      let log = this.logPrior.get(kind) ?? Math.log(1e-6);
      for (const byClass of known) log += byClass.get(kind) ?? this.logUnseen.get(kind) ?? 0;
      return log;
    });
    const max = Math.max(...logs);
    const exp = logs.map((l) => Math.exp(l - max));
    const sum = exp.reduce((a, b) => a + b, 0);
    return new Map(candidates.map((kind, i) => [kind, exp[i] / sum]));
  }
}

/** Keys of the message's language (or of all three when it is unclear), single and in pairs. */
function features(text: LemmaText): string[] {
  const languages = text.english ? (['en'] as const) : text.language ? ([text.language] as const) : LANGUAGES;
  const out: string[] = [];
  for (const language of languages) {
    const keys = text.keys[language];
    for (let i = 0; i < keys.length; i++) {
      out.push(`${language}:${keys[i]}`);
      if (i > 0) out.push(`${language}:${keys[i - 1]}_${keys[i]}`);
    }
  }
  return out;
}
