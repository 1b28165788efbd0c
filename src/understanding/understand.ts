// One message in, one ResolvedQuestion out. Pure: no I/O, no botbuilder.
// Order: safety screen → therapies → conditions → topics; each step skips words an earlier step used.
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { Lemmatiser } from '../text/lemmas';
import { normalise } from '../text/normalise';
import { ConditionResolver } from './conditions';
import { AgeReader } from './ages';
import { CueReader, withoutSpans, type CueText } from './cues';
import { SafetyScreen } from './safety-screen';
import { TherapyResolver, overlap } from './therapy';
import type { LanguageGuesser } from './language';
import type { ResolvedQuestion, Span } from './types';

/** How close a misspelt name beside a therapy with no monograph must be to be taken (the answer threshold). */
const CLEAR_MISSPELLING = 0.75;

export class Understanding {
  private readonly screen: SafetyScreen;
  private readonly therapies: TherapyResolver;
  private readonly conditions: ConditionResolver;
  private readonly cues: CueReader;
  private readonly ages: AgeReader;

  constructor(
    knowledge: KnowledgeBase,
    private readonly languages?: LanguageGuesser,
  ) {
    const { cues } = knowledge;
    const lemmatiser = new Lemmatiser(knowledge.languageData);
    this.screen = new SafetyScreen(knowledge.redFlags, lemmatiser, knowledge.redFlagExamples);
    this.therapies = new TherapyResolver(knowledge.monographs, knowledge.otherTherapies, {
      headNouns: cues.therapyHeadNouns,
      notModifiers: cues.notTherapyModifiers,
      genericWords: cues.genericTherapyWords,
      stopWords: cues.stopWords,
      functionWords: Object.values(knowledge.languageData.functionWords).flat(),
      practitionerSuffixes: Object.assign({}, ...Object.values(knowledge.languageData.practitionerSuffixes)),
    });
    this.conditions = new ConditionResolver(knowledge.lexicon);
    this.cues = new CueReader(cues, (word) => lemmatiser.isEnglish(word));
    this.ages = new AgeReader(cues.ages, cues.notAgeAfter, cues.numberWords);
  }

  understand(text: string): ResolvedQuestion {
    return this.understandNormalised(normalise(text), this.otherLanguageOf(text));
  }

  /** The language of a message written clearly in one the bot does not handle (read on the text as typed:
   * accents and letters that normalising takes away tell languages apart). */
  otherLanguageOf(text: string): string | undefined {
    return this.languages?.otherLanguage(text);
  }

