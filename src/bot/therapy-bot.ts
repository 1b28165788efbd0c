// The bot's activity handling: messages go to the dialogs, feedback buttons are recorded, a person
// joining gets the welcome once per conversation. Conversation state is saved after every turn.
// Teams' invokes: its own feedback buttons (message/submitAction), a card's choices (adaptiveCard/action)
// and the search message extension (composeExtension/query).
import {
  CardFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type Storage,
} from 'botbuilder';
import { MainDialog } from '../../dialogs/main-dialog';
import { emptyMemory, remember, rememberStartingContext, type ConversationMemory } from '../../dialogs/memory';
import { isGroupConversation, messageText, type DialogServices } from '../../dialogs/services';
import { languageOfLocale, regionOfLocale, type QuestionAnswering } from '../question-answering';
import type { FeedbackListener } from '../observability/feedback';
import type { ButtonValue } from '../render/activity';
import { ConversationStore } from '../state/conversation-store';
import { ConversationTurns } from '../state/conversation-turns';
import { giveFeedback, giveTeamsFeedback, sendAnswer } from './send-answer';
import { CHOOSE_VERB, choiceMadeCard } from '../render/teams';
import { lookUpTherapies } from './message-extension';
import { handoffRequester } from './handoff-request';
import type { HandoffReceiver } from '../handoff/payload';
import { AgentHub, type AgentHubOptions } from './agent-hub';
import { noteLanguage } from './turn-observer';

export interface TherapyBotOptions {
  answering: QuestionAnswering;
  /** Where conversation state lives (wrapped in ResilientStorage in production). */
  storage: Storage;
  /** Whether other processes write the same state (blob storage): then a turn that conflicts is redone. */
  sharedStorage: boolean;
  feedback: FeedbackListener;
  handoffAfterFailures: number;
  /** Where requests for a person go (the ticket webhook); without one the bot offers contact details. */
  handoffReceiver?: HandoffReceiver;
  /** An agent hub in a Teams channel, which takes requests before any webhook. */
  agentHub?: AgentHubOptions;
  /** The region whose emergency numbers are given when the locale names none (ISO 3166-1 alpha-2). */
  defaultRegion?: string;
}

export class TherapyBot extends TeamsActivityHandler {
  private readonly memory: ConversationStore<ConversationMemory>;
  private readonly dialog: MainDialog;
  /** Runs a conversation's turns one at a time and redoes one whose state save lost to another process. */
  private readonly turns: ConversationTurns;

  constructor(private readonly options: TherapyBotOptions) {
    super();
    this.memory = new ConversationStore(options.storage, 'memory', emptyMemory);
    this.turns = new ConversationTurns(this.memory, { sharedStorage: options.sharedStorage });
    const hub = options.agentHub && new AgentHub(options.agentHub, this.memory, this.turns);
    const services: DialogServices = {
      answering: options.answering,
      send: sendAnswer,
      giveFeedback: (context, memory, rating, answerId) => giveFeedback(context, memory, rating, answerId, options),
      requestHandoff: handoffRequester(options.handoffReceiver, hub),
      toAgents: async (context, hubThread, text) => hub?.toAgents(context, hubThread, text),
      leaveAgents: async (context, hubThread) => hub?.personLeft(context, hubThread),
      handoffAfterFailures: options.handoffAfterFailures,
    };
    this.dialog = new MainDialog(services);

    this.onMessage(async (context, next) => {
      const memory = await this.memory.get(context);
      const button = context.activity.value as ButtonValue | undefined;
      // In a channel the bot speaks only when spoken to: a post that neither mentions it nor comes from one of
      // its cards' buttons is not for it. Replies go to the post's thread, which the conversation id names.
      const forTheBot = context.activity.conversation?.conversationType !== 'channel' || mentionsBot(context) || button !== undefined;
      // A message in an agent hub's thread is an agent's, for the person whose request it is.
      if (memory.relay && hub) await hub.fromAgent(context, memory.relay);
      else if (forTheBot && button?.feedback) await giveFeedback(context, memory, button.feedback, button.answerId, options);
      else if (forTheBot) await this.converse(context, memory);
      await next();
    });

    this.onEvent(async (context, next) => {
      if (context.activity.name === 'startingContext') this.startFrom(context, await this.memory.get(context));
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      if (this.isJoin(context)) {
        const memory = await this.memory.get(context);
        if (!memory.welcomed) {
          memory.welcomed = true;
          this.startFrom(context, memory);
          memory.language ??= languageOfLocale(context.activity.locale);
          // Where many people read along, the welcome is one short paragraph.
          const welcome = isGroupConversation(context)
            ? options.answering.groupWelcome(memory.language)
            : options.answering.welcome(memory.language);
          await sendAnswer(context, welcome, memory);
        }
      }
      await next();
    });
  }

