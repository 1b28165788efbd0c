// Turns a ResolvedQuestion into an Answer: decides which kind of answer a question gets (an emergency, a
// monograph's facts, "did you mean …?", "which therapy?", a therapy without a monograph, out of scope) and
// hands it to MonographAnswers or FixedReplies. Every health fact is copied from a monograph field and names
// that field; the only other sentences are the templates of data/replies.json.
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { ResolvedQuestion } from '../understanding/types';
import { FixedReplies } from './fixed-replies';
import { ANSWER_THRESHOLD, MonographAnswers, conditionsOf } from './monograph-answers';
import type { Answer, AnswerKind, SupportDesk } from './types';
import { monographOf } from './wording';

export { ANSWER_THRESHOLD } from './monograph-answers';
export type { HandoffReason } from './fixed-replies';

/** A question longer than this with no therapy is not worth a clarifying question: it is about something else. */
export const CLARIFY_MAX_WORDS = 20;
/** Answers that a person can rate as helpful or not. */
const RATEABLE = new Set<AnswerKind>(['monograph', 'condition-first', 'unknown-therapy', 'about-bot']);

export class AnswerComposer {
  /** The answers made of reply templates: also what the conversation flow asks for by name (welcome, handoff, …). */
  readonly fixed: FixedReplies;
  private readonly monographs: MonographAnswers;

  /** `support`: how people reach the organisation's support desk (settings); none by default. */
  constructor(
    private readonly knowledge: KnowledgeBase,
    support?: SupportDesk,
  ) {
    this.fixed = new FixedReplies(knowledge, support);
    this.monographs = new MonographAnswers(knowledge);
  }

  /** The answer to a question; `context` stands in for what the conversation is already about. */
  answer(question: ResolvedQuestion, context: AnswerContext = {}): Answer {
    const routed = this.route(question, context);
    const answer =
      question.safetyNote && !question.emergency ? this.fixed.withSafetyNote(routed, question.safetyNote, context.region) : routed;
    if (RATEABLE.has(answer.kind)) {
      const { helpful, notHelpful } = this.knowledge.replies.buttons;
      answer.feedbackButtons = { helpful, notHelpful };
    }
    return answer;
  }

  private route(question: ResolvedQuestion, context: AnswerContext): Answer {
    const q = withContextTherapyCompared(withContextCondition(question, context), context);
    if (q.emergency) return this.fixed.emergency(q.emergency.kind, context.region);
    // Words half-recognised in a language the bot does not read are no question it understood.
    if (q.otherLanguage) return this.fixed.unsupportedLanguage();
    if (q.therapies.length === 0 && q.unknownTherapies.length > 0) {
      // "Is it the same as chiropractic?" about the therapy the conversation is on: answered for that therapy.
      // So is "who does it, a physio?": the other therapy named is a profession, the question is about "it".
      const relates = setsTwoSideBySide(q) || (q.topics.includes('practice') && q.refersToTherapy);
      const current = relates && context.therapyId ? this.knowledge.monograph(context.therapyId) : undefined;
      if (current) return this.monographs.answer(current, q);
      // "Can I stop my tablets and do reiki instead?": the boundary holds whatever the therapy.
      return this.fixed.withAdviceBoundary(this.fixed.unknownTherapy(q.unknownTherapies), q);
    }
    if (q.aboutBot) return this.fixed.aboutBot(q.aboutBot);
    if (q.feedback) return this.fixed.feedbackReply(q.feedback, 'new');

    if (q.therapies.length > 0) {
      const best = q.therapies[0];
      const tied = q.therapies.filter((t) => t.score === best.score);
      // Below the threshold nothing is answered: a typo as close to two names asks "did you mean A or
      // B?", a weak guess at one "did you mean A?", a word several names share "which one?".
      if (best.score < ANSWER_THRESHOLD) {
        return this.fixed.withAdviceBoundary(
          tied.length === 1 || tied.every((t) => t.misspelt) ? this.fixed.didYouMean(tied.slice(0, 2)) : this.fixed.whichOne(tied),
          q,
        );
      }
      if (tied.length > 1 && !q.topics.includes('comparison')) return this.fixed.whichOne(tied);
      return this.monographs.answer(monographOf(this.knowledge, best.id), q, best);
    }

    // A follow-up about the therapy the conversation is about ("is it safe?", "and for migraines?").
    const isFollowUp = (q.topics.length > 0 || q.conditions.length > 0 || q.refersToTherapy) && !q.social && !q.conditionFirst;
    const contextMonograph = context.therapyId ? this.knowledge.monograph(context.therapyId) : undefined;
    if (isFollowUp && contextMonograph) return this.monographs.answer(contextMonograph, q);
    if (isFollowUp && context.unknownTherapy) return this.fixed.unknownTherapy([{ name: context.unknownTherapy, matched: '' }]);

    const conditions = conditionsOf(this.knowledge, q, 'condition');
    if (q.conditionFirst && conditions.length > 0) return this.monographs.conditionFirst(conditions);
    if (q.social) return this.fixed.social(q.social);
    if (q.yesNo) return this.fixed.acknowledged();
    if (q.wordCount === 0) return this.fixed.notUnderstood();
    // "Is it safe?" needs a therapy; "what is the score?" is simply not a therapy question.
    // So does "can I have it done while I'm nursing?": "it" and a condition, no therapy.
    // And "is it OK for a 5-year-old?": a population named is a safety question about some therapy.
    // So does "what is it exactly?": "it" with no therapy to refer to.
    const asksAboutATherapy =
      q.topics.some((topic) => topic !== 'overview') ||
      (q.refersToTherapy && (q.conditions.length > 0 || q.topics.includes('overview'))) ||
      conditionsOf(this.knowledge, q, 'population').length > 0;
    // "Can I stop my sertraline?" with no therapy yet: the boundary first, then which therapy.
    if (asksAboutATherapy && q.wordCount <= CLARIFY_MAX_WORDS) return this.fixed.withAdviceBoundary(this.fixed.clarifyTherapy(), q);
    return this.fixed.withAdviceBoundary(this.fixed.outOfScope(), q);
  }
}

/** What the conversation is already about, from earlier turns. */
export interface AnswerContext {
  therapyId?: string;
  /** A therapy without a monograph that the conversation is about. */
  unknownTherapy?: string;
  /** The condition last asked about, for "does it work?" follow-ups. */
  conditionId?: string;
  /** Where the person is (ISO 3166-1 alpha-2, from the locale): the emergency numbers to give. */
  region?: string;
}

/** "Does it work though?" after a question about migraines is about migraines. */
function withContextCondition(q: ResolvedQuestion, context: AnswerContext): ResolvedQuestion {
  if (!context.conditionId || q.conditions.length > 0 || !q.topics.includes('effectiveness') || q.conditionFirst) return q;
  return { ...q, conditions: [{ id: context.conditionId, matched: '', score: 1 }] };
}

/** "Is X the same as …?", "is X safer than …?": a question about two therapies. */
function setsTwoSideBySide(q: ResolvedQuestion): boolean {
  return q.topics.includes('same-as') || q.topics.includes('comparison');
}

/** "Is it the same as craniosacral?" after a question about reiki compares the two. */
function withContextTherapyCompared(q: ResolvedQuestion, context: AnswerContext): ResolvedQuestion {
  if (!setsTwoSideBySide(q) || !context.unknownTherapy || q.therapies.length === 0 || q.unknownTherapies.length > 0) return q;
  return { ...q, unknownTherapies: [{ name: context.unknownTherapy, matched: '' }] };
}
