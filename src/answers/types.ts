// What the bot says, before it is rendered for a channel: plain data, no botbuilder types.
import type { EvidenceRating, SafetyRating } from '../knowledge/schema';

/** One sentence of an answer and where it comes from: a monograph field ("uses[3].rating") or a reply template. */
export interface Fact {
  text: string;
  field: string;
}

/** An evidence or safety rating shown as a labelled badge with its plain-English meaning. */
export type RatingBadge = ({ scale: 'evidence'; level: EvidenceRating } | { scale: 'safety'; level: SafetyRating }) & {
  label: string;
  meaning: string;
  /** What is rated: "migraine", "every use listed", "craniosacral therapy". */
  subject: string;
  /** "Evidence for migraine", "Safety of craniosacral therapy". */
  caption: string;
  /** "Evidence" or "Safety": the caption under a section whose title already names the subject. */
  scaleName: string;
  /** The monograph field holding the rating. */
  field: string;
};

export interface Section {
  title?: string;
  rating?: RatingBadge;
  facts: Fact[];
  /** The monograph does not hold what was asked here (a condition it does not rate, dosing): the answer says so. */
  missing?: boolean;
}

export interface Warning {
  title: string;
  facts: Fact[];
}

/** How a turn ended, for support-desk reporting. */
/** What a rating did: rated an answer for the first time, changed its rating, or repeated it (not counted). */
export type FeedbackRecorded = 'new' | 'changed' | 'unchanged';

export type Outcome =
  'answered' | 'no-information' | 'clarification' | 'out-of-scope' | 'unsupported-language' | 'emergency' | 'social' | 'handoff';

export type AnswerKind =
  | 'monograph'
  | 'condition-first'
  | 'emergency'
  | 'unknown-therapy'
  | 'clarify-therapy'
  | 'did-you-mean'
  | 'about-bot'
  | 'out-of-scope'
  | 'unsupported-language'
  | 'not-understood'
  | 'greeting'
  | 'help'
  | 'thanks'
  | 'goodbye'
  | 'acknowledged'
  | 'start-over'
  | 'feedback'
  | 'handoff'
  | 'handoff-status';

/** How a request for a person went: contact details offered, a ticket created by the webhook, or not. */
export type HandoffOutcome =
  | 'contact-offered'
  | 'ticket-created'
  | 'ticket-failed'
  /** The agent hub has the request: the person's messages go to its thread until an agent ends it. */
  | 'agent-requested'
  | 'agent-joined'
  | 'agent-ended'
  | 'agent-failed';

/** A request for a person that stands in a conversation. */
export interface HandoffState {
  outcome: HandoffOutcome;
  /** The receiver's reference for the ticket (or the handoff id), shown to the person. */
  reference?: string;
  /** ISO time of the request. */
  since: string;
  /** The agent hub's thread for this request (a Teams channel conversation). */
  hub?: { conversationId: string; serviceUrl: string };
}

/** What the organisation offers people who ask for a person, from the settings. */
export interface SupportDesk {
  /** 'agents' with an agent hub in Teams, 'ticket' when a webhook takes requests, 'none' when the bot can only
   * give contact details. */
  receiver: 'agents' | 'ticket' | 'none';
  contact: { text?: string; phone?: string; email?: string; url?: string; hours?: string };
  /** What happens next once a ticket is accepted; the reply template's default otherwise. */
  nextSteps?: string;
}

export interface Answer {
  kind: AnswerKind;
  outcome: Outcome;
  /** Monograph the facts come from, when there is one. */
  therapyId?: string;
  /** The therapy without a monograph that an unknown-therapy answer is about. */
  unknownTherapy?: string;
  /** Whether that name is the directory's (data/other-therapies.json) rather than words the person typed:
   * only a directory name may be counted by name in logs and metrics. */
  unknownTherapyListed?: boolean;
  /** Lexicon ids of conditions asked about that the monograph does not rate. */
  unlistedConditions?: string[];
  /** Topics answered, for logs and metrics. */
  topics: string[];
  headline: string;
  /** What must be read first: the emergency action, a correction, the medical-advice boundary. */
  lead?: Fact;
  sections: Section[];
  warnings: Warning[];
  /** Short follow-up questions offered as buttons. */
  followUps: string[];
  /** How a request for a person went, on the answer to one. */
  handoffOutcome?: HandoffOutcome;
  /** Labels of the buttons that rate the answer, on answers a person can rate. */
  feedbackButtons?: { helpful: string; notHelpful: string };
  /** "Title, publisher (year). Reviewed date." when facts come from monographs. */
  source?: string;
  /** The same sources one by one, for channels that cite them beside the text (Teams' citations). */
  citations?: Citation[];
}

/** One source of an answer's facts: the document's title and a line naming its publisher, year and review. */
export interface Citation {
  name: string;
  abstract: string;
}
