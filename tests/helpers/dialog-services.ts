// The services the bot hands its dialogs, for tests that drive MainDialog on its own.
import type { DialogServices } from '../../dialogs/services';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base';
import { QuestionAnswering } from '../../src/question-answering';
import { giveFeedback, sendAnswer } from '../../src/bot/send-answer';
import type { FeedbackListener } from '../../src/observability/feedback';

const IGNORED: FeedbackListener = { feedbackGiven: () => undefined };
import { handoffRequester } from '../../src/bot/handoff-request';

export function dialogServices(knowledge: KnowledgeBase): DialogServices {
  const answering = new QuestionAnswering(knowledge, { cacheEntries: 0 });
  return {
    answering,
    send: sendAnswer,
    giveFeedback: (context, memory, rating, answerId) => giveFeedback(context, memory, rating, answerId, { answering, feedback: IGNORED }),
    requestHandoff: handoffRequester(undefined),
    toAgents: async () => undefined,
    leaveAgents: async () => undefined,
    handoffAfterFailures: 3,
  };
}
