// Teams' search message extension, "Look up a natural therapy" (the manifest's `lookUpTherapy` query command):
// the words typed are understood and answered as in the chat (QuestionAnswering.lookUp decides which answers
// to offer), and each answer is offered as an Adaptive Card to insert into a chat, with a short preview to pick
// it by. An inserted card stands alone in someone else's chat: it has no buttons (the asker's follow-ups mean
// nothing there), but keeps its rating badge, warnings and source, and the disclaimer middleware adds the
// disclaimer as its last line. When there is nothing to offer, the result is the bot's own reply saying why.
// What the person typed is never logged, and reaches a card or preview only through the escaped answers.
import { CardFactory, type MessagingExtensionAttachment, type MessagingExtensionQuery, type MessagingExtensionResponse } from 'botbuilder';
import type { Answer } from '../answers/types';
import type { LookupPage, LookupResult } from '../answers/lookup';
import { regionOfLocale, type QuestionAnswering } from '../question-answering';
import { renderCard } from '../render/card';
import { TEAMS_CARD_VERSION } from '../render/teams';
import { clip } from '../text/clip';
import { plainFromEscaped } from '../text/markdown';

/** The manifest's command and its one parameter. */
const LOOK_UP_COMMAND = 'lookUpTherapy';
const QUERY_PARAMETER = 'query';
/** Longest query read: a therapy and a condition or topic take a few words. */
const QUERY_LIMIT = 200;
/** Teams shows a preview's title on one line and its text on two or three. */
const TITLE_LIMIT = 80;
const TEXT_LIMIT = 120;
/** Most results Teams asks for at once (its default page). */
const PAGE_LIMIT = 25;

export async function lookUpTherapies(
  answering: QuestionAnswering,
  query: MessagingExtensionQuery,
  locale?: string,
): Promise<MessagingExtensionResponse> {
  if (query?.commandId !== LOOK_UP_COMMAND) return results([]);
  const text = queryText(query);
  const language = answering.languageOf({ text, locale });
  const lookup = answering.lookUp(text, { language, region: regionOfLocale(locale) }, pageOf(query));
  if (lookup.kind === 'reply') return { composeExtension: { type: 'message', text: plainText(lookup.answer) } };
  return results(lookup.results.map(attachment));
}

function results(attachments: MessagingExtensionAttachment[]): MessagingExtensionResponse {
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
}

/** The `query` parameter's words; none on the initial run (Teams sends `initialRun` instead). */
function queryText(query: MessagingExtensionQuery): string {
  const value: unknown = query.parameters?.find((p) => p?.name === QUERY_PARAMETER)?.value;
  return typeof value === 'string' ? value.slice(0, QUERY_LIMIT).trim() : '';
}

function pageOf(query: MessagingExtensionQuery): LookupPage {
  const { skip, count } = query.queryOptions ?? {};
  const whole = (n: unknown, fallback: number) => (typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : fallback);
  return { skip: whole(skip, 0), count: Math.min(whole(count, PAGE_LIMIT), PAGE_LIMIT) };
}

/** One result: the answer's card to insert, and the preview the person picks it by. */
function attachment(result: LookupResult): MessagingExtensionAttachment {
  const card = renderCard(result.answer, { version: TEAMS_CARD_VERSION });
  delete card.actions;
  return {
    contentType: CardFactory.contentTypes.adaptiveCard,
    content: card,
    preview: {
      contentType: CardFactory.contentTypes.thumbnailCard,
      content: { title: clip(result.confirm ?? title(result.answer), TITLE_LIMIT), text: clip(previewText(result.answer), TEXT_LIMIT) },
    },
  };
}

/** The therapy's name and what was asked of it: "Craniosacral therapy — Migraine"; the action, for an emergency. */
function title(answer: Answer): string {
  if (!answer.headline) return plain(answer.lead?.text ?? firstFact(answer) ?? '');
  const asked = [...new Set(answer.sections.map((s) => s.title).filter((t): t is string => Boolean(t)))].filter(
    (t) => t !== answer.headline,
  );
  const rated = answer.sections.find((s) => s.rating)?.rating?.scaleName;
  const about = asked.length > 0 ? asked.join(', ') : rated;
  return plain(about ? `${answer.headline} — ${about}` : answer.headline);
}

/** The rating, else the first line of the answer's facts (a monograph's before a template's). */
function previewText(answer: Answer): string {
  const rating = answer.sections.find((s) => s.rating)?.rating?.label;
  if (rating) return plain(rating);
  if (answer.kind === 'emergency') return plain(firstFact(answer) ?? '');
  const facts = answer.sections.flatMap((s) => s.facts);
  const fromMonograph = facts.find((f) => f.field.includes('#'));
  return plain(fromMonograph?.text ?? answer.lead?.text ?? facts[0]?.text ?? '');
}

function firstFact(answer: Answer): string | undefined {
  return answer.sections.flatMap((s) => s.facts)[0]?.text;
}

/** The reply as one paragraph of plain text: what must be read first, then its sentences. */
function plainText(answer: Answer): string {
  const lines = [answer.lead?.text, ...answer.sections.flatMap((s) => s.facts.map((f) => f.text))];
  return plain(lines.filter(Boolean).join(' '));
}

/** Answers' texts are escaped markdown: a preview or a message shows them as they read. */
function plain(text: string): string {
  return plainFromEscaped(text).replace(/\s+/g, ' ').trim();
}
