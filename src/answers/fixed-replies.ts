// The answers made of reply templates rather than monograph facts: greetings and help, clarifications
// ("which therapy?", "did you mean …?"), a therapy without a monograph, questions about the bot, the
// emergency reply, handoff and feedback acknowledgements; and the notes added to another answer (the
// medical-advice boundary, a red flag's safety note). Every sentence names its template in data/replies.json.
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { escapeMarkdown } from '../text/markdown';
import type {
  AboutBotQuestion,
  FeedbackRating,
  ResolvedQuestion,
  SocialIntent,
  TherapyMatch,
  UnknownTherapy,
} from '../understanding/types';
import type { Replies } from '../knowledge/schema';
import type { Answer, AnswerKind, Fact, FeedbackRecorded, HandoffState, Outcome, SupportDesk, Warning } from './types';
import { describeSources, fill, inSentence, listInWords, monographOf, sentenceStart, therapyList, unknownTherapyName } from './wording';
import { emergencyNumberValues } from './emergency-numbers';

/** Why a conversation is handed to a person. */
export type HandoffReason = 'requested' | 'repeated-failure';

/** Nothing configured: a request for a person gets honest directions and no promise. */
export const NO_SUPPORT_DESK: SupportDesk = { receiver: 'none', contact: {} };

export class FixedReplies {
  constructor(
    private readonly knowledge: KnowledgeBase,
    private readonly support: SupportDesk = NO_SUPPORT_DESK,
  ) {}

  /** An answer to a social message (greeting, help, thanks, goodbye); the welcome and help say how to reach a person. */
  social(intent: SocialIntent): Answer {
    const values = { therapies: this.therapyList(), support: intent === 'greeting' || intent === 'help' ? this.supportOffer() : '' };
    const answer = this.template(intent, 'social', fill(this.replies[intent], values).trim(), intent);
    if (intent === 'goodbye') answer.followUps = [];
    return answer;
  }

  /**
   * The reply to feedback on an answer: thanks; after "not helpful", an invitation to ask in other words
   * and a button to reach a person; a rating the answer already had is only acknowledged.
   */
  feedbackReply(rating: FeedbackRating, recorded: FeedbackRecorded): Answer {
    const template = recorded === 'unchanged' ? 'feedbackAlready' : rating === 'not-helpful' ? 'feedbackNotHelpful' : 'feedbackThanks';
    const answer = this.template('feedback', 'social', this.replies[template], template);
    answer.followUps = template === 'feedbackNotHelpful' ? [this.replies.buttons.talkToPerson] : [];
    return answer;
  }

  /** A message in a language the bot does not handle: which languages it reads, and where to get advice. */
  unsupportedLanguage(): Answer {
    return this.template(
      'unsupported-language',
      'unsupported-language',
      this.fillTherapies(this.replies.unsupportedLanguage),
      'unsupportedLanguage',
    );
  }

  /** The reply to "start over". */
  startOver(): Answer {
    return this.template('start-over', 'social', this.fillTherapies(this.replies.startOver), 'startOver');
  }

  /** What a person is told when they ask for one (or the bot gives up understanding): never a promise the
   * bot cannot keep. A ticket is announced only once the receiver accepted it. */
  handoff(reason: HandoffReason, state: HandoffState): Answer {
    const facts: Fact[] = [];
    if (reason === 'repeated-failure') facts.push(this.handoffFact('afterFailures'));
    facts.push(...this.handoffFacts(state));
    return { ...this.handoffAnswer('handoff', 'handoff', facts), handoffOutcome: state.outcome };
  }

  /** While a request for a person stands: when it was made, where it stands, and that the bot still answers. */
  handoffStatus(state: HandoffState): Answer {
    const time = state.since.slice(11, 16);
    if (state.outcome === 'agent-requested' || state.outcome === 'agent-joined') {
      return this.handoffAnswer('handoff-status', 'social', [this.handoffFact('agentWaiting', { time })]);
    }
    return this.handoffAnswer('handoff-status', 'social', [
      this.handoffFact('statusSince', { time }),
      ...this.handoffFacts(state),
      this.handoffFact('statusMeanwhile', { therapies: this.therapyList() }),
    ]);
  }

  /** "Cancel" while a request for a person stands: back to the bot, truthfully about a ticket already sent. */
  handoffClosed(state: HandoffState): Answer {
    const fact =
      state.outcome === 'ticket-created'
        ? this.handoffFact('closedTicket', { reference: escapeMarkdown(state.reference ?? '') })
        : this.handoffFact('closed', { therapies: this.therapyList() });
    return { ...this.handoffAnswer('start-over', 'social', [fact]), followUps: [...this.replies.examples] };
  }

