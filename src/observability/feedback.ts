// Feedback on answers (helpful / not helpful), recorded against what the answer was about:
// its therapy, topics and outcome. Never the person's words. One rating counts per answer and person: a
// changed rating is a new event that names the one it replaces.
import type { FeedbackRating } from '../understanding/types';

export interface FeedbackEvent {
  helpful: boolean;
  /** The rating this one replaces, when the person changed their mind (counted as withdrawn). */
  replaces?: FeedbackRating;
  answerId?: string;
  therapyId?: string;
  topics: readonly string[];
  outcome?: string;
  /** Teams' feedback form: whether the person wrote a comment (never what it said). */
  commented?: boolean;
  channelId?: string;
  /** conversationKey() of the conversation, so reports can tie feedback to it. */
  conversation?: string;
}

/** Where the bot reports feedback (the turn log, metrics and telemetry listen). */
export interface FeedbackListener {
  feedbackGiven(event: FeedbackEvent): void;
}
