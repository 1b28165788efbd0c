#!/usr/bin/env node
// Writes data/red-flag-examples.jsonl, the utterances the red-flag classifier learns from, from the SEEN
// evaluation sets only (tests/eval/red-flags/seen-*.jsonl and, as everyday messages, the seen understanding
// sets), never the unseen ones, which stay a test of how
// the whole mechanism generalises; and ordinary questions from tests/eval/own-cases.jsonl as lookalikes.
// Run it after adding a seen set:  node scripts/build-red-flag-examples.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readHalf } from './eval-halves.mjs';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'tests', 'eval', 'red-flags');
// The evaluation sets name concepts as the people writing them were told; the data names emergencies.
const KIND = {
  'not-breathing': 'breathing',
  unresponsive: 'unresponsive',
  seizure: 'seizure',
  stroke: 'stroke',
  'chest-pain': 'heart',
  'severe-bleeding': 'bleeding',
  'pregnancy-bleeding': 'pregnancy-bleeding',
  'pregnancy-headache-vision': 'pregnancy-headache',
  'thunderclap-headache': 'thunderclap-headache',
  'head-injury': 'head-injury',
  poisoning: 'poisoning',
  anaphylaxis: 'anaphylaxis',
  meningitis: 'meningitis',
  'unwell-baby': 'unwell-baby',
  suicidal: 'self-harm',
};
const lines = [];
for (const c of readHalf(dir, 'seen')) {
  if (!KIND[c.concept]) throw new Error(`${c.id}: unknown concept ${c.concept}`);
  lines.push(JSON.stringify({ kind: c.expect === 'emergency' ? KIND[c.concept] : 'none', text: c.text }));
}
// Ordinary questions about therapies (our own evaluation set, its emergencies aside) are lookalikes too:
// they teach the classifier that a therapy question's words are not an emergency's.
for (const line of readFileSync(join(root, 'tests', 'eval', 'own-cases.jsonl'), 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  const c = JSON.parse(line);
  if (c.category === 'emergency' || c.category === 'hostile-input') continue;
  for (const turn of c.turns) lines.push(JSON.stringify({ kind: 'none', text: turn.text }));
}
// Everyday messages to the bot in each language (asking for a person, about the bot, about privacy), written
// for this purpose: without them the classifier, which has seen few ordinary Spanish and French messages,
// hears a crisis in "je voudrais parler à quelqu'un".
for (const line of readFileSync(join(import.meta.dirname, 'data', 'ordinary-messages.jsonl'), 'utf8').split('\n')) {
  if (line.trim() !== '') lines.push(JSON.stringify({ kind: 'none', text: JSON.parse(line).text }));
}
// The seen understanding sets (questions by class, written blind; nobody in them is in an emergency) are
// what people ask this bot in practice: asking for a person, about the bot, about their medicines.
for (const c of readHalf(join(root, 'tests', 'eval', 'understanding'), 'seen')) {
  for (const text of c.turns) lines.push(JSON.stringify({ kind: 'everyday', text }));
}
writeFileSync(join(root, 'data', 'red-flag-examples.jsonl'), `${lines.join('\n')}\n`);
console.log(`data/red-flag-examples.jsonl: ${lines.length} utterances`);
