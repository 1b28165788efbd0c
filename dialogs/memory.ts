// What a conversation remembers between turns, kept by a ConversationStore. The dialogs'
// own state (a pending clarification) lives here too, so a turn reads and writes one small object.
// Message text is kept only in the transcript, which goes to a person on handoff and nowhere else.
import {
  ANSWER_THRESHOLD,
  type Answer,
  type ConversationContext,
  type FeedbackRating,
  type FeedbackRecorded,
  type HandoffState,
  type Language,
  type ResolvedQuestion,
} from '../src/question-answering';

/** Lines of transcript kept for a handoff. */
export const MAX_TRANSCRIPT_LINES = 30;
/** Longest line kept in the transcript: state stays small even when someone pastes a book. */
export const MAX_TRANSCRIPT_LINE_CHARS = 2000;
/** Answers remembered so that feedback buttons on recent answers still find what they rated. */
export const MAX_ANSWERS_REMEMBERED = 5;

export interface TranscriptLine {
  from: 'user' | 'bot';
  text: string;
  timestamp: string;
}

/**
 * A transcript line as kept in state: "<ISO timestamp> <user|bot> <text>". Every turn copies its
 * state in and out of storage, and a string costs almost nothing to copy or to keep, where an object a
 * line made the transcript most of that work. Lines saved as objects by earlier versions still read.
 */
export type StoredTranscriptLine = string | TranscriptLine;

/** The last answer given, so feedback can be tied to it. */
export interface AnswerRecord {
  id: string;
  therapyId?: string;
  topics: string[];
  outcome: string;
  /** The channel's id of the message that carried the answer (Teams names it when the answer is rated). */
  messageId?: string;
}

/** An answer record as kept in state: "<id> <outcome> <therapy id or -> <topics, comma-separated>
 * [<message id>]", a string for the same reason as transcript lines. Records saved as objects by earlier
 * versions still read. */
export type StoredAnswerRecord = string | AnswerRecord;

/** A question waiting for the person to say which therapy they meant. */
export interface PendingClarification {
  /** The question's text, answered once the therapy is known. */
  text: string;
  /** The therapy offered by "did you mean …?", waiting for yes or no. */
  suggested?: string;
  /** "Did you mean A or B?" was asked: waiting for one of them (a no asks which therapy instead). */
  choosing?: boolean;
}

/** In an agent hub's thread: whose request it is (enough of their conversation's reference to reach it). */
export interface HubRelay {
  person: {
    channelId: string;
    serviceUrl: string;
    conversation: { id: string; tenantId?: string };
    user?: { id: string; name: string };
    bot?: { id: string; name: string };
  };
  /** False once an agent ended it or the person left. */
  open: boolean;
}

export interface ConversationMemory {
  /** The conversation's language: the locale's at first, then the person's when they clearly write in another. */
  language?: Language;
  /** Where the person is (ISO 3166-1 alpha-2), from the last locale that said so: the emergency numbers to give. */
  region?: string;
  /** The therapy the conversation is about: one with a monograph, or one without. */
  therapyId?: string;
  unknownTherapy?: string;
  conditionId?: string;
  /** Consecutive turns the bot did not understand; a handoff follows at the configured number. */
  failures: number;
  transcript: StoredTranscriptLine[];
  welcomed?: boolean;
  /** The most recent answers, newest last. */
  answers: StoredAnswerRecord[];
  /** The ratings given to those answers, "<answer id> <rater> <rating>", one per answer and person. */
  ratings?: string[];
  /** This conversation is an agent hub's thread for someone's request (Teams). */
  relay?: HubRelay;
  /** A request for a person that stands: greetings and messages the bot cannot answer get its status. */
  handoff?: HandoffState;
  /** Set while a clarifying question waits for its answer. */
  pending?: PendingClarification;
  /** The last question answered about a therapy, asked again when the person corrects the therapy
   * ("no, I meant craniosacral"). Capped like a transcript line. */
  lastQuestion?: string;
}

export function emptyMemory(): ConversationMemory {
  return { failures: 0, transcript: [], answers: [] };
}

export function rememberAnswer(memory: ConversationMemory, record: AnswerRecord): void {
  // A message id with a space (none that channels issue) would break the record's fields: it is left out.
  const messageId = record.messageId && !/\s/.test(record.messageId) ? ` ${record.messageId}` : '';
  memory.answers.push(`${record.id} ${record.outcome} ${record.therapyId ?? '-'} ${record.topics.join(',')}${messageId}`);
  if (memory.answers.length > MAX_ANSWERS_REMEMBERED) memory.answers.shift();
}

/** Ratings kept: one per remembered answer for a few people (group chats share a conversation). */
export const MAX_RATINGS_REMEMBERED = 4 * MAX_ANSWERS_REMEMBERED;

/**
 * Records `rater`'s rating of an answer, the latest replacing an earlier one. Returns the rating it replaced,
 * undefined for a first rating; a rating equal to the one given before is 'unchanged'.
 */