  /** The same for text already normalised, whose language was read before: what a message means depends only
   * on its normalised form and that language. */
  understandNormalised(normalised: string, otherLanguage?: string): ResolvedQuestion {
    const words = normalised === '' ? [] : normalised.split(' ');
    const lemmas = this.screen.read(words);
    const safety = this.screen.check(lemmas);

    const therapies = this.therapies.findNamed(words);
    const conditions = this.conditions.find(words, within(therapies.spans));
    const used = [...therapies.spans, ...conditions.spans];
    this.therapies.findByHeadNoun(words, within(used), therapies);
    // The message as typed; its cues are read once, shared with the reading below when no covered name is in it.
    const typed: CueText = { words, lemmas };
    // "Are you a physio?" asks what the bot is, and "my chiro says it's proven" quotes a person: a practitioner
    // named so is no therapy asked about. (Read on the words as typed, where the names' positions are.)
    if (therapies.unknown.length > 0) {
      const people = [...this.cues.identitySpans(typed), ...this.cues.quotedPractitionerSpans(typed)];
      // A name goes only if every mention of it is a person ("is chiro the same? my chiro says he does both").
      const asked = new Set(therapies.unknownSpans.filter((u) => !people.some((p) => overlap(p, u.span))).map((u) => u.name));
      therapies.unknown = therapies.unknown.filter((u) => asked.has(u.name));
    }
    // Beside a therapy with no monograph, no guess at a misspelt one is made: at scale such guesses were
    // sometimes the wrong therapy (npm run bench counts them).
    if (therapies.covered.length === 0 && therapies.unknown.length === 0) {
      this.therapies.findApproximate(words, within([...used, ...therapies.spans]), therapies);
    }

    // One reading of the cues, with each covered therapy's name read as "it".
    let text = withoutSpans(typed, therapies.coveredSpans);
    let topics = this.cues.topicsOf(text);
    // "Is Bowen the same as cranio-sacrée?", "acupuncture or craniosacarl?": a question about two therapies
    // expects both, so a clear misspelling of a covered name is taken beside a therapy with no monograph.
    const setsTwoSideBySide = topics.includes('same-as') || topics.includes('comparison') || this.cues.setsSideBySide(text);
    if (therapies.covered.length === 0 && therapies.unknown.length > 0 && setsTwoSideBySide) {
      this.therapies.findApproximate(words, within([...used, ...therapies.spans]), therapies);
      therapies.covered = therapies.covered.filter((t) => t.misspelt && t.score >= CLEAR_MISSPELLING);
      if (therapies.covered.length > 0) {
        text = withoutSpans(typed, therapies.coveredSpans);
        topics = this.cues.topicsOf(text);
      }
    }
    // Two therapies side by side ("acupuncture or craniosacral for headaches?") are a comparison.
    const twoNamed = therapies.covered.length + therapies.unknown.length >= 2;
    if (twoNamed && !topics.includes('comparison') && !topics.includes('same-as') && this.cues.setsSideBySide(text))
      topics.push('comparison');
    // "If the WHO recognises it as a treatment for cancer, why …?" is a claim about a therapy, not a question
    // about what helps cancer.
    const assertsEfficacy = this.cues.assertsEfficacy(text);
    const conditionFirst = this.cues.asksWhatHelps(text) && !assertsEfficacy;
    let conditionMatches = conditions.matches;
    if (conditionMatches.length === 0 && (topics.includes('effectiveness') || conditionFirst)) {
      conditionMatches = this.conditions.findTypos(words, within(therapies.spans));
    }
    // An age names a population even when no word for it does ("my 4 year old").
    for (const id of this.ages.populations(words)) {
      if (!conditionMatches.some((c) => c.id === id)) conditionMatches = [...conditionMatches, { id, matched: '', score: 1 }];
    }

    const named = therapies.covered.length > 0 || therapies.unknown.length > 0 || conditionMatches.length > 0;
    const covered = [...therapies.covered].sort((a, b) => b.score - a.score);
    const feedback = this.cues.feedbackOf(text);
    const yesNo = this.cues.yesOrNo(text);
    // "ok cheers. r u an AI?" asks about the bot: a question keeps a thanks from being all the message says.
    const aboutBot = this.cues.aboutBotQuestion(text);
    const social = named || feedback || yesNo ? undefined : this.cues.socialIntent(text, topics.length > 0 || aboutBot !== undefined);
    return {
      emergency: safety.emergency ? { kind: safety.emergency } : undefined,
      ...(otherLanguage ? { otherLanguage } : {}),
      safetyNote: safety.note,
      social,
      command: this.cues.command(text),
      yesNo,
      feedback,
      // "Do I listen to my doctor or stop the pills?" is a question about the treatment, for whoever prescribed it.
      aboutBot: social || (aboutBot === 'trust' && topics.includes('medical-advice')) ? undefined : aboutBot,
      therapies: covered,
      unknownTherapies: therapies.unknown,
      conditions: conditionMatches,
      topics,
      assertsEfficacy,
      populationNotSelf: this.cues.populationIsNotSelf(text),
      conditionFirst,
      refersToTherapy: this.cues.refersToTherapy(text),
      correctsTherapy: this.cues.correctsTherapy(text),
      repair: this.cues.isRepair(text),
      describedTherapies: covered.length > 0 ? [] : this.cues.describedTherapies(text),
      wordCount: words.length,
      confidence: covered[0]?.score ?? 1,
    };
  }
}

/** Whether word i lies inside any of the spans. */
function within(spans: readonly Span[]): (i: number) => boolean {
  return (i) => spans.some((s) => i >= s.start && i < s.end);
}
