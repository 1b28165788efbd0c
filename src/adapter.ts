// The only module that knows botbuilder's hosting API: authentication, middleware, turn errors.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { botAuthSettings, type Config } from './config';
import type { Logger } from './logger';
import { DisclaimerMiddleware } from './middleware/disclaimer';

export const TURN_ERROR_REPLY = 'Sorry, something went wrong on my side. Please try again in a moment.';

export function createAdapter(config: Config, logger: Logger, disclaimer: string): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(botAuthSettings(config));
  const adapter = new CloudAdapter(auth);
  adapter.use(new DisclaimerMiddleware(disclaimer));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // The cause goes to the log (never the user's text); the user gets one polite sentence.
    logger.error(
      { err: { name: error.name, message: error.message, stack: error.stack }, conversationId: context.activity.conversation?.id },
      'turn failed',
    );
    try {
      await context.sendActivity(TURN_ERROR_REPLY);
    } catch (sendError) {
      logger.error({ err: { message: (sendError as Error).message } }, 'could not send the turn-error reply');
    }
  };
  return adapter;
}
