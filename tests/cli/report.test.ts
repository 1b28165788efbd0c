import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport, formatReport } from '../../src/cli/report';
import { runCli } from '../helpers/processes';

const FIXTURE = join(__dirname, '..', 'fixtures', 'support-desk.jsonl');
const lines = readFileSync(FIXTURE, 'utf8').split('\n');

describe('support-desk report', () => {
  it('computes deflection, outcomes, feedback, emergencies and content gaps from a log', () => {
    const report = buildReport(lines);
    // Asking conversations: a, b, c, d, e, g (f only said hello). Deflected: a and g (c was not helpful, b handed off).
    expect(report.askingConversations).toBe(6);
    expect(report.deflected).toBe(2);
    expect(report.deflectionRate).toBeCloseTo(2 / 6);
    expect(report.turns).toBe(10); // not the rating's turn, nor the welcome
    expect(report.welcomes).toBe(1);
    expect(report.outcomes).toEqual({ answered: 4, 'no-information': 3, handoff: 1, emergency: 1, social: 1 });
    expect(report.handoffs).toBe(1);
    expect(report.handoffOutcomes).toEqual({ 'ticket-created': 1 });
    expect(report.emergencies).toBe(1);
    expect(report.feedback).toEqual({ helpful: 1, notHelpful: 1, helpfulRate: 0.5, commented: 0 });
    expect(report.contentGaps.therapies).toEqual([['kava', 2]]);
    expect(report.contentGaps.conditions).toEqual([['insomnia', 1]]);
  });

  it('counts the rating that stands when a person changes their mind', () => {
    const turn = '{"event":"turn","activityType":"message","conversation":"h","outcome":"answered"}';
    const rate = (helpful: boolean, replaces?: string) =>
      JSON.stringify({
        event: 'feedback',
        conversation: 'h',
        answerId: 'a1',
        helpful,
        outcome: 'answered',
        ...(replaces ? { replaces } : {}),
      });
    // Not helpful, then changed to helpful: one helpful rating stands and the conversation counts as deflected.
    const changed = buildReport([turn, rate(false), rate(true, 'not-helpful')]);
    expect(changed.feedback).toEqual({ helpful: 1, notHelpful: 0, helpfulRate: 1, commented: 0 });
    expect(changed.deflected).toBe(1);
    // And the other way round: not deflected.
    const back = buildReport([turn, rate(true), rate(false, 'helpful')]);
    expect(back.feedback).toEqual({ helpful: 0, notHelpful: 1, helpfulRate: 0, commented: 0 });
    expect(back.deflected).toBe(0);
  });

  it('does not count a question in a language the bot does not read as answered', () => {
    const report = buildReport(['{"event":"turn","activityType":"message","conversation":"i","outcome":"unsupported-language"}']);
    expect(report.askingConversations).toBe(1);
    expect(report.deflected).toBe(0);
    expect(report.outcomes).toEqual({ 'unsupported-language': 1 });
  });

  it('prints a table, and JSON with --json, from a file', () => {
    expect(formatReport(buildReport(lines))).toMatch(/deflected .*2 \(33\.3%\)/);
    const run = runCli('cli/report.js', [FIXTURE, '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).deflected).toBe(2);
  });

  it('says so when the log cannot be read', () => {
    const run = runCli('cli/report.js', ['/nonexistent.log']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/cannot read/);
  });
});