  /** A person's message (or a card's choice): understood in the conversation's language and answered. */
  private async converse(context: TurnContext, memory: ConversationMemory): Promise<void> {
    const answering = this.options.answering;
    const text = messageText(context);
    memory.language = answering.languageOf({ text, locale: context.activity.locale, current: memory.language });
    memory.region = regionOfLocale(context.activity.locale) ?? memory.region ?? this.options.defaultRegion;
    noteLanguage(context, memory.language);
    remember(memory, 'user', text);
    await this.dialog.run(context, memory);
  }

  /** Teams' feedback buttons send message/submitAction, which TeamsActivityHandler does not route. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'message/submitAction') return super.onInvokeActivity(context);
    const value = context.activity.value as SubmitActionValue | undefined;
    const reaction = value?.actionValue?.reaction;
    if (value?.actionName !== 'feedback' || (reaction !== 'like' && reaction !== 'dislike')) return { status: 400, body: {} };
    const memory = await this.memory.get(context);
    giveTeamsFeedback(
      context,
      memory,
      reaction === 'like' ? 'helpful' : 'not-helpful',
      hasComment(value.actionValue?.feedback),
      this.options.feedback,
    );
    return { status: 200, body: {} };
  }

  /**
   * A card's choice in Teams (Action.Execute): answered like the same words typed, as new messages; the card
   * that offered the choice is replaced by one showing the choice made.
   */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invoke: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const choice = (invoke.action?.data as { choice?: unknown } | undefined)?.choice;
    if (invoke.action?.verb !== CHOOSE_VERB || typeof choice !== 'string' || choice.trim() === '') {
      return {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: 'unknown action' },
      };
    }
    await this.converse(context, await this.memory.get(context));
    return { statusCode: 200, type: CardFactory.contentTypes.adaptiveCard, value: { ...choiceMadeCard(choice) } };
  }

  /** The search message extension: result cards to insert into a chat (see message-extension.ts). */
  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    return lookUpTherapies(this.options.answering, query, context.activity.locale);
  }

  /**
   * The embed's starting context (the help article's topic, in the activity's value): what the conversation is
   * about from the start. Sent with the join on the local client, as an event through Direct Line.
   */
  private startFrom(context: TurnContext, memory: ConversationMemory): void {
    const start = (context.activity.value as { context?: unknown } | undefined)?.context;
    if (typeof start !== 'string' || start.trim() === '') return;
    const answering = this.options.answering;
    rememberStartingContext(memory, answering.understand(start.slice(0, 200)), (id) => answering.isCondition(id));
  }

  /** The questions-and-answers core the bot speaks for (the benchmark reads its cache statistics). */
  get answering(): QuestionAnswering {
    return this.options.answering;
  }

  override run(context: TurnContext): Promise<void> {
    return this.turns.run(context, (attempt) => super.run(attempt));
  }

  /**
   * Whether this conversationUpdate is the moment to welcome: in Teams when the bot is installed
   * (personal chat, group chat or team), elsewhere when a person (not the bot) joins.
   */
  private isJoin(context: TurnContext): boolean {
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    if (context.activity.channelId === 'msteams') return added.some((member) => member.id === botId);
    return added.some((member) => member.id !== botId);
  }
}

/** What Teams' feedback buttons send: the reaction, and the form's comment as a JSON string. */
interface SubmitActionValue {
  actionName?: string;
  actionValue?: { reaction?: string; feedback?: unknown };
}

/** Whether the feedback form carried a comment; the comment itself is never read further. */
function hasComment(feedback: unknown): boolean {
  if (typeof feedback !== 'string' || feedback.trim() === '') return false;
  try {
    const text = (JSON.parse(feedback) as { feedbackText?: unknown } | null)?.feedbackText;
    return typeof text === 'string' && text.trim() !== '';
  } catch {
    return true; // not the JSON Teams sends, but not empty either
  }
}

/** Whether the message @mentions the bot (Teams delivers channel posts that do, and with consent others). */
function mentionsBot(context: TurnContext): boolean {
  const botId = context.activity.recipient?.id;
  return TurnContext.getMentions(context.activity).some((mention) => mention.mentioned?.id === botId);
}
