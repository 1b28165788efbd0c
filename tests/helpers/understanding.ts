import { Understanding } from '../../src/understanding/understand';
import { AnswerComposer } from '../../src/answers/compose';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base';
import { shippedKnowledge } from './bot-server';

let cached: { understanding: Understanding; composer: AnswerComposer } | undefined;

/** Understanding and the composer over the shipped data, built once per test file. */
export function shipped(): { understanding: Understanding; composer: AnswerComposer; knowledge: KnowledgeBase } {
  cached ??= { understanding: new Understanding(shippedKnowledge()), composer: new AnswerComposer(shippedKnowledge()) };
  return { ...cached, knowledge: shippedKnowledge() };
}

export const understand = (text: string) => shipped().understanding.understand(text);
