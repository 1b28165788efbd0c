// What the bot says, before it is rendered for a channel: plain data, no botbuilder types.
import type { EvidenceRating } from '../knowledge/schema';

/** One sentence of an answer and the monograph field it comes from ("overview[0]"), for traceability. */
export interface Fact {
  text: string;
  field: string;
}

export type AnswerKind = 'overview' | 'greeting' | 'help' | 'not-understood';

export interface Answer {
  kind: AnswerKind;
  /** Monograph the facts come from, when there is one. */
  therapyId?: string;
  headline: string;
  facts: Fact[];
  rating?: EvidenceRating;
  warnings: Fact[];
  /** Questions offered as next steps (suggested actions). */
  followUps: string[];
  /** "Title, publisher (year)" of the monograph's sources, when facts come from one. */
  source?: string;
}
