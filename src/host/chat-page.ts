// The local chat page at "/": Bot Framework Web Chat, served from the installed package (no CDN),
// with a small client that talks to /api/messages. Turned off with WEB_CHAT_PAGE=false in
// production, where Azure's Web Chat channel or Teams is used instead.
// The embed: /embed.js, the script a help page includes, and /embed, the same chat in the embed's iframe,
// which only the sites of EMBED_ALLOWED_ORIGINS may frame.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Server } from 'restify';

/** The page's own files, and the one Web Chat file it needs. */
const PUBLIC_DIR = join(projectRoot(), 'src', 'host', 'public');
const WEB_CHAT_BUNDLE = join(projectRoot(), 'node_modules', 'botframework-webchat', 'dist', 'webchat.js');

const FILES: Record<string, { path: string; type: string }> = {
  '/chat/chat.js': { path: join(PUBLIC_DIR, 'chat.js'), type: 'text/javascript; charset=utf-8' },
  '/chat/chat.css': { path: join(PUBLIC_DIR, 'chat.css'), type: 'text/css; charset=utf-8' },
  '/chat/webchat.js': { path: WEB_CHAT_BUNDLE, type: 'text/javascript; charset=utf-8' },
  '/chat/favicon.svg': { path: join(PUBLIC_DIR, 'favicon.svg'), type: 'image/svg+xml' },
};

/**
 * Scripts only from this server; Web Chat styles itself with inline styles; no framing by other sites.
 * Nothing is loaded from elsewhere, so the page works on machines without internet.
 */
function contentSecurityPolicy(frameAncestors: string, directLineOrigin?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // With a token server, Web Chat talks to Direct Line itself.
    `connect-src 'self'${directLineOrigin ? ` ${directLineOrigin}` : ''}`,
    `frame-ancestors ${frameAncestors}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export interface ChatPageOptions {
  /** Serve the local chat page at "/". */
  page: boolean;
  /** Sites that may embed the chat: with any, /embed.js and /embed are served. */
  embedOrigins: readonly string[];
  /** Direct Line's origin, when the token server is on: the chat's pages connect to it. */
  directLineOrigin?: string;
}

export function registerChatPage(server: Server, options: ChatPageOptions): void {
  // GET and HEAD alike (a HEAD is how uptime checks and link previews look at a page).
  const serve = (route: string, body: Body, type: string, headers: Record<string, string>) => {
    server.get(route, async (req, res) => send(req.method === 'HEAD', res, body, type, headers));
    server.head(route, async (_req, res) => send(true, res, body, type, headers));
  };
  // The page says whether a token server is on, so its script knows which way to talk without a failing request.
  const page = readFileSync(join(PUBLIC_DIR, 'index.html'), 'utf8').replace(
    '<meta name="natural-therapy-token-server" content="off" />',
    `<meta name="natural-therapy-token-server" content="${options.directLineOrigin ? 'on' : 'off'}" />`,
  );
  const servePage = (route: string, frameAncestors: string) =>
    serve(route, { text: page }, 'text/html; charset=utf-8', {
      'Content-Security-Policy': contentSecurityPolicy(frameAncestors, options.directLineOrigin),
    });
  if (options.page) servePage('/', "'none'");
  if (options.embedOrigins.length > 0) {
    servePage('/embed', options.embedOrigins.join(' '));
    // A host page loads this from another site: allowed even where the host asks for cross-origin isolation.
    serve('/embed.js', { path: join(PUBLIC_DIR, 'embed.js') }, 'text/javascript; charset=utf-8', {
      'Cache-Control': 'no-cache',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
  }
  for (const [route, file] of Object.entries(FILES)) serve(route, { path: file.path }, file.type, { 'Cache-Control': 'no-cache' });
  // Browsers and tools ask for /favicon.ico whatever the page says: nothing to send is not an error.
  server.get('/favicon.ico', async (_req, res) => {
    res.send(204);
  });
}

/** What a route sends: a file, streamed, or text made at start-up (the page with its settings). */
type Body = { path: string } | { text: string };

async function send(
  headOnly: boolean,
  res: import('restify').Response,
  body: Body,
  type: string,
  headers: Record<string, string>,
): Promise<void> {
  if ('path' in body && !existsSync(body.path)) {
    res.send(404, { error: 'not found' });
    return;
  }
  res.writeHead(200, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', ...headers });
  if (headOnly) {
    res.end();
    return;
  }
  if ('text' in body) {
    res.end(body.text);
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(body.path);
    stream.on('error', reject);
    stream.on('end', resolve);
    stream.pipe(res);
  });
}

/** The directory holding package.json, whether running from src/ (tests) or dist/src/ (npm start). */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the project root (package.json)');
    dir = parent;
  }
  return dir;
}
