// What the scripts that turn a blind evaluation set into judge conversations share: the half asked for on
// the command line ("seen", read while building, or "unseen", never read), that half's cases, and the
// locale each language's cases are sent with.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const LOCALES = { en: 'en-US', es: 'es-ES', fr: 'fr-FR' };

/** "seen" or "unseen" from the command line; exits with the usage line otherwise. */
export function halfFromArgs(script) {
  const half = process.argv[2];
  if (half === 'seen' || half === 'unseen') return half;
  console.error(`usage: ${script} seen|unseen`);
  process.exit(2);
}

/** Every case of the half's files in `dir` (<half>-*.jsonl), in file order. */
export function readHalf(dir, half) {
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${half}-`) && f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== ''),
    )
    .map((line) => JSON.parse(line));
}
