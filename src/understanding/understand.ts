// One message in, one ResolvedQuestion out. Pure: no I/O, no botbuilder.
// Order: safety screen → therapies → conditions → topics; each step skips words an earlier step used.
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { Lemmatiser } from '../text/lemmas';
import { normalise } from '../text/normalise';
import { ConditionResolver } from './conditions';
import { CueReader } from './cues';
import { SafetyScreen } from './safety-screen';
import { TherapyResolver } from './therapy';
import type { ResolvedQuestion, Span } from './types';

export class Understanding {
  private readonly screen: SafetyScreen;
  private readonly therapies: TherapyResolver;
  private readonly conditions: ConditionResolver;
  private readonly cues: CueReader;

  constructor(knowledge: KnowledgeBase) {
    const { cues } = knowledge;
    this.screen = new SafetyScreen(knowledge.redFlags, new Lemmatiser(knowledge.language), knowledge.redFlagExamples);
    this.therapies = new TherapyResolver(knowledge.monographs, knowledge.otherTherapies, {
      headNouns: cues.therapyHeadNouns,
      notModifiers: cues.notTherapyModifiers,
      genericWords: cues.genericTherapyWords,
      stopWords: cues.stopWords,
    });
    this.conditions = new ConditionResolver(knowledge.lexicon);
    this.cues = new CueReader(cues);
  }

  understand(text: string): ResolvedQuestion {
    return this.understandNormalised(normalise(text));
  }

  /** The same for text already normalised: what a message means depends only on its normalised form. */
  understandNormalised(normalised: string): ResolvedQuestion {
    const words = normalised === '' ? [] : normalised.split(' ');
    const safety = this.screen.check(words);

    const therapies = this.therapies.findNamed(words);
    const conditions = this.conditions.find(words, within(therapies.spans));
    const used = [...therapies.spans, ...conditions.spans];
    this.therapies.findByHeadNoun(words, within(used), therapies);
    if (therapies.covered.length === 0 && therapies.unknown.length === 0) {
      this.therapies.findApproximate(words, within([...used, ...therapies.spans]), therapies);
    }

    const topics = this.cues.topicsOf(words);
    const conditionFirst = this.cues.asksWhatHelps(words);
    let conditionMatches = conditions.matches;
    if (conditionMatches.length === 0 && (topics.includes('effectiveness') || conditionFirst)) {
      conditionMatches = this.conditions.findTypos(words, within(therapies.spans));
    }

    const named = therapies.covered.length > 0 || therapies.unknown.length > 0 || conditionMatches.length > 0;
    const covered = [...therapies.covered].sort((a, b) => b.score - a.score);
    const feedback = this.cues.feedbackOf(words);
    const yesNo = this.cues.yesOrNo(words);
    const social = named || feedback || yesNo ? undefined : this.cues.socialIntent(words, topics.length > 0);
    return {
      emergency: safety.emergency ? { kind: safety.emergency } : undefined,
      safetyNote: safety.note,
      social,
      command: this.cues.command(words),
      yesNo,
      feedback,
      aboutBot: social ? undefined : this.cues.aboutBotQuestion(words),
      therapies: covered,
      unknownTherapies: therapies.unknown,
      conditions: conditionMatches,
      topics,
      assertsEfficacy: this.cues.assertsEfficacy(words),
      conditionFirst,
      refersToTherapy: this.cues.refersToTherapy(words),
      wordCount: words.length,
      confidence: covered[0]?.score ?? 1,
    };
  }
}

/** Whether word i lies inside any of the spans. */
function within(spans: readonly Span[]): (i: number) => boolean {
  return (i) => spans.some((s) => i >= s.start && i < s.end);
}
