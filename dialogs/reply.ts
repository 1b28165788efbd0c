// Sends an Answer and remembers it: in the transcript (for a handoff) and as the answer that
// feedback buttons refer to.
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Answer } from '../src/answers/types';
import { buildReply } from '../src/render/activity';
import { renderSpeech } from '../src/render/text';
import { recordAnswer } from '../src/turn-log';
import { remember, rememberAnswer, type ConversationMemory } from './memory';

export async function sendAnswer(context: TurnContext, answer: Answer, memory: ConversationMemory): Promise<void> {
  const answerId = randomUUID();
  await context.sendActivity(buildReply(answer, context.activity.channelId, answerId));
  recordAnswer(context, answer);
  remember(memory, 'bot', renderSpeech(answer));
  rememberAnswer(memory, { id: answerId, therapyId: answer.therapyId, topics: answer.topics, outcome: answer.outcome });
}
