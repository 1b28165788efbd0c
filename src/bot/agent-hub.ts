// An agent hub in Teams (HANDOFF_TEAMS_CHANNEL): each request for a person opens a thread in a team channel
// with a card (the reason and the conversation so far). What an agent writes in the thread, mentioning the
// bot, reaches the person; the person's messages reach the thread; "end" (or the card's button) hands the
// person back to the bot. Every step is a proactive message through the Bot Connector, and what links the two
// conversations lives in their conversation state, so any process sharing that state can carry it on.
//
// Locks: an agent's turn (holding the thread's conversation) may take the person's conversation to update
// the request; a person's turn only sends to the thread and never takes its state, so no two turns can wait
// for each other.
import {
  ActivityTypes,
  CardFactory,
  MessageFactory,
  TurnContext,
  type Activity,
  type CloudAdapter,
  type ConversationReference,
} from 'botbuilder';
import { handoffTranscript, messageText } from '../../dialogs/services';
import type { ConversationMemory, HubRelay } from '../../dialogs/memory';
import { fill } from '../answers/wording';
import type { Language, Replies } from '../knowledge/schema';
import type { Logger } from '../observability/logger';
import type { HandoffReason, HandoffState } from '../question-answering';
import type { ConversationStore } from '../state/conversation-store';
import type { ConversationTurns } from '../state/conversation-turns';
import { escapeMarkdown } from '../text/markdown';
import { noteHandoff } from './turn-observer';

export interface AgentHubOptions {
  appId: string;
  /** The Teams channel id ("19:…@thread.tacv2") where the bot is installed. */
  channelId: string;
  serviceUrl: string;
  /** The handoff sentences in a language: the hub's own in English (the support team's), the person's in theirs. */
  replies: (language: Language) => Replies['handoff'];
  /** "craniosacral therapy": what the bot covers, for the message that hands the person back. */
  therapies: (language: Language) => string;
  logger: Logger;
}

/** What the card's button sends back. */
const END_VALUE = { handoffHub: 'end' };

export class AgentHub {
  constructor(
    private readonly options: AgentHubOptions,
    private readonly memory: ConversationStore<ConversationMemory>,
    private readonly turns: ConversationTurns,
  ) {}

  /** Opens the request's thread in the hub; the person's state then points at it. */
  async open(context: TurnContext, memory: ConversationMemory, reason: HandoffReason, since: string): Promise<HandoffState> {
    const { appId, channelId, serviceUrl, logger } = this.options;
    const person = referenceOf(context.activity);
    let hub: HandoffState['hub'];
    try {
      const parameters = {
        isGroup: true,
        channelData: { channel: { id: channelId } },
        activity: MessageFactory.attachment(CardFactory.adaptiveCard(this.card(context, memory, reason))) as Activity,
      };
      await (context.adapter as CloudAdapter).createConversationAsync(
        appId,
        'msteams',
        serviceUrl,
        '',
        parameters as never,
        async (thread) => {
          hub = { conversationId: thread.activity.conversation.id, serviceUrl: thread.activity.serviceUrl };
          await this.turns.run(thread, async (attempt) => {
            (await this.memory.get(attempt)).relay = { person, open: true };
          });
        },
      );
    } catch (error) {
      logger.error({ err: { name: (error as Error).name, message: (error as Error).message } }, 'agent hub: could not open a thread');
      return { outcome: 'agent-failed', since };
    }
    if (!hub) return { outcome: 'agent-failed', since };
    logger.info({ event: 'handoff', outcome: 'agent-requested' }, 'agent hub: request posted');
    return { outcome: 'agent-requested', since, hub };
  }

