// The bot's activity handling: messages get answers, a user joining gets the welcome.
import { ActivityHandler, MessageFactory, type TurnContext } from 'botbuilder';
import type { Answer } from './answers/types';
import type { Conversation } from './conversation';
import { renderAnswer } from './render/text';

export class TherapyBot extends ActivityHandler {
  constructor(private readonly conversation: Conversation) {
    super();
    this.onMessage(async (context, next) => {
      await sendAnswer(context, this.conversation.reply(context.activity.text ?? ''));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const joinedUsers = (context.activity.membersAdded ?? []).filter((member) => member.id !== botId);
      if (joinedUsers.length > 0) await sendAnswer(context, this.conversation.welcome());
      await next();
    });
  }
}

async function sendAnswer(context: TurnContext, answer: Answer): Promise<void> {
  const reply = renderAnswer(answer);
  const activity = MessageFactory.suggestedActions(reply.suggestedActions, reply.text, reply.speak);
  activity.textFormat = 'markdown';
  await context.sendActivity(activity);
}
