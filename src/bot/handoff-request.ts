// Turns a request for a person into a HandoffState: with a receiver (the ticket webhook) the request and
// the conversation so far go to it, and the person is told a ticket exists only if it accepted; without
// one, the bot offers the organisation's contact details and promises nothing.
import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { recentAnswers, type ConversationMemory } from '../../dialogs/memory';
import { handoffTranscript } from '../../dialogs/services';
import { HANDOFF_PAYLOAD_VERSION, type HandoffPayload, type HandoffReceiver } from '../handoff/payload';
import type { HandoffReason, HandoffState } from '../question-answering';
import type { AgentHub } from './agent-hub';

/** `hub`: the agent hub in Teams, when there is one; it takes requests before any webhook. */
export function handoffRequester(receiver: HandoffReceiver | undefined, hub?: AgentHub) {
  return async (context: TurnContext, memory: ConversationMemory, reason: HandoffReason): Promise<HandoffState> => {
    const since = new Date().toISOString();
    if (hub) return hub.open(context, memory, reason, since);
    if (!receiver) return { outcome: 'contact-offered', since };
    const payload = handoffPayload(context, memory, reason, since);
    const result = await receiver.submit(payload);
    return result.accepted
      ? { outcome: 'ticket-created', reference: result.reference ?? payload.handoffId.slice(0, 8), since }
      : { outcome: 'ticket-failed', since };
  };
}

function handoffPayload(context: TurnContext, memory: ConversationMemory, reason: HandoffReason, createdAt: string): HandoffPayload {
  const activity = context.activity;
  const reference = TurnContext.getConversationReference(activity);
  const tenantId = (activity.conversation as { tenantId?: string } | undefined)?.tenantId;
  return {
    version: HANDOFF_PAYLOAD_VERSION,
    handoffId: randomUUID(),
    createdAt,
    reason,
    channel: activity.channelId,
    ...(activity.locale ? { locale: activity.locale } : {}),
    ...(memory.language ? { language: memory.language } : {}),
    conversation: {
      channelId: activity.channelId,
      serviceUrl: activity.serviceUrl,
      conversationId: reference.conversation?.id ?? '',
      ...(reference.user?.id ? { userId: reference.user.id } : {}),
      ...(reference.bot?.id ? { botId: reference.bot.id } : {}),
      ...(tenantId ? { tenantId } : {}),
    },
    transcript: handoffTranscript(context, memory),
    answers: recentAnswers(memory).map(({ outcome, therapyId, topics }) => ({ outcome, ...(therapyId ? { therapyId } : {}), topics })),
  };
}
