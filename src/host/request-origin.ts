// How a request reached this server, as the browser sees it: over TLS directly, or through a proxy that ended
// TLS and says so (App Service and most proxies set X-Forwarded-Proto), and so this server's own origin.
import type restify from 'restify';

export function servedOverTls(req: restify.Request): boolean {
  return req.isSecure() || req.headers['x-forwarded-proto'] === 'https';
}

/** This server's origin for the request ("https://bot.example.org"): what its own pages send as Origin. */
export function ownOrigin(req: restify.Request): string {
  return `${servedOverTls(req) ? 'https' : 'http'}://${req.headers.host ?? ''}`;
}
