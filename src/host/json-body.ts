// Reads a request body as JSON, and only JSON: `application/json` without any Content-Encoding, at most
// `maxBytes` as it arrives (a declared Content-Length over the limit is refused before reading). Replaces
// restify's body parser, which inflated gzip bodies past the limit and wrote multipart uploads to disk.
import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; body: unknown } | { ok: false; status: 400 | 413 | 415; error: string };

export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') return { ok: false, status: 415, error: 'the body must be application/json' };
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') return { ok: false, status: 415, error: 'compressed bodies are not accepted' };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, status: 413, error: 'the body is too large' };

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return { ok: false, status: 413, error: 'the body is too large' };
    chunks.push(chunk);
  }
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(chunks, size).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, error: 'the body is not valid JSON' };
  }
}
