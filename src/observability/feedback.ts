// Feedback on answers (helpful / not helpful), recorded against what the answer was about:
// its therapy, topics and outcome. Never the person's words.
import type { Logger } from './logger';

export interface FeedbackEvent {
  helpful: boolean;
  answerId?: string;
  therapyId?: string;
  topics: string[];
  outcome?: string;
  channelId?: string;
  /** conversationKey() of the conversation, so reports can tie feedback to it. */
  conversation?: string;
}

export interface FeedbackRecorder {
  record(event: FeedbackEvent): void;
}

/** Writes feedback to the structured log, where reports and metrics pick it up. */
export class LogFeedbackRecorder implements FeedbackRecorder {
  constructor(private readonly logger: Logger) {}

  record(event: FeedbackEvent): void {
    this.logger.info({ event: 'feedback', ...event }, 'feedback');
  }
}
