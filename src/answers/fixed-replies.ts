// The answers made of reply templates rather than monograph facts: greetings and help, clarifications
// ("which therapy?", "did you mean …?"), a therapy without a monograph, questions about the bot, the
// emergency reply, handoff and feedback acknowledgements; and the notes added to another answer (the
// medical-advice boundary, a red flag's safety note). Every sentence names its template in data/replies.json.
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { escapeMarkdown } from '../text/markdown';
import type { AboutBotQuestion, ResolvedQuestion, SocialIntent, TherapyMatch, UnknownTherapy } from '../understanding/types';
import type { Answer, AnswerKind, Outcome, Warning } from './types';
import { describeSources, fill, inSentence, listInWords, monographOf, therapyList } from './wording';

/** Why a conversation is handed to a person. */
export type HandoffReason = 'requested' | 'repeated-failure';

export class FixedReplies {
  constructor(private readonly knowledge: KnowledgeBase) {}

  /** An answer to a social message (greeting, help, thanks, goodbye). */
  social(intent: SocialIntent): Answer {
    const answer = this.template(intent, 'social', this.fillTherapies(this.replies[intent]), intent);
    if (intent === 'goodbye') answer.followUps = [];
    return answer;
  }

  /** The acknowledgement of feedback on an answer. */
  feedbackThanks(): Answer {
    const answer = this.template('feedback', 'social', this.replies.feedbackThanks, 'feedbackThanks');
    answer.followUps = [];
    return answer;
  }

  /** The reply to "start over". */
  startOver(): Answer {
    return this.template('start-over', 'social', this.fillTherapies(this.replies.startOver), 'startOver');
  }

  /** The message sent with a handoff to the support desk. */
  handoff(reason: HandoffReason): Answer {
    const template = reason === 'requested' ? 'handoff' : 'handoffAfterFailures';
    const answer = this.template('handoff', 'handoff', this.replies[template], template);
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

  emergency(kind: string): Answer {
    const flag = this.knowledge.redFlags.emergencies.find((f) => f.kind === kind);
    const e = this.replies.emergency;
    return {
      kind: 'emergency',
      outcome: 'emergency',
      topics: [],
      headline: '',
      lead: { text: `${e.lead} ${flag?.reply ?? ''}`.trim(), field: `red-flags.${kind}` },
      sections: [{ facts: [{ text: e.tail, field: 'replies.emergency.tail' }] }],
      warnings: [],
      followUps: [],
    };
  }

  unknownTherapy(unknown: UnknownTherapy[]): Answer {
    const name = listInWords(
      unknown.map((u) => escapeMarkdown(u.name)),
      this.and,
    );
    const answer = this.template(
      'unknown-therapy',
      'no-information',
      fill(this.replies.unknownTherapy, { name, therapies: this.therapyList() }),
      'unknownTherapy',
    );
    answer.unknownTherapy = unknown[0].name;
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
  withSafetyNote(answer: Answer, kind: string): Answer {
    const note = this.knowledge.redFlags.emergencies.find((e) => e.kind === kind)?.note;
    if (!note) return answer;
    const warning: Warning = { title: this.replies.safetyNoteTitle, facts: [{ text: note, field: `red-flags.${kind}.note` }] };
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
