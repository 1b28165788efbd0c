// Feedback on answers (helpful / not helpful), recorded against what the answer was about:
// its therapy, topics and outcome. Never the person's words.

export interface FeedbackEvent {
  helpful: boolean;
  answerId?: string;
  therapyId?: string;
  topics: readonly string[];
  outcome?: string;
  channelId?: string;
  /** conversationKey() of the conversation, so reports can tie feedback to it. */
  conversation?: string;
}

/** Where the bot reports feedback (the turn log, metrics and telemetry listen). */
export interface FeedbackListener {
  feedbackGiven(event: FeedbackEvent): void;
}
