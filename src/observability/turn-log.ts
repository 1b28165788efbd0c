// What each turn did, for the structured log (and the metrics and reports built on it): outcome,
// therapy, topics, rating, latency and a correlation id. Never the person's words, unless
// LOG_MESSAGE_TEXT is on, and then with emails and phone numbers redacted.
import { createHash } from 'node:crypto';
import type { Activity, TurnContext } from 'botbuilder';
import type { Answer } from '../answers/types';
import { REDACTED, type Logger } from './logger';
import { redactPersonalData } from './personal-data';
import { onceForShared } from '../util/deep-freeze';

const RECORD = Symbol('turn-record');

export interface AnswerSummary {
  kind: Answer['kind'];
  outcome: Answer['outcome'];
  therapyId?: string;
  topics: string[];
  /** Evidence rating levels shown, e.g. ["insufficient-evidence"]. */
  ratings: string[];
  /** A therapy without a monograph that was asked about (a content gap). */
  unknownTherapy?: string;
  /** Lexicon ids of conditions asked about that the monograph does not rate (a content gap). */
  unlistedConditions: string[];
}

/** Summaries of shared (frozen, cached) answers, made once each. */
const summaries = new WeakMap<Answer, AnswerSummary>();

function summarise(answer: Answer): AnswerSummary {
  return onceForShared(summaries, answer, () => ({
    kind: answer.kind,
    outcome: answer.outcome,
    therapyId: answer.therapyId,
    topics: answer.topics,
    ratings: answer.sections.flatMap((s) => (s.rating?.scale === 'evidence' ? [s.rating.level] : [])),
    unknownTherapy: answer.unknownTherapy?.toLowerCase(),
    unlistedConditions: answer.unlistedConditions ?? [],
  }));
}

/** Called for every Answer sent, so the turn's log line can say what the turn did. */
export function recordAnswer(context: TurnContext, answer: Answer): void {
  const list = (context.turnState.get(RECORD) as AnswerSummary[] | undefined) ?? [];
  list.push(summarise(answer));
  context.turnState.set(RECORD, list);
}

export function answersOf(context: TurnContext): AnswerSummary[] {
  return (context.turnState.get(RECORD) as AnswerSummary[] | undefined) ?? [];
}

/** The turn's outcome: a handoff or an emergency wins over the answer that accompanies it. */
export function turnOutcome(answers: AnswerSummary[]): string {
  if (answers.some((a) => a.outcome === 'handoff')) return 'handoff';
  if (answers.some((a) => a.outcome === 'emergency')) return 'emergency';
  return answers[0]?.outcome ?? 'none';
}

/** A stable, non-reversible key for a conversation, so reports can group turns without its id. */
export function conversationKey(activity: Partial<Activity>): string {
  return createHash('sha256').update(`${activity.channelId ?? ''}/${activity.conversation?.id ?? ''}`).digest('hex').slice(0, 16);
}

/**
 * The logger for turn lines. Its lines are built field by field below and never hold an activity, so the
 * logger's defence-in-depth redaction (wildcard paths, a walk over every field: most of the cost of a
 * line) is narrowed to the one top-level field that could ever carry text by mistake.
 */
export function turnLogger(logger: Logger): Logger {
  return logger.child({}, { redact: { paths: ['text'], censor: REDACTED } });
}

export function logTurn(logger: Logger, context: TurnContext, correlationId: string, latencyMs: number, logText: boolean): void {
  const answers = answersOf(context);
  const main = answers.find((a) => a.outcome !== 'social') ?? answers[0];
  const activity = context.activity;
  logger.info(
    {
      event: 'turn',
      correlationId,
      conversation: conversationKey(activity),
      channel: activity.channelId,
      activityType: activity.type,
      outcome: turnOutcome(answers),
      kind: main?.kind,
      therapy: main?.therapyId,
      topics: main?.topics,
      ratings: main?.ratings,
      unknownTherapy: main?.unknownTherapy,
      unlistedConditions: main?.unlistedConditions.length ? main.unlistedConditions : undefined,
      latencyMs: Math.round(latencyMs * 10) / 10,
      ...(logText && activity.text ? { messageText: redactPersonalData(activity.text) } : {}),
    },
    'turn',
  );
}
