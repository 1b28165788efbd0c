// Speech as SSML that names its language: a voice channel (Direct Line Speech, a Teams meeting reader) reads
// Spanish text with a Spanish voice only when told. Runs after the disclaimer is added, so the whole spoken
// text is wrapped once; the language is the reply's locale, else the person's message's.
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';

export class SpeechMarkupMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      for (const activity of activities) {
        if (activity.type !== ActivityTypes.Message || !activity.speak || activity.speak.trimStart().startsWith('<speak')) continue;
        activity.speak = ssml(activity.speak, activity.locale ?? context.activity.locale ?? 'en-US');
      }
      return sendNext();
    });
    await next();
  }
}

/** `<speak version="1.0" xmlns="…" xml:lang="es-MX">…</speak>` around text, with XML's special characters escaped. */
export function ssml(text: string, locale: string): string {
  const lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale) ? locale : 'en-US';
  return `<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="${lang}">${escapeXml(text)}</speak>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
