// A search for therapies (Teams' message extension "Look up a natural therapy"): which answers the words typed
// get, offered as a list to pick one from and insert into a chat. Every answer is the composer's, the same
// the chat gives those words; the list only decides which of them to offer:
// - a therapy and a condition or topic: that answer; a therapy alone: what it is, and how safe it is;
// - no words at all: each therapy's overview, a page at a time;
// - "did you mean …?": the answer for each therapy suggested, offered with that question, so that nothing is
//   inserted about a therapy the person did not pick by its name;
// - an emergency: the emergency answer, alone;
// - anything else (a therapy without a monograph, out of scope, not understood, another language): no list,
//   the bot's own reply saying why.
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { ResolvedQuestion } from '../understanding/types';
import { ASK_SCORE } from '../understanding/typo-match';
import type { Answer } from './types';
import { fill, inSentence, monographOf, sentenceStart } from './wording';

export interface LookupResult {
  answer: Answer;
  /** "Did you mean craniosacral therapy?": the question a suggested therapy's answer is offered with. */
  confirm?: string;
}

/** Answers to offer, or the reply that says why there are none. */
export type Lookup = { kind: 'results'; results: LookupResult[] } | { kind: 'reply'; answer: Answer };

/** Which of the results to give: Teams asks for them a page at a time as the list scrolls. */
export interface LookupPage {
  skip: number;
  count: number;
}

const FIRST_PAGE: LookupPage = { skip: 0, count: 25 };
/** Therapies offered for one unclear name, as the clarifying question offers at most three. */
const MAX_SUGGESTED = 3;

/** `answer`: the composer's answer in the search's language and region. */
export function lookUp(
  question: ResolvedQuestion,
  knowledge: KnowledgeBase,
  answer: (question: ResolvedQuestion) => Answer,
  page: LookupPage = FIRST_PAGE,
): Lookup {
  const pageOf = (results: LookupResult[]): Lookup => ({ kind: 'results', results: results.slice(page.skip, page.skip + page.count) });

  // Nothing typed yet (Teams runs the search as the extension opens): what each therapy is.
  if (question.wordCount === 0 && !question.emergency) {
    const listed = knowledge.monographs.slice(page.skip, page.skip + page.count);
    const results = listed.map((m) => ({ id: m.id, answer: answer(naming(question, m.id)) }));
    return { kind: 'results', results: results.filter((r) => answers(r.answer, r.id)).map(({ answer }) => ({ answer })) };
  }

  const asked = withDescribedTherapy(question);
  const first = answer(asked);
  if (first.outcome === 'emergency') return pageOf([{ answer: first }]);
  if (first.outcome === 'clarification') {
    const suggested = suggestions(asked, knowledge, answer);
    return suggested.length > 0 ? pageOf(suggested) : { kind: 'reply', answer: first };
  }
  if (first.kind === 'condition-first') return pageOf([{ answer: first }]);
  if (!answers(first, first.therapyId)) return { kind: 'reply', answer: first };

  const results: LookupResult[] = [{ answer: first }];
  // A therapy alone: what it is, and, next to it, how safe it is.
  if (isOverview(first) && asked.conditions.length === 0) {
    const safety = answer({ ...asked, topics: ['safety'] });
    if (answers(safety, first.therapyId) && safety.topics.includes('safety')) results.push({ answer: safety });
  }
  return pageOf(results);
}

/** The answer for each therapy an unclear name suggests, with "did you mean …?" for it. */
function suggestions(question: ResolvedQuestion, knowledge: KnowledgeBase, answer: (question: ResolvedQuestion) => Answer): LookupResult[] {
  const ids = [...new Set(question.therapies.map((t) => t.id))].slice(0, MAX_SUGGESTED);
  return ids
    .map((id) => ({ id, answer: answer(naming(question, id)) }))
    .filter((r) => answers(r.answer, r.id))
    .map(({ id, answer }) => ({ answer, confirm: didYouMean(knowledge, id) }));
}

/** The question about this therapy, as if its name had been typed exactly (as "yes" to "did you mean …?" does). */
function naming(question: ResolvedQuestion, id: string): ResolvedQuestion {
  return { ...question, therapies: [{ id, matched: '', score: 1 }], unknownTherapies: [] };
}

/**
 * "The skull one, where they barely touch your head": a question that describes one monograph's therapy
 * without naming any is asked about as the chat asks a conversation about no therapy yet ("did you mean …?").
 */
function withDescribedTherapy(q: ResolvedQuestion): ResolvedQuestion {
  const describesOne =
    q.describedTherapies.length === 1 &&
    q.therapies.length === 0 &&
    q.unknownTherapies.length === 0 &&
    !q.emergency &&
    !q.command &&
    !q.social &&
    !q.aboutBot;
  return describesOne ? { ...q, therapies: [{ id: q.describedTherapies[0], matched: '', score: ASK_SCORE }] } : q;
}

/** A monograph's facts about the therapy given. */
function answers(answer: Answer, therapyId: string | undefined): boolean {
  return answer.kind === 'monograph' && answer.outcome === 'answered' && therapyId !== undefined && answer.therapyId === therapyId;
}

function isOverview(answer: Answer): boolean {
  return answer.topics.length > 0 && answer.topics.every((t) => t === 'overview') && !answer.lead;
}

/** The sentence of the "did you mean …?" reply that asks it, for one therapy: "Did you mean craniosacral therapy?". */
function didYouMean(knowledge: KnowledgeBase, id: string): string {
  const template = knowledge.replies.didYouMean;
  const asking = template.split(/(?<=[.!?])\s+/).find((sentence) => sentence.includes('{therapy}')) ?? template;
  return sentenceStart(fill(asking, { therapy: inSentence(monographOf(knowledge, id).name) }));
}
