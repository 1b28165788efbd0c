// Renders an Answer as markdown text and as plain speech. Monograph text is ours and trusted;
// anything that came from a user must be escaped with escapeMarkdown before it reaches here.
import type { Answer } from '../answers/types';

export interface RenderedReply {
  /** Markdown, as Teams and Web Chat display it. */
  text: string;
  /** Plain sentences for speech channels. */
  speak: string;
  suggestedActions: string[];
}

export function renderAnswer(answer: Answer): RenderedReply {
  const paragraphs: string[] = [];
  if (answer.headline) paragraphs.push(`**${answer.headline}**`);
  paragraphs.push(...answer.facts.map((f) => f.text));
  paragraphs.push(...answer.warnings.map((w) => `⚠️ ${w.text}`));
  if (answer.source) paragraphs.push(`_Source: ${answer.source}_`);
  const spoken = [answer.headline ? `${answer.headline}.` : '', ...answer.facts.map((f) => f.text), ...answer.warnings.map((w) => w.text)];
  return {
    text: paragraphs.join('\n\n'),
    speak: spoken.filter((s) => s !== '').join(' '),
    suggestedActions: answer.followUps,
  };
}
