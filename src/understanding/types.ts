// What understanding produces from one message: plain data, no botbuilder types.
import type { AboutBotQuestion, Topic } from '../knowledge/schema';

export type { AboutBotQuestion, Topic };

/** A run of words in the normalised message: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** Messages that are not questions about a therapy. */
export type SocialIntent = 'greeting' | 'help' | 'thanks' | 'goodbye';
/** What a person says of an answer: it helped, or it did not. */
export type FeedbackRating = 'helpful' | 'not-helpful';

/** Requests that steer the conversation rather than ask a question. */
export type Command = 'start-over' | 'handoff';

export interface TherapyMatch {
  /** Monograph id. */
  id: string;
  /** The words of the message that named it, normalised. */
  matched: string;
  /** 1 for an exact name; lower for a typo or a partial name. */
  score: number;
  /** The words were a misspelling of this therapy's name (answered, or one of the candidates of "did you mean …?"). */
  misspelt?: boolean;
}

/** A therapy the person asked about that has no monograph. */
export interface UnknownTherapy {
  /** Display name: the directory's name, or the words the person used (normalised). */
  name: string;
  matched: string;
}

export interface ConditionMatch {
  /** Lexicon id. */
  id: string;
  matched: string;
  score: number;
}

export interface ResolvedQuestion {
  /** Set when a red flag was found: answered before anything else. */
  emergency?: { kind: string };
  /** The message is clearly in a language the bot does not handle (ISO 639-1, or "other"): said so, not answered. */
  otherLanguage?: string;
  /** A red flag mentioned but not current (a past attempt): the answer carries that emergency's note. */
  safetyNote?: string;
  social?: SocialIntent;
  command?: Command;
  /** The whole message is a yes or a no (an answer to "did you mean …?"). */
  yesNo?: 'yes' | 'no';
  /** The whole message rates the last answer. */
  feedback?: FeedbackRating;
  aboutBot?: AboutBotQuestion;
  /** Covered therapies named, best first. */
  therapies: TherapyMatch[];
  unknownTherapies: UnknownTherapy[];
  /** Conditions and populations (pregnancy, ...) named, in the order they appear. */
  conditions: ConditionMatch[];
  topics: Topic[];
  /** The message asserts that a therapy works or is safe ("it's proven, right?", "it has zero side effects"). */
  assertsEfficacy: boolean;
  /** The population named is not the asker's own now (their partner is pregnant; they stopped breast-feeding). */
  populationNotSelf: boolean;
  /** Asks what helps a condition without naming a therapy. */
  conditionFirst: boolean;
  /** Refers to a therapy without naming it ("is it safe?"). */
  refersToTherapy: boolean;
  /** Corrects the therapy of the last question ("no, I meant craniosacral"). */
  correctsTherapy: boolean;
  /** Repairs the conversation without asking anything ("sorry, forgot to say"). */
  repair: boolean;
  /** Monographs the message describes without naming them ("the skull one"): only a reply to "which therapy?" uses them. */
  describedTherapies: string[];
  /** Number of words analysed. */
  wordCount: number;
  /** 0..1: how sure understanding is of the therapy it resolved (1 when none was needed). */
  confidence: number;
}
