// Answers one question, using what the conversation is already about. When no therapy can be
// resolved it asks which one (or "did you mean A?", "did you mean A or B?") and waits: the reply,
// typed, misspelt or a button, completes the pending question. A reply that asks something else
// drops the clarification.
import type { TurnContext } from 'botbuilder';
import { ASK_SCORE, type ResolvedQuestion, type TherapyMatch } from '../src/question-answering';
import { handOff } from './handoff';
import { contextOf, keptQuestion, updateContext, type ConversationMemory } from './memory';
import { messageText, understandTurn, type DialogServices, type DialogStatus } from './services';

export interface QuestionOptions {
  /** The question's text (the pending question, when a clarification completes it). */
  text?: string;
  /** The therapy chosen in a clarification, standing in for the one the question lacked. */
  therapy?: TherapyMatch;
}

/** Answer kinds that count as not understanding the person. */
const NOT_UNDERSTOOD = new Set(['out-of-scope', 'not-understood']);
/** Answers to a question: naming another therapy next ("no, I meant craniosacral", "and craniosacral?") asks it again. */
const QUESTION_ANSWERS = new Set(['monograph', 'unknown-therapy', 'out-of-scope', 'condition-first']);

export class QuestionDialog {
  constructor(private readonly services: DialogServices) {}

  /** Answers the turn's message, or the given pending question; may start a clarification. */
  async begin(context: TurnContext, memory: ConversationMemory, options: QuestionOptions = {}): Promise<DialogStatus> {
    delete memory.pending;
    const text = options.text ?? messageText(context);
    const understood = options.text === undefined ? understandTurn(context, this.services) : this.services.answering.understand(text);
    // "No, I meant craniosacral", or just "craniosacral?" after a question about another therapy or none:
    // the last question again, for the therapy now named.
    // A description alone ("the skull one") names its therapy here too.
    const described =
      understood.describedTherapies.length === 1 && describesOnly(understood)
        ? { id: understood.describedTherapies[0], matched: '', score: 1 }
        : undefined;
    const named = understood.therapies[0] ?? described;
    const renamed = named && (understood.correctsTherapy || named.id !== memory.therapyId);
    if (options.text === undefined && memory.lastQuestion && renamed && (described || completesQuestion(understood, true))) {
      return this.begin(context, memory, { text: memory.lastQuestion, therapy: named });
    }
    // "Since the skull bones move, how far can a therapist realign them?": a question that describes one
    // monograph's therapy without naming any, in a conversation about none yet, asks "did you mean …?".
    const guessed =
      !options.therapy &&
      !memory.therapyId &&
      understood.describedTherapies.length === 1 &&
      describesOnly(understood) &&
      !understood.social &&
      !understood.aboutBot
        ? { id: understood.describedTherapies[0], matched: '', score: ASK_SCORE }
        : undefined;
    const therapy = options.therapy ?? guessed;
    const question: ResolvedQuestion = therapy ? { ...understood, therapies: [therapy], unknownTherapies: [] } : understood;
    const answer = this.services.answering.answer(question, contextOf(memory));

    // A message the bot cannot answer while a request for a person stands gets where that request is.
    if (NOT_UNDERSTOOD.has(answer.kind) && memory.handoff) {
      await this.services.send(context, this.services.answering.handoffStatus(memory.handoff, memory.language), memory);
      return 'complete';
    }
    if (NOT_UNDERSTOOD.has(answer.kind)) {
      memory.failures += 1;
      if (this.services.handoffAfterFailures > 0 && memory.failures >= this.services.handoffAfterFailures) {
        await handOff(context, this.services, memory, 'repeated-failure');
        return 'complete';
      }
    } else {
      memory.failures = 0;
    }

    await this.services.send(context, answer, memory);
    if (answer.outcome === 'clarification') {
      memory.pending = { text: keptQuestion(text), suggested: answer.kind === 'did-you-mean' ? answer.therapyId : undefined };
      // Should the clarification be dropped, a therapy named later still completes this question.
      memory.lastQuestion = keptQuestion(text);
      if (answer.kind === 'did-you-mean' && !answer.therapyId) memory.pending.choosing = true;
      return 'waiting';
    }
    updateContext(memory, answer, this.conditionIds(question));
    // "Sorry, I forgot to say" or "eh?" asks nothing: the question before it stays the one to ask again.
    const asksSomething =
      question.topics.length + question.conditions.length + question.therapies.length + question.unknownTherapies.length > 0;
    if (QUESTION_ANSWERS.has(answer.kind)) {
      if (asksSomething || !question.repair || !memory.lastQuestion) memory.lastQuestion = keptQuestion(text);
    } else delete memory.lastQuestion;
    return 'complete';
  }

