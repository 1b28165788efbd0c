// The one place that watches whole turns: each answer sent is noted as the turn runs, and when the turn
// ends one TurnRecord goes to the listeners (turn log, metrics, telemetry). Nothing else in the bot, the
// dialogs or the HTTP edge carries what a turn answered.
import { performance } from 'node:perf_hooks';
import type { Middleware, TurnContext } from 'botbuilder';
import type { Answer, HandoffOutcome } from '../answers/types';
import { redactPersonalData } from '../observability/personal-data';
import { conversationKey, mainAnswer, summarise, turnOutcome, type AnswerSummary, type TurnListener } from '../observability/turn-record';

const ANSWERS = Symbol('answers sent this turn');
const HANDOFF = Symbol('handoff step this turn');
/** The HTTP edge puts the request's correlation id here, so the turn's record carries it. */
export const CORRELATION_ID = Symbol('correlation id');

/** Called for every Answer sent, so the turn's record can say what the turn did. */
export function noteAnswer(context: TurnContext, answer: Answer): void {
  const list = (context.turnState.get(ANSWERS) as AnswerSummary[] | undefined) ?? [];
  list.push(summarise(answer));
  context.turnState.set(ANSWERS, list);
}

const LANGUAGE = Symbol('conversation language this turn');

/** The language the conversation is in this turn, for the turn's record (counted by language). */
export function noteLanguage(context: TurnContext, language: string): void {
  context.turnState.set(LANGUAGE, language);
}

/** A step of a request for a person that is not an answer (an agent joined or ended), for the turn's record. */
export function noteHandoff(context: TurnContext, outcome: HandoffOutcome): void {
  context.turnState.set(HANDOFF, outcome);
}

export class TurnObserver implements Middleware {
  /** `logMessageText`: put the message's text, redacted, in the record (LOG_MESSAGE_TEXT; off by default). */
  constructor(
    private readonly listener: TurnListener,
    private readonly logMessageText: boolean,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const started = performance.now();
    try {
      await next();
    } finally {
      const answers = (context.turnState.get(ANSWERS) as AnswerSummary[] | undefined) ?? [];
      const activity = context.activity;
      this.listener.turnEnded({
        correlationId: context.turnState.get(CORRELATION_ID) as string | undefined,
        conversation: conversationKey(activity.channelId, activity.conversation?.id),
        channel: activity.channelId,
        activityType: activity.type,
        language: context.turnState.get(LANGUAGE) as string | undefined,
        outcome: turnOutcome(answers),
        main: mainAnswer(answers),
        answers,
        handoff: answers.find((a) => a.handoff)?.handoff ?? (context.turnState.get(HANDOFF) as HandoffOutcome | undefined),
        latencyMs: performance.now() - started,
        ...(this.logMessageText && activity.text ? { messageText: redactPersonalData(activity.text) } : {}),
      });
    }
  }
}