export function rateAnswer(
  memory: ConversationMemory,
  answerId: string,
  rater: string,
  rating: FeedbackRating,
): { recorded: FeedbackRecorded; replaces?: FeedbackRating } {
  const prefix = `${answerId} ${rater} `;
  const ratings = (memory.ratings ??= []);
  const index = ratings.findIndex((entry) => entry.startsWith(prefix));
  const previous = index >= 0 ? (ratings[index].slice(prefix.length) as FeedbackRating) : undefined;
  if (previous === rating) return { recorded: 'unchanged' };
  if (index >= 0) ratings.splice(index, 1);
  ratings.push(`${prefix}${rating}`);
  if (ratings.length > MAX_RATINGS_REMEMBERED) ratings.shift();
  return previous ? { recorded: 'changed', replaces: previous } : { recorded: 'new' };
}

export function contextOf(memory: ConversationMemory): ConversationContext {
  return {
    therapyId: memory.therapyId,
    unknownTherapy: memory.unknownTherapy,
    conditionId: memory.conditionId,
    language: memory.language,
    region: memory.region,
  };
}

/** Forgets what the conversation was about (start over), keeping the transcript for a later handoff. */
export function clearContext(memory: ConversationMemory): void {
  delete memory.therapyId;
  delete memory.unknownTherapy;
  delete memory.conditionId;
  delete memory.lastQuestion;
  delete memory.handoff;
  memory.failures = 0;
}

/** Longest question kept to be asked again after a correction. */
export const MAX_QUESTION_CHARS = 500;

/** A question's text as kept in state: capped (every storage keeps state as JSON text, a copy of its own). */
export function keptQuestion(text: string): string {
  return text.slice(0, MAX_QUESTION_CHARS);
}

export function remember(memory: ConversationMemory, from: TranscriptLine['from'], text: string): void {
  const kept = text.length > MAX_TRANSCRIPT_LINE_CHARS ? `${text.slice(0, MAX_TRANSCRIPT_LINE_CHARS)}…` : text;
  memory.transcript.push(`${timestamp()} ${from} ${kept}`);
  if (memory.transcript.length > MAX_TRANSCRIPT_LINES) memory.transcript.splice(0, memory.transcript.length - MAX_TRANSCRIPT_LINES);
}

let stampedAt = -1;
let stamp = '';
/** The time now as an ISO string, made once a millisecond: every turn stamps two lines or more. */
function timestamp(): string {
  const now = Date.now();
  if (now !== stampedAt) {
    stampedAt = now;
    stamp = new Date(now).toISOString();
  }
  return stamp;
}

/** Moves the conversation's subject to what this answer was about. */
export function updateContext(memory: ConversationMemory, answer: Answer, conditionIds: string[]): void {
  if (answer.kind === 'monograph' && answer.therapyId) {
    memory.therapyId = answer.therapyId;
    delete memory.unknownTherapy;
  } else if (answer.kind === 'unknown-therapy' && answer.unknownTherapy) {
    memory.unknownTherapy = answer.unknownTherapy;
    delete memory.therapyId;
  }
  if (conditionIds.length > 0) memory.conditionId = conditionIds[conditionIds.length - 1];
}

/**
 * What a host page says the conversation is about (the embed's starting context, such as its help article's
 * topic): a therapy and a condition understanding is sure of become the conversation's context, so "is it safe
 * in pregnancy?" as the first question is about that therapy. Anything less certain is left out.
 */
export function rememberStartingContext(
  memory: ConversationMemory,
  question: ResolvedQuestion,
  isCondition: (id: string) => boolean,
): void {
  const therapy = question.therapies[0];
  if (therapy && therapy.score >= ANSWER_THRESHOLD && question.therapies.filter((t) => t.score === therapy.score).length === 1)
    memory.therapyId = therapy.id;
  const condition = question.conditions.find((c) => isCondition(c.id));
  if (condition) memory.conditionId = condition.id;
}

/** A recent answer by its id, or the latest when no id is given. */
export function findAnswer(memory: ConversationMemory, id?: string): AnswerRecord | undefined {
  const records = recentAnswers(memory);
  return id ? records.find((record) => record.id === id) : records[records.length - 1];
}

/** The remembered answer that the channel's message `messageId` carried, if it is still remembered. */
export function findAnswerByMessage(memory: ConversationMemory, messageId: string): AnswerRecord | undefined {
  return recentAnswers(memory).find((record) => record.messageId === messageId);
}

/** The answers remembered, oldest first. */
export function recentAnswers(memory: ConversationMemory): AnswerRecord[] {
  return memory.answers.map((record) => (typeof record === 'string' ? parseAnswer(record) : record));
}

function parseAnswer(record: string): AnswerRecord {
  const [id = '', outcome = '', therapyId = '-', topics = '', messageId] = record.split(' ');
  return {
    id,
    outcome,
    therapyId: therapyId === '-' ? undefined : therapyId,
    topics: topics === '' ? [] : topics.split(','),
    ...(messageId ? { messageId } : {}),
  };
}

/** The transcript's lines, oldest first. */
export function transcriptOf(memory: ConversationMemory): TranscriptLine[] {
  return memory.transcript.map((line) => (typeof line === 'string' ? parseLine(line) : line));
}

function parseLine(line: string): TranscriptLine {
  const afterTimestamp = line.indexOf(' ');
  const afterFrom = line.indexOf(' ', afterTimestamp + 1);
  return {
    timestamp: line.slice(0, afterTimestamp),
    from: line.slice(afterTimestamp + 1, afterFrom) === 'bot' ? 'bot' : 'user',
    text: line.slice(afterFrom + 1),
  };
}