  /** A message in a hub thread: an agent's words for the person, or "end". */
  async fromAgent(context: TurnContext, relay: HubRelay): Promise<void> {
    const h = this.options.replies('en');
    if (!relay.open) {
      await context.sendActivity(h.hubAlreadyEnded);
      return;
    }
    const text = messageText(context).trim();
    const value = context.activity.value as { handoffHub?: string } | undefined;
    const ending = value?.handoffHub === END_VALUE.handoffHub || /^end[.!]?$/i.test(text);
    if (!ending && text === '') return;
    const thread = context.activity.conversation.id;
    let delivered = false;
    await (context.adapter as CloudAdapter).continueConversationAsync(
      this.options.appId,
      relay.person as ConversationReference,
      async (personContext) => {
        await this.turns.run(personContext, async (attempt) => {
          const person = await this.memory.get(attempt);
          // The person cancelled, or a newer request replaced this one: the thread no longer speaks for them.
          if (person.handoff?.hub?.conversationId !== thread) return;
          delivered = true;
          const language = person.language ?? 'en';
          const theirs = this.options.replies(language);
          const say = (text: string) => attempt.sendActivity({ type: ActivityTypes.Message, text, locale: language });
          if (ending) {
            delete person.handoff;
            await say(fill(theirs.agentEnded, { therapies: this.options.therapies(language) }));
            return;
          }
          if (person.handoff.outcome === 'agent-requested') {
            person.handoff.outcome = 'agent-joined';
            noteHandoff(context, 'agent-joined');
          }
          const name = escapeMarkdown(context.activity.from?.name || 'Support');
          await say(fill(theirs.agentSays, { name, text: escapeMarkdown(text) }));
        });
      },
    );
    if (!delivered || ending) {
      relay.open = false;
      if (delivered) noteHandoff(context, 'agent-ended');
      await context.sendActivity(delivered ? h.hubEnded : h.hubAlreadyEnded);
    }
  }

  /** The person's message, passed to the request's thread. */
  async toAgents(context: TurnContext, hub: NonNullable<HandoffState['hub']>, text: string): Promise<void> {
    await this.post(context, hub, fill(this.options.replies('en').hubPersonSays, { text: escapeMarkdown(text) }));
  }

  /** The person went back to the bot: the thread is told; it closes when an agent next writes there. */
  async personLeft(context: TurnContext, hub: NonNullable<HandoffState['hub']>): Promise<void> {
    await this.post(context, hub, this.options.replies('en').hubPersonLeft);
  }

  private async post(context: TurnContext, hub: NonNullable<HandoffState['hub']>, text: string): Promise<void> {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: hub.serviceUrl,
      conversation: { id: hub.conversationId, isGroup: true, conversationType: 'channel', name: '' },
      bot: { id: this.options.appId, name: '' },
    };
    try {
      await (context.adapter as CloudAdapter).continueConversationAsync(this.options.appId, reference, async (thread) => {
        await thread.sendActivity(MessageFactory.text(text));
      });
    } catch (error) {
      const err = { name: (error as Error).name, message: (error as Error).message };
      this.options.logger.error({ err }, 'agent hub: could not post to the thread');
    }
  }

  /** The request as agents see it: why, from where, the conversation so far (escaped), and the end button. */
  private card(context: TurnContext, memory: ConversationMemory, reason: HandoffReason) {
    const h = this.options.replies('en');
    const block = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text, wrap: true, ...extra });
    const lines = handoffTranscript(context, memory).map((line) =>
      block(fill(line.from === 'user' ? h.hubPersonSays : h.hubBotSaid, { text: escapeMarkdown(line.text) }), { spacing: 'Small' }),
    );
    return {
      type: 'AdaptiveCard',
      version: '1.4',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      body: [
        block(h.hubTitle, { size: 'Medium', weight: 'Bolder' }),
        block(
          fill(h.hubReason, {
            reason: reason === 'requested' ? h.hubReasonRequested : h.hubReasonFailures,
            channel: escapeMarkdown(context.activity.channelId ?? ''),
            // The conversation's language (the one to answer in), with the client's locale.
            locale: escapeMarkdown([memory.language, context.activity.locale].filter(Boolean).join(', ') || '-'),
          }),
          { isSubtle: true },
        ),
        ...lines,
        block(h.hubHowTo, { isSubtle: true, spacing: 'Medium' }),
      ],
      actions: [{ type: 'Action.Submit', title: h.hubEndButton, data: END_VALUE }],
    };
  }
}

/** Enough of a conversation's reference to reach it again, as kept in the hub thread's state. */
function referenceOf(activity: Activity): HubRelay['person'] {
  const reference = TurnContext.getConversationReference(activity);
  return {
    channelId: reference.channelId ?? activity.channelId,
    serviceUrl: reference.serviceUrl ?? activity.serviceUrl,
    conversation: { id: activity.conversation.id, ...(activity.conversation.tenantId ? { tenantId: activity.conversation.tenantId } : {}) },
    ...(reference.user?.id ? { user: { id: reference.user.id, name: '' } } : {}),
    ...(reference.bot?.id ? { bot: { id: reference.bot.id, name: '' } } : {}),
  };
}
