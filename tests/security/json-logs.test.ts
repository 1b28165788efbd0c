// Issue 17, finding 11: every line the bot writes is JSON, so a log pipeline can parse each one. The Bot
// Framework libraries print to the console themselves (a token signed by another key under a published key
// id makes botframework-connector print "Error finding key for token" and the error over several lines);
// the process routes that through its logger.
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeConsoleToLogger } from '../../src/observability/console-capture';
import { pino } from 'pino';
import { messageActivity } from '../helpers/bot-server';
import { startBotProcess } from '../helpers/processes';
import {
  allowOnlyLoopback,
  channelToken,
  createSigningKey,
  mockChannelKeys,
  postActivity,
  resetBotFrameworkCaches,
  startBotWithLogs,
} from '../helpers/jwt';

const APP_ID = '0c7b2f1e-8a4d-4c3b-9e5f-6a7b8c9d0e1f';
const SERVICE_URL = 'https://webchat.botframework.com/';

beforeAll(() => allowOnlyLoopback());
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('logs are JSON lines only', () => {
  it('turns what botframework-connector prints for a wrongly signed token into one JSON log line', async () => {
    resetBotFrameworkCaches();
    const published = createSigningKey(undefined, ['webchat']);
    const impostor = createSigningKey(published.kid);
    const bot = await startBotWithLogs({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'unused' });
    try {
      mockChannelKeys([published]);
      const token = channelToken(impostor, { appId: APP_ID, serviceUrl: SERVICE_URL });
      const activity = { ...messageActivity('what is craniosacral therapy?', undefined, 'webchat'), serviceUrl: SERVICE_URL };
      expect((await postActivity(bot.server.url, activity, `Bearer ${token}`)).status).toBe(401);
      const library = bot.logs().filter((line) => line.source === 'library');
      expect(library.map((line) => line.msg)).toContainEqual(expect.stringMatching(/^Error finding key for token/));
    } finally {
      await bot.server.close();
    }
  });

  it('makes one line of a multi-line message or an error, with the text capped', () => {
    const lines: string[] = [];
    const restore = routeConsoleToLogger(pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) }));
    try {
      console.error(new Error('first line\n    at somewhere (file.js:1:1)'));
      console.warn('a\nb', { nested: { value: 1 } });
      console.log('x'.repeat(5000));
    } finally {
      restore();
    }
    expect(lines).toHaveLength(3);
    const parsed = lines.map((line) => JSON.parse(line) as { msg: string; source: string; err?: { message: string } });
    expect(lines.every((line) => line.trimEnd().split('\n').length === 1)).toBe(true);
    expect(parsed.every((line) => line.source === 'library')).toBe(true);
    expect(parsed[0].err?.message).toContain('first line');
    expect(parsed[2].msg.length).toBe(500);
  });

  it('writes nothing but JSON lines to stdout and stderr from start to shutdown of the real process', async () => {
    const bot = await startBotProcess();
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...messageActivity('is craniosacral therapy safe in pregnancy?'), deliveryMode: 'expectReplies' }),
    });
    expect(res.status).toBe(200);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    const lines = bot
      .output()
      .split('\n')
      .filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThanOrEqual(3); // knowledge loaded, bot ready, a turn, shutting down...
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
  });
});