  /** The reply to a clarifying question: yes/no to "did you mean", a therapy, or a new question. */
  async continue(context: TurnContext, memory: ConversationMemory): Promise<DialogStatus> {
    const pending = memory.pending!;
    const reply = understandTurn(context, this.services);

    if (pending.suggested && reply.yesNo === 'yes') {
      return this.begin(context, memory, { text: pending.text, therapy: { id: pending.suggested, matched: '', score: 1 } });
    }
    // "Yes" to "did you mean A or B?" does not say which: the question is asked again.
    if (pending.choosing && reply.yesNo === 'yes') return this.begin(context, memory, { text: pending.text });
    if ((pending.suggested || pending.choosing) && reply.yesNo === 'no') {
      await this.services.send(context, this.services.answering.clarifyTherapy(memory.language), memory);
      memory.pending = { text: pending.text };
      return 'waiting';
    }
    // "The skull one, where they barely touch your head": a description that fits one monograph only.
    const described = reply.describedTherapies;
    if (described.length === 1 && describesOnly(reply))
      return this.begin(context, memory, { text: pending.text, therapy: { id: described[0], matched: '', score: 1 } });
    // "The skull massage thing": a description beside a therapy with no monograph is only a guess: "did you mean …?".
    if (described.length === 1 && reply.therapies.length === 0 && !reply.emergency && !reply.command) {
      return this.begin(context, memory, { text: pending.text, therapy: { id: described[0], matched: '', score: ASK_SCORE } });
    }
    if (completesQuestion(reply, true)) {
      if (reply.therapies.length > 0) return this.begin(context, memory, { text: pending.text, therapy: reply.therapies[0] });
      // A therapy without a monograph: said so; the question stays the one a correction ("no, craniosacral") asks again.
      const status = await this.begin(context, memory, { text: messageText(context) });
      memory.lastQuestion = keptQuestion(pending.text);
      return status;
    }
    // "No idea what it's called", "eh?": nothing asked and nothing named, so the question still waits for its therapy.
    if (reply.repair && describesOnly(reply) && reply.conditions.length === 0 && reply.topics.every((t) => NAMING_TOPICS.has(t))) {
      await this.services.send(context, this.services.answering.clarifyTherapy(memory.language), memory);
      memory.pending = { text: pending.text };
      return 'waiting';
    }
    // The person asked something else: the clarification is dropped, not forced.
    return this.begin(context, memory);
  }

  private conditionIds(question: ResolvedQuestion): string[] {
    return question.conditions.filter((c) => this.services.answering.isCondition(c.id)).map((c) => c.id);
  }
}

/** A reply that names no therapy: it can only be describing the therapy meant ("the one where they hold the baby's skull"). */
function describesOnly(q: ResolvedQuestion): boolean {
  return q.therapies.length === 0 && q.unknownTherapies.length === 0 && !q.emergency && !q.command;
}

/**
 * A reply that only names a therapy ("craniosacral", "CST", a button, "sorry, I meant cranio sacral therapy"),
 * with no question of its own: it completes the question waiting for a therapy.
 */
function completesQuestion(q: ResolvedQuestion, namingOnly = false): boolean {
  const named = q.therapies.length > 0 || q.unknownTherapies.length > 0;
  // A plain correction may carry a stray topic word ("sorry, I meant the skull therapy, cranio sacral"); so
  // may the reply to "which therapy?" ("cranial osteopathy, forgot to say which one", "whatever it's called").
  const asksNothingNew = q.topics.length === 0 || q.correctsTherapy || (namingOnly && q.topics.every((t) => NAMING_TOPICS.has(t)));
  return named && asksNothingNew && q.conditions.length === 0 && !q.emergency && !q.command;
}

/** Topics whose words come with naming a therapy ("which one", "what it's called", "my midwife mentioned it");
 * "what is X?" is a question of its own. */
const NAMING_TOPICS = new Set<string>(['other-names', 'comparison', 'practice']);
