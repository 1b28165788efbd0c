// The services the bot hands its dialogs, for tests that drive MainDialog on its own.
import type { DialogServices } from '../../dialogs/services';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base';
import { QuestionAnswering } from '../../src/question-answering';
import { sendAnswer } from '../../src/bot/send-answer';
import { handoffRequester } from '../../src/bot/handoff-request';

export function dialogServices(knowledge: KnowledgeBase): DialogServices {
  return {
    answering: new QuestionAnswering(knowledge, { cacheEntries: 0 }),
    send: sendAnswer,
    recordFeedback: () => undefined,
    requestHandoff: handoffRequester(undefined),
    toAgents: async () => undefined,
    leaveAgents: async () => undefined,
    handoffAfterFailures: 3,
  };
}
