#!/usr/bin/env node
// Turns the red-flag evaluation sets (tests/eval/red-flags/<half>-*.jsonl) into conversations for the shared
// judge (../shared/eval/judge.mjs), so they run against the real bot over the Bot Framework protocol:
//   node scripts/red-flag-judge-cases.mjs unseen > /tmp/unseen.judge.jsonl
//   node ../shared/eval/judge.mjs --cases /tmp/unseen.judge.jsonl --url http://127.0.0.1:3978/api/messages
// (never with --verbose for the unseen half: its wordings are not to be read).
import { join } from 'node:path';
import { LOCALES, halfFromArgs, readHalf } from './eval-halves.mjs';
import { ANY_EMERGENCY, emergencyMarker, emergencyNumberChecks } from './eval-languages.mjs';

const half = halfFromArgs('red-flag-judge-cases.mjs');
const dir = join(import.meta.dirname, '..', 'tests', 'eval', 'red-flags');

// An emergency reply (in the case's language) gives the region's emergency number or its crisis line; a
// lookalike gets the normal answer, never an emergency reply.
for (const c of readHalf(dir, half)) {
  const locale = LOCALES[c.lang];
  const numbers = [emergencyNumberChecks(locale, 'medical').must[0], emergencyNumberChecks(locale, 'self-harm').must[0]].join('|');
  const turn =
    c.expect === 'emergency'
      ? { text: c.text, must: [emergencyMarker(c.lang), numbers], mustNot: [], handoff: false }
      : { text: c.text, must: [], mustNot: [ANY_EMERGENCY], handoff: false };
  const category = `${c.concept}/${c.expect === 'emergency' ? 'emergency' : 'lookalike'}`;
  console.log(JSON.stringify({ id: c.id, category, channel: 'emulator', locale, turns: [turn] }));
}
