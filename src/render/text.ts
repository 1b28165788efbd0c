// Renders an Answer as markdown (channels without cards) and as plain speech (voice channels).
// Monograph and reply text is trusted data; values that came from a user are escaped by the
// composer before they reach an Answer.
import type { Answer, RatingBadge } from '../answers/types';

/** "Evidence for migraine: **Insufficient evidence**. There is not enough …" */
export function badgeSentence(badge: RatingBadge, bold: (s: string) => string, titled = false): string {
  const caption = titled ? badge.scaleName : badge.caption;
  return `${caption}: ${bold(badge.label)}. ${badge.meaning}`;
}

const strong = (s: string) => `**${s}**`;
const plain = (s: string) => s;

export function renderMarkdown(answer: Answer): string {
  const paragraphs: string[] = [];
  if (answer.headline) paragraphs.push(strong(answer.headline));
  if (answer.lead) paragraphs.push(strong(answer.lead.text));
  for (const section of answer.sections) {
    const body = [section.rating ? badgeSentence(section.rating, strong, Boolean(section.title)) : '', ...section.facts.map((f) => f.text)]
      .filter(Boolean)
      .join(' ');
    paragraphs.push(section.title ? `${strong(section.title)}: ${body}` : body);
  }
  for (const warning of answer.warnings) paragraphs.push(`⚠️ ${strong(warning.title)}: ${warning.facts.map((f) => f.text).join(' ')}`);
  if (answer.source) paragraphs.push(`_${answer.source}_`);
  return paragraphs.filter((p) => p.trim() !== '').join('\n\n');
}

/** Plain sentences for speech: the answer and its warnings, without markup or the source line. */
export function renderSpeech(answer: Answer): string {
  const sentences: string[] = [];
  if (answer.lead) sentences.push(answer.lead.text);
  for (const section of answer.sections) {
    if (section.title) sentences.push(`${section.title}.`);
    if (section.rating) sentences.push(badgeSentence(section.rating, plain, Boolean(section.title)));
    sentences.push(...section.facts.map((f) => f.text));
  }
  for (const warning of answer.warnings) sentences.push(`${warning.title}.`, ...warning.facts.map((f) => f.text));
  return sentences.join(' ');
}
