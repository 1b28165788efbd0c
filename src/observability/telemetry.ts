// Optional Application Insights telemetry through botbuilder's telemetry client, on when
// APPLICATIONINSIGHTS_CONNECTION_STRING is set. Like the logs and metrics, it carries outcomes,
// therapies and topics, never what people wrote (botbuilder's logger runs with personal data off).
import type { BotTelemetryClient } from 'botbuilder';
import type { FeedbackEvent } from './feedback';
import type { TurnListener, TurnRecord } from './turn-record';

export const TURN_EVENT = 'TherapyBotTurn';
export const FEEDBACK_EVENT = 'TherapyBotFeedback';

/** Loads the Application Insights SDK only when it is configured: it patches modules when loaded. */
export async function createAppInsightsClient(connectionString: string): Promise<BotTelemetryClient> {
  const { ApplicationInsightsTelemetryClient } = await import('botbuilder-applicationinsights');
  return new ApplicationInsightsTelemetryClient(connectionString);
}

export class TelemetryReporter implements TurnListener {
  constructor(private readonly client: BotTelemetryClient) {}

  turnEnded(turn: TurnRecord): void {
    const main = turn.main;
    this.client.trackEvent({
      name: TURN_EVENT,
      properties: {
        outcome: turn.outcome,
        channel: turn.channel ?? 'unknown',
        handoff: turn.handoff ?? '',
        kind: main?.kind ?? 'none',
        therapy: main?.therapyId ?? '',
        topics: (main?.topics ?? []).join(','),
        ratings: (main?.ratings ?? []).join(','),
        unknownTherapy: main?.unknownTherapy ?? '',
        unlistedConditions: (main?.unlistedConditions ?? []).join(','),
      },
      metrics: { latencyMs: turn.latencyMs },
    });
  }

  feedbackGiven(event: FeedbackEvent): void {
    this.client.trackEvent({
      name: FEEDBACK_EVENT,
      properties: {
        rating: event.helpful ? 'helpful' : 'not-helpful',
        replaces: event.replaces ?? '',
        outcome: event.outcome ?? 'unknown',
        therapy: event.therapyId ?? '',
        topics: event.topics.join(','),
        channel: event.channelId ?? 'unknown',
      },
    });
  }
}