  /** The welcome in a group chat or a channel: what the bot covers and how to ask it, in one short paragraph. */
  groupWelcome(): Answer {
    const answer = this.template('greeting', 'social', this.fillTherapies(this.replies.greetingGroup), 'greetingGroup');
    answer.followUps = [];
    return answer;
  }

  /** Reminds the person of the open clarifying question after an interruption. */
  stillWaiting(): Answer {
    return this.template('clarify-therapy', 'clarification', this.replies.stillWaiting, 'stillWaiting');
  }

  /** "Which therapy do you mean?", with the monographs as choices. */
  clarifyTherapy(): Answer {
    const answer = this.template('clarify-therapy', 'clarification', this.fillTherapies(this.replies.clarifyTherapy), 'clarifyTherapy');
    answer.followUps = this.knowledge.monographs.slice(0, 3).map((m) => m.name);
    return answer;
  }

  /** The emergency reply, leading with the action, with the numbers of the person's region (if known). */
  emergency(kind: string, region?: string): Answer {
    const e = this.replies.emergency;
    const text = sentenceStart(fill(e.replies[kind] ?? '', this.numbersFor(region)));
    return {
      kind: 'emergency',
      outcome: 'emergency',
      topics: [],
      headline: '',
      lead: { text, field: `replies.emergency.replies.${kind}` },
      sections: [{ facts: [{ text: e.tail, field: 'replies.emergency.tail' }] }],
      warnings: [],
      followUps: [],
    };
  }

  unknownTherapy(unknown: UnknownTherapy[]): Answer {
    const name = listInWords(
      unknown.map((u) => escapeMarkdown(unknownTherapyName(this.knowledge, u))),
      this.and,
    );
    const answer = this.template(
      'unknown-therapy',
      'no-information',
      fill(this.replies.unknownTherapy, { name, therapies: this.therapyList() }),
      'unknownTherapy',
    );
    answer.unknownTherapy = unknown[0].name;
    answer.unknownTherapyListed = this.directoryNames().has(unknown[0].name);
    return answer;
  }

  aboutBot(question: AboutBotQuestion): Answer {
    const ms = this.knowledge.monographs;
    const values = {
      sources: ms.map((m) => `${m.name}: ${describeSources(m, this.replies.words.via)}`).join('; '),
      reviews: ms.map((m) => `${m.name}, ${m.reviewed}`).join('; '),
      therapies: this.therapyList(),
    };
    return this.template('about-bot', 'answered', fill(this.replies.aboutBot[question], values), `aboutBot.${question}`);
  }

  /** "Did you mean A?" with yes and no, or "did you mean A or B?" with a button for each. */
  didYouMean(candidates: TherapyMatch[]): Answer {
    const ms = candidates.map((c) => this.monographOf(c.id));
    const therapy = listInWords(
      ms.map((m) => inSentence(m.name)),
      this.replies.words.or,
    );
    const answer = this.template('did-you-mean', 'clarification', fill(this.replies.didYouMean, { therapy }), 'didYouMean');
    if (ms.length === 1) {
      answer.therapyId = ms[0].id;
      answer.followUps = [this.replies.buttons.yes, this.replies.buttons.no];
    } else {
      answer.followUps = ms.map((m) => m.name);
    }
    return answer;
  }

  whichOne(tied: TherapyMatch[]): Answer {
    const names = tied.map((t) => this.monographOf(t.id).name);
    const answer = this.template(
      'clarify-therapy',
      'clarification',
      fill(this.replies.whichOne, { options: listInWords(names, this.and) }),
      'whichOne',
    );
    answer.followUps = names.slice(0, 3);
    return answer;
  }

  /** A red flag mentioned but not current (a past attempt) keeps the normal answer and adds its one-line note first. */
  withSafetyNote(answer: Answer, kind: string, region?: string): Answer {
    const template = this.replies.emergency.notes[kind];
    if (!template) return answer;
    const note = sentenceStart(fill(template, this.numbersFor(region)));
    const warning: Warning = { title: this.replies.safetyNoteTitle, facts: [{ text: note, field: `replies.emergency.notes.${kind}` }] };
    return { ...answer, warnings: [warning, ...answer.warnings] };
  }

  /** A question about changing a treatment is told, whatever else is answered, to ask whoever prescribed it. */
  withAdviceBoundary(answer: Answer, q: ResolvedQuestion): Answer {
    if (q.topics.includes('medical-advice'))
      answer.lead = { text: this.replies.answer.medicalAdviceGeneral, field: 'replies.answer.medicalAdviceGeneral' };
    return answer;
  }

