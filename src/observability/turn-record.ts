// What one turn did, as plain data: the answers it sent (summarised), its outcome and main answer,
// its channel and latency. The log, the metrics and the telemetry all read this one record, so the
// rule for a turn's outcome and main answer is written here once. Never the person's words, unless
// LOG_MESSAGE_TEXT is on, and then with emails and phone numbers redacted.
import { sha256 } from '../util/hash';
import type { Answer, HandoffOutcome } from '../answers/types';
import { onceForShared } from '../util/deep-freeze';
import type { FeedbackEvent, FeedbackListener } from './feedback';

export interface AnswerSummary {
  kind: Answer['kind'];
  outcome: Answer['outcome'];
  therapyId?: string;
  topics: readonly string[];
  /** Evidence rating levels shown, e.g. ["insufficient-evidence"]. */
  ratings: string[];
  /** A therapy without a monograph that was asked about (a content gap): the directory's name, or "unlisted"
   * for words the person typed, which never leave the process. */
  unknownTherapy?: string;
  /** Lexicon ids of conditions asked about that the monograph does not rate (a content gap). */
  unlistedConditions: readonly string[];
  /** How a request for a person went, on the answer to one. */
  handoff?: HandoffOutcome;
}

export interface TurnRecord {
  /** The id the HTTP edge gave the request (also its X-Correlation-Id header). */
  correlationId?: string;
  /** conversationKey() of the conversation. */
  conversation: string;
  channel?: string;
  activityType?: string;
  /** The conversation's language this turn (en, es, fr), for a message; a closed set. */
  language?: string;
  /** A handoff or an emergency wins over the answer that accompanies it; 'none' when nothing was answered. */
  outcome: string;
  /** The answer the turn was about: the first that is not social small talk. */
  main?: AnswerSummary;
  answers: AnswerSummary[];
  /** How a request for a person made in this turn went: contact offered, ticket created or failed. */
  handoff?: HandoffOutcome;
  latencyMs: number;
  /** Only with LOG_MESSAGE_TEXT on, and redacted. */
  messageText?: string;
}

/** Told what every turn did and every piece of feedback: the turn log, metrics, telemetry. */
export interface TurnListener extends FeedbackListener {
  turnEnded(turn: TurnRecord): void;
}

/** Several listeners as one. */
export class TurnListeners implements TurnListener {
  constructor(private readonly listeners: readonly TurnListener[]) {}

  turnEnded(turn: TurnRecord): void {
    for (const listener of this.listeners) listener.turnEnded(turn);
  }

  feedbackGiven(event: FeedbackEvent): void {
    for (const listener of this.listeners) listener.feedbackGiven(event);
  }
}

/** What a therapy name the person typed (not the directory's) is counted as. */
export const UNLISTED = 'unlisted';

/** Summaries of shared (frozen, cached) answers, made once each. */
const summaries = new WeakMap<Answer, AnswerSummary>();

export function summarise(answer: Answer): AnswerSummary {
  return onceForShared(summaries, answer, () => ({
    kind: answer.kind,
    outcome: answer.outcome,
    therapyId: answer.therapyId,
    topics: answer.topics,
    ratings: answer.sections.flatMap((s) => (s.rating?.scale === 'evidence' ? [s.rating.level] : [])),
    unknownTherapy: answer.unknownTherapy && (answer.unknownTherapyListed ? answer.unknownTherapy.toLowerCase() : UNLISTED),
    unlistedConditions: answer.unlistedConditions ?? [],
    ...(answer.handoffOutcome ? { handoff: answer.handoffOutcome } : {}),
  }));
}

/**
 * What a dashboard counts, the one definition /metrics and the report share (docs/operations.md):
 * - a turn is a message a person sent (typed, or a suggested action or card choice pressed);
 * - a welcome (the bot greeting someone who joined) is not a turn: it is counted as a welcome;
 * - a rating (a feedback button, or "that was helpful" typed) is not a turn: it is counted as feedback.
 * `kind` is the kind of the turn's main answer, as the turn log writes it.
 */
export function countedAs(turn: { activityType?: string; kind?: string }): 'turn' | 'welcome' | 'feedback' | 'other' {
  if (turn.activityType === 'conversationUpdate') return 'welcome';
  if (turn.activityType !== 'message') return 'other';
  return turn.kind === 'feedback' ? 'feedback' : 'turn';
}

/** The turn's outcome: a handoff or an emergency wins over the answer that accompanies it. */
export function turnOutcome(answers: readonly AnswerSummary[]): string {
  if (answers.some((a) => a.outcome === 'handoff')) return 'handoff';
  if (answers.some((a) => a.outcome === 'emergency')) return 'emergency';
  return answers[0]?.outcome ?? 'none';
}

/** The answer a turn is about: the first that is not social ("thanks" before the answer does not count). */
export function mainAnswer(answers: readonly AnswerSummary[]): AnswerSummary | undefined {
  return answers.find((a) => a.outcome !== 'social') ?? answers[0];
}

/** A stable, non-reversible key for a conversation, so reports can group turns without its id. */
export function conversationKey(channelId: string | undefined, conversationId: string | undefined): string {
  return sha256(`${channelId ?? ''}/${conversationId ?? ''}`, 'hex', 16);
}
