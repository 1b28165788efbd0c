// Reads a request body as JSON, and only JSON: `application/json` without any Content-Encoding, at most
// `maxBytes` as it arrives (a declared Content-Length over the limit is refused before reading). Replaces
// restify's body parser, which inflated gzip bodies past the limit and wrote multipart uploads to disk.
import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; body: unknown } | { ok: false; status: 400 | 408 | 413 | 415; error: string };

/** `timeoutMs`: the longest the whole body may take to arrive (a client trickling bytes holds a connection). */
export async function readJsonBody(req: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<BodyResult> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') return { ok: false, status: 415, error: 'the body must be application/json' };
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') return { ok: false, status: 415, error: 'compressed bodies are not accepted' };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, status: 413, error: 'the body is too large' };

  const body = await collect(req, maxBytes, timeoutMs);
  if (!body.ok) return body;
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(body.chunks, body.size).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, error: 'the body is not valid JSON' };
  }
}

/**
 * The body's chunks, or why reading stopped: past `maxBytes` (413) or `timeoutMs` (408). Reading stops
 * without destroying the request, so the answer can still be sent; the server closes the connection after it.
 */
function collect(
  req: IncomingMessage,
  maxBytes: number,
  timeoutMs: number,
): Promise<{ ok: true; chunks: Buffer[]; size: number } | { ok: false; status: 400 | 408 | 413; error: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (result: Parameters<typeof resolve>[0]) => {
      clearTimeout(timer);
      req.removeListener('data', onData);
      req.removeListener('end', onEnd);
      req.removeListener('error', onError);
      req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) stop({ ok: false, status: 413, error: 'the body is too large' });
      else chunks.push(chunk);
    };
    const onEnd = () => stop({ ok: true, chunks, size });
    const onError = () => stop({ ok: false, status: 400, error: 'the body could not be read' });
    const timer = setTimeout(() => stop({ ok: false, status: 408, error: 'the body took too long to arrive' }), timeoutMs);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
