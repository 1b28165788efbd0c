// The bot's activity handling: messages go to the dialogs, feedback buttons are recorded, a person
// joining gets the welcome once per conversation. Conversation state is saved after every turn.
import { ActivityHandler, type Storage, type TurnContext } from 'botbuilder';
import { MainDialog } from '../../dialogs/main-dialog';
import { emptyMemory, remember, rememberStartingContext, type ConversationMemory } from '../../dialogs/memory';
import { messageText, type DialogServices } from '../../dialogs/services';
import { languageOfLocale, regionOfLocale, type QuestionAnswering } from '../question-answering';
import type { FeedbackListener } from '../observability/feedback';
import type { ButtonValue } from '../render/activity';
import { ConversationStore } from '../state/conversation-store';
import { ConversationTurns } from '../state/conversation-turns';
import { giveFeedback, sendAnswer } from './send-answer';
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

export class TherapyBot extends ActivityHandler {
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
      // A message in an agent hub's thread is an agent's, for the person whose request it is.
      if (memory.relay && hub) await hub.fromAgent(context, memory.relay);
      else if (button?.feedback) await giveFeedback(context, memory, button.feedback, button.answerId, options);
      else {
        const text = messageText(context);
        memory.language = options.answering.languageOf({ text, locale: context.activity.locale, current: memory.language });
        memory.region = regionOfLocale(context.activity.locale) ?? memory.region ?? options.defaultRegion;
        noteLanguage(context, memory.language);
        remember(memory, 'user', text);
        await this.dialog.run(context, memory);
      }
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
          await sendAnswer(context, options.answering.welcome(memory.language), memory);
        }
      }
      await next();
    });
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
