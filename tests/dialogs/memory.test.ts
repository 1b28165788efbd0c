import { describe, expect, it } from 'vitest';
import {
  MAX_ANSWERS_REMEMBERED,
  MAX_TRANSCRIPT_LINE_CHARS,
  MAX_TRANSCRIPT_LINES,
  emptyMemory,
  findAnswer,
  remember,
  rememberAnswer,
  transcriptOf,
} from '../../dialogs/memory';

describe('conversation transcript', () => {
  it('gives back each line as it was said, by whom and when', () => {
    const memory = emptyMemory();
    const before = new Date().toISOString();
    remember(memory, 'user', '  is CST safe?  two  spaces ');
    remember(memory, 'bot', '');
    remember(memory, 'user', 'bot says hi\nsecond line');
    const lines = transcriptOf(memory);
    expect(lines.map(({ from, text }) => ({ from, text }))).toEqual([
      { from: 'user', text: '  is CST safe?  two  spaces ' },
      { from: 'bot', text: '' },
      { from: 'user', text: 'bot says hi\nsecond line' },
    ]);
    for (const line of lines) expect(line.timestamp >= before && !Number.isNaN(Date.parse(line.timestamp))).toBe(true);
  });

  it('keeps the last lines only, each cut to a bounded length', () => {
    const memory = emptyMemory();
    for (let i = 0; i < MAX_TRANSCRIPT_LINES + 5; i++) remember(memory, 'user', `line ${i}`);
    remember(memory, 'bot', 'x'.repeat(MAX_TRANSCRIPT_LINE_CHARS + 100));
    const lines = transcriptOf(memory);
    expect(lines).toHaveLength(MAX_TRANSCRIPT_LINES);
    expect(lines[0].text).toBe('line 6');
    expect(lines.at(-1)!.text).toBe(`${'x'.repeat(MAX_TRANSCRIPT_LINE_CHARS)}…`);
  });

  it('still reads lines that earlier versions kept as objects', () => {
    const memory = emptyMemory();
    memory.transcript.push({ from: 'bot', text: 'older line', timestamp: '2026-01-01T00:00:00.000Z' });
    remember(memory, 'user', 'newer line');
    expect(transcriptOf(memory).map((line) => line.text)).toEqual(['older line', 'newer line']);
    expect(transcriptOf(memory)[0]).toEqual({ from: 'bot', text: 'older line', timestamp: '2026-01-01T00:00:00.000Z' });
  });
});

describe('remembered answers', () => {
  it('finds a recent answer by id, or the latest, with what it was about', () => {
    const memory = emptyMemory();
    rememberAnswer(memory, { id: 'a1', outcome: 'answered', therapyId: 'craniosacral-therapy', topics: ['safety', 'effectiveness'] });
    rememberAnswer(memory, { id: 'a2', outcome: 'not-understood', topics: [] });
    expect(findAnswer(memory, 'a1')).toEqual({
      id: 'a1',
      outcome: 'answered',
      therapyId: 'craniosacral-therapy',
      topics: ['safety', 'effectiveness'],
    });
    expect(findAnswer(memory)).toEqual({ id: 'a2', outcome: 'not-understood', therapyId: undefined, topics: [] });
    expect(findAnswer(memory, 'nope')).toBeUndefined();
  });

  it(`keeps the last ${MAX_ANSWERS_REMEMBERED}, and still reads records kept as objects`, () => {
    const memory = emptyMemory();
    memory.answers.push({ id: 'old', outcome: 'answered', topics: ['overview'] });
    for (let i = 0; i < MAX_ANSWERS_REMEMBERED - 1; i++) rememberAnswer(memory, { id: `n${i}`, outcome: 'answered', topics: [] });
    expect(findAnswer(memory, 'old')).toEqual({ id: 'old', outcome: 'answered', topics: ['overview'] });
    rememberAnswer(memory, { id: 'newest', outcome: 'answered', topics: [] });
    expect(findAnswer(memory, 'old')).toBeUndefined();
    expect(memory.answers).toHaveLength(MAX_ANSWERS_REMEMBERED);
  });
});
