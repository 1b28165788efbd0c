// Keeps stdout JSON lines only. botbuilder and botframework-connector write to the console themselves
// (a token signed with an unknown key prints "Error finding key for token" and a multi-line error), which
// breaks a log pipeline that parses each line as JSON. The process entry routes console output through
// the logger instead: one JSON line per call, marked as coming from a library, the text capped.
import { format } from 'node:util';
import type { Logger } from './logger';

const METHODS = ['log', 'info', 'debug', 'warn', 'error'] as const;
type ConsoleMethod = (typeof METHODS)[number];

const LEVEL: Record<ConsoleMethod, 'info' | 'debug' | 'warn'> = { log: 'info', info: 'info', debug: 'debug', warn: 'warn', error: 'warn' };

/** Enough to recognise a library's message; a library could in principle print anything it was handed. */
export const CONSOLE_TEXT_LIMIT = 500;

/** Sends console.log/info/debug/warn/error to `logger`; returns a function that puts the console back. */
export function routeConsoleToLogger(logger: Logger): () => void {
  const original = Object.fromEntries(METHODS.map((method) => [method, console[method]])) as Record<ConsoleMethod, Console['log']>;
  for (const method of METHODS) {
    console[method] = (...args: unknown[]) => {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      const text = args
        .filter((arg) => !(arg instanceof Error))
        .map((arg) => (typeof arg === 'string' ? arg : format('%o', arg)))
        .join(' ')
        .slice(0, CONSOLE_TEXT_LIMIT);
      const fields = {
        source: 'library',
        ...(error ? { err: { type: error.name, message: error.message.slice(0, CONSOLE_TEXT_LIMIT) } } : {}),
      };
      logger[LEVEL[method]](fields, text || error?.message.slice(0, CONSOLE_TEXT_LIMIT) || 'console output');
    };
  }
  return () => {
    for (const method of METHODS) console[method] = original[method];
  };
}