  /** "I'm not sure I understood" for a message of no words at all. */
  notUnderstood(): Answer {
    return this.template('not-understood', 'social', this.fillTherapies(this.replies.notUnderstood), 'notUnderstood');
  }

  /** A plain yes or no with nothing waiting for it. */
  acknowledged(): Answer {
    return this.template('acknowledged', 'social', this.fillTherapies(this.replies.acknowledged), 'acknowledged');
  }

  /** Not a question about natural therapies: what the bot covers. */
  outOfScope(): Answer {
    return this.template('out-of-scope', 'out-of-scope', this.fillTherapies(this.replies.outOfScope), 'outOfScope');
  }

  private numbersFor(region: string | undefined): Record<string, string> {
    return emergencyNumberValues(this.replies, this.knowledge.regionNumbers(region), this.knowledge.language);
  }

  private handoffFacts(state: HandoffState): Fact[] {
    const contact = this.contactSentence();
    switch (state.outcome) {
      case 'ticket-created':
        return [
          this.handoffFact('ticketCreated', {
            reference: escapeMarkdown(state.reference ?? ''),
            nextSteps: this.support.nextSteps ?? this.replies.handoff.nextSteps,
          }),
        ];
      case 'ticket-failed':
      case 'agent-failed': {
        const fallback = contact ? this.handoffFact('contactOffered', { contact }) : this.handoffFact('tryAgain');
        return [this.handoffFact(state.outcome === 'ticket-failed' ? 'ticketFailed' : 'agentFailed'), fallback];
      }
      case 'contact-offered':
      case 'agent-ended':
        return [contact ? this.handoffFact('contactOffered', { contact }) : this.handoffFact('noContact')];
      case 'agent-requested':
      case 'agent-joined':
        return [this.handoffFact('agentRequested')];
    }
  }

  private handoffFact(template: keyof Replies['handoff'], values: Record<string, string> = {}): Fact {
    return { text: fill(this.replies.handoff[template], values), field: `replies.handoff.${template}` };
  }

  private handoffAnswer(kind: AnswerKind, outcome: Outcome, facts: Fact[]): Answer {
    return { kind, outcome, topics: [], headline: '', sections: [{ facts }], warnings: [], followUps: [] };
  }

  /** "Call 0800 123 456, email help@example.org or visit https://example.org/help (weekdays 9 to 5)", with
   * the organisation's own sentence first; empty when the settings give no way to reach anyone. */
  private contactSentence(): string {
    return (this.contact ??= this.describeContact());
  }

  /** Made once: it depends only on the settings and the templates. */
  private contact?: string;
  private describeContact(): string {
    const { text, phone, email, url, hours } = this.support.contact;
    const h = this.replies.handoff;
    const ways = [
      phone && fill(h.contactPhone, { phone }),
      email && fill(h.contactEmail, { email }),
      url && fill(h.contactUrl, { url }),
    ].filter((way): way is string => Boolean(way));
    const reach = ways.length > 0 ? listInWords(ways, this.replies.words.or) : '';
    const withHours = reach && hours ? `${reach} ${fill(h.contactHours, { hours })}` : reach;
    return [text, withHours && `${sentenceStart(withHours)}.`].filter(Boolean).join(' ');
  }

  /** The sentence the welcome and help add about reaching a person; empty when nothing is configured. */
  private supportOffer(): string {
    if (this.support.receiver !== 'none') return this.replies.handoff.offerTicket;
    return this.contactSentence() ? this.replies.handoff.offerContact : '';
  }

  /** An answer made of one reply template; `template` is its path in data/replies.json. */
  private template(kind: AnswerKind, outcome: Outcome, text: string, template: string): Answer {
    return {
      kind,
      outcome,
      topics: [],
      headline: '',
      sections: [{ facts: [{ text, field: `replies.${template}` }] }],
      warnings: [],
      followUps: [...this.replies.examples],
    };
  }

  private directory?: Set<string>;
  /** The names of the directory of therapies without a monograph, as understanding reports them. */
  private directoryNames(): Set<string> {
    return (this.directory ??= new Set(this.knowledge.otherTherapies.therapies.map((t) => t.name)));
  }

  private get replies() {
    return this.knowledge.replies;
  }

  private get and(): string {
    return this.replies.words.and;
  }

  private therapyList(): string {
    return therapyList(this.knowledge);
  }

  private fillTherapies(template: string): string {
    return fill(template, { therapies: this.therapyList() });
  }

  private monographOf(id: string) {
    return monographOf(this.knowledge, id);
  }
}
