// The bot's activity handling: messages get answers, a user joining gets the welcome.
import { ActivityHandler, TurnContext } from 'botbuilder';
import type { Answer } from './answers/types';
import type { Conversation } from './conversation';
import { buildReply } from './render/activity';

export class TherapyBot extends ActivityHandler {
  constructor(private readonly conversation: Conversation) {
    super();
    this.onMessage(async (context, next) => {
      // In Teams group chats and channels the bot's @mention is part of the text.
      const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
      await sendAnswer(context, this.conversation.reply(text).answer);
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
  await context.sendActivity(buildReply(answer, context.activity.channelId));
}
