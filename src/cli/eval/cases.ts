// The evaluation case format (the same as tests/eval/*.jsonl): one conversation a line, each turn with what
// a good reply must and must not say. Read and checked here, so a bad line is reported by its number.
import { z } from 'zod';

const Pattern = z.string().refine(
  (source) => {
    try {
      new RegExp(source, 'i');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

const Turn = z.strictObject({
  text: z.string(),
  /** Regular expressions (case-insensitive) that the reply must match. */
  must: z.array(Pattern).default([]),
  /** Regular expressions the reply must not match. */
  mustNot: z.array(Pattern).default([]),
  /** The turn asks for a person: a handoff.initiate event must be among the replies. */
  handoff: z.boolean().default(false),
  /** Sent as Teams sends a message that @mentions the bot in a group chat or channel. */
  mention: z.boolean().default(false),
});

export const EvalCase = z.strictObject({
  id: z.string().min(1),
  category: z.string().min(1).default('uncategorised'),
  channel: z.enum(['emulator', 'webchat', 'msteams', 'directline']).default('emulator'),
  locale: z.string().optional(),
  /** The person joins first (a conversationUpdate), as in Web Chat and Teams: the welcome comes before the turns. */
  conversationUpdate: z.boolean().default(false),
  turns: z.array(Turn).min(1),
});
export type EvalCase = z.infer<typeof EvalCase>;
export type EvalTurn = EvalCase['turns'][number];

export type ParsedCases = { ok: true; cases: EvalCase[] } | { ok: false; problems: string[] };

/** Parses a JSONL file's text: every line a case (blank lines skipped), ids unique. */
export function parseCases(text: string, file: string): ParsedCases {
  const cases: EvalCase[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${file}:${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      problems.push(`${where}: not JSON`);
      return;
    }
    const parsed = EvalCase.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${where}: ${issue.path.join('.') || '(case)'}: ${issue.message}`);
      return;
    }
    if (ids.has(parsed.data.id)) problems.push(`${where}: the id "${parsed.data.id}" is used twice`);
    ids.add(parsed.data.id);
    cases.push(parsed.data);
  });
  if (problems.length === 0 && cases.length === 0) problems.push(`${file}: no cases`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cases };
}
