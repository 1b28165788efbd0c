// What a ticket webhook receives when a person asks for a person (docs/handoff.md; the JSON Schema is
// docs/handoff-webhook.schema.json). Plain data: no botbuilder types, so any receiver can read it.

export const HANDOFF_PAYLOAD_VERSION = 1;

export interface HandoffPayload {
  version: typeof HANDOFF_PAYLOAD_VERSION;
  /** Unique per request and the same on every retry: a receiver that sees it twice creates one ticket. */
  handoffId: string;
  /** ISO time of the request. */
  createdAt: string;
  /** The person asked, or the bot did not understand them several times in a row. */
  reason: 'requested' | 'repeated-failure';
  channel: string;
  /** The language the channel reported for the person (BCP 47), when it did. */
  locale?: string;
  /** The language the conversation is in (en, es or fr): the person's, to answer them in. */
  language?: string;
  /** Enough to reach the conversation again through the Bot Connector (a proactive message). */
  conversation: {
    channelId: string;
    serviceUrl: string;
    conversationId: string;
    userId?: string;
    botId?: string;
    tenantId?: string;
  };
  /** The conversation so far, oldest first: what the person wrote and what the bot said. */
  transcript: { from: 'user' | 'bot'; text: string; timestamp: string }[];
  /** The bot's most recent answers (newest last), by what they were about and how they ended. */
  answers: { outcome: string; therapyId?: string; topics: string[] }[];
}

/** What the receiver said: accepted (with its own ticket reference, when it gave one) or not. */
export type SubmitResult = { accepted: true; reference?: string } | { accepted: false; reason: string };

/** Where requests for a person go. */
export interface HandoffReceiver {
  submit(payload: HandoffPayload): Promise<SubmitResult>;
}
