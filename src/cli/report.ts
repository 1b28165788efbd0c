// `npm run report [-- FILE] [-- --json]`: a support-desk report from the bot's structured logs (a file,
// or stdin): deflection, content gaps, feedback and emergencies. The logs hold no message text, and
// neither does the report.
import { readFileSync } from 'node:fs';
import { countedAs } from '../observability/turn-record';

export interface Report {
  conversations: number;
  /** Conversations that asked something (not only greetings or thanks). */
  askingConversations: number;
  /** Of those: an answer, no handoff, and no "not helpful". */
  deflected: number;
  deflectionRate: number;
  /** Messages people sent; welcomes and ratings are counted apart (countedAs, shared with /metrics). */
  turns: number;
  /** Turns by the conversation's language (en, es, fr). */
  languages: Record<string, number>;
  welcomes: number;
  outcomes: Record<string, number>;
  handoffs: number;
  /** Requests for a person by how they went: contact-offered, ticket-created, ticket-failed. */
  handoffOutcomes: Record<string, number>;
  emergencies: number;
  /** `commented`: ratings given with a comment in Teams' feedback form (the comments are not kept). */
  feedback: { helpful: number; notHelpful: number; helpfulRate: number; commented: number };
  contentGaps: { therapies: [string, number][]; conditions: [string, number][] };
}

/** What one conversation did, for the deflection rate. */
interface ConversationTally {
  asked: boolean;
  answered: boolean;
  handoff: boolean;
  /** "Not helpful" ratings that stand (a rating changed to "helpful" no longer counts). */
  notHelpful: number;
}

const TOP = 10;

export function buildReport(lines: readonly string[]): Report {
  const conversations = new Map<string, ConversationTally>();
  const outcomes: Record<string, number> = {};
  const handoffOutcomes: Record<string, number> = {};
  const therapies = new Map<string, number>();
  const conditions = new Map<string, number>();
  let turns = 0;
  let welcomes = 0;
  const languages: Record<string, number> = {};
  let helpful = 0;
  let commented = 0;
  let notHelpful = 0;
  const of = (key: string) => {
    let c = conversations.get(key);
    if (!c) conversations.set(key, (c = { asked: false, answered: false, handoff: false, notHelpful: 0 }));
    return c;
  };
  for (const line of lines) {
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue; // not a log line (a blank line, a start-up message)
    }
    const key = typeof entry.conversation === 'string' ? entry.conversation : 'unknown';
    const counted = entry.event === 'turn' ? countedAs(entry as { activityType?: string; kind?: string }) : undefined;
    if (counted === 'welcome') welcomes++;
    if (counted === 'turn') {
      turns++;
      if (typeof entry.language === 'string') languages[entry.language] = (languages[entry.language] ?? 0) + 1;
      const outcome = String(entry.outcome ?? 'none');
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      const c = of(key);
      if (outcome !== 'social' && outcome !== 'none') c.asked = true;
      if (outcome === 'answered') c.answered = true;
      if (outcome === 'handoff') c.handoff = true;
      if (typeof entry.handoff === 'string') handoffOutcomes[entry.handoff] = (handoffOutcomes[entry.handoff] ?? 0) + 1;
      if (typeof entry.unknownTherapy === 'string') therapies.set(entry.unknownTherapy, (therapies.get(entry.unknownTherapy) ?? 0) + 1);
      if (Array.isArray(entry.unlistedConditions)) {
        for (const id of entry.unlistedConditions) conditions.set(String(id), (conditions.get(String(id)) ?? 0) + 1);
      }
    } else if (entry.event === 'feedback') {
      // One rating per answer and person stands: a changed rating names the one it replaces, taken back here.
      const c = of(key);
      if (entry.replaces === 'helpful') helpful--;
      if (entry.replaces === 'not-helpful') {
        notHelpful--;
        c.notHelpful--;
      }
      if (entry.commented === true) commented++;
      if (entry.helpful === true) helpful++;
      else {
        notHelpful++;
        c.notHelpful++;
      }
    }
  }
  const asking = [...conversations.values()].filter((c) => c.asked);
  const deflected = asking.filter((c) => c.answered && !c.handoff && c.notHelpful <= 0).length;
  const top = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP);
  return {
    conversations: conversations.size,
    askingConversations: asking.length,
    deflected,
    deflectionRate: asking.length ? deflected / asking.length : 0,
    turns,
    languages,
    welcomes,
    outcomes,
    handoffs: outcomes.handoff ?? 0,
    handoffOutcomes,
    emergencies: outcomes.emergency ?? 0,
    feedback: { helpful, notHelpful, helpfulRate: helpful + notHelpful ? helpful / (helpful + notHelpful) : 0, commented },
    contentGaps: { therapies: top(therapies), conditions: top(conditions) },
  };
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatReport(r: Report): string {
  const rows: [string, string][] = [
    ['conversations that asked something', String(r.askingConversations)],
    ['deflected (answered, no handoff, no "not helpful")', `${r.deflected} (${percent(r.deflectionRate)})`],
    ['turns (messages people sent)', String(r.turns)],
    ...Object.entries(r.languages)
      .sort()
      .map(([language, n]): [string, string] => [`  in ${language}`, String(n)]),
    ...Object.entries(r.outcomes)
      .sort()
      .map(([outcome, n]): [string, string] => [`  ${outcome}`, String(n)]),
    ['handoffs', String(r.handoffs)],
    ...Object.entries(r.handoffOutcomes)
      .sort()
      .map(([outcome, n]): [string, string] => [`  ${outcome}`, String(n)]),
    ['emergencies', String(r.emergencies)],
    ['welcomes', String(r.welcomes)],
    ['feedback helpful / not helpful', `${r.feedback.helpful} / ${r.feedback.notHelpful} (${percent(r.feedback.helpfulRate)} helpful)`],
    ['  with a comment (not kept)', String(r.feedback.commented)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const out = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  out.push('', 'content gaps: therapies asked about without a monograph');
  out.push(...(r.contentGaps.therapies.length ? r.contentGaps.therapies.map(([name, n]) => `  ${name.padEnd(30)} ${n}`) : ['  (none)']));
  out.push('content gaps: conditions asked about without a rating');
  out.push(...(r.contentGaps.conditions.length ? r.contentGaps.conditions.map(([name, n]) => `  ${name.padEnd(30)} ${n}`) : ['  (none)']));
  return out.join('\n');
}

function main(args: string[]): number {
  const json = args.includes('--json');
  const file = args.find((a) => !a.startsWith('--'));
  let input: string;
  try {
    input = readFileSync(file ?? 0, 'utf8');
  } catch (error) {
    console.error(`report: cannot read ${file ?? 'stdin'}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return 1;
  }
  const report = buildReport(input.split('\n'));
  console.log(json ? JSON.stringify(report, null, 2) : formatReport(report));
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
