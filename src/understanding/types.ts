// What understanding produces from one message: plain data, no botbuilder types.

export type Intent = 'greeting' | 'help' | 'question';

export type Topic = 'overview';

export interface TherapyMatch {
  /** Monograph id. */
  id: string;
  /** The words of the message that named it, normalised. */
  matched: string;
  /** 1 for an exact name, lower for fuzzier matches. */
  score: number;
}

export interface ResolvedQuestion {
  intent: Intent;
  therapy?: TherapyMatch;
  topic: Topic;
  /** 0..1: how sure understanding is of the whole resolution. */
  confidence: number;
}
