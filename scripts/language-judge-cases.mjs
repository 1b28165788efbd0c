#!/usr/bin/env node
// Turns the language evaluation sets (tests/eval/languages/<half>-*.jsonl, written blind from one line per
// class: answering in the person's language, a locale that is not the text's, short follow-ups, a switch,
// emergencies by region) into conversations for the shared judge:
//   node scripts/language-judge-cases.mjs unseen > /tmp/l-unseen.judge.jsonl
//   node ../shared/eval/judge.mjs --cases /tmp/l-unseen.judge.jsonl --url http://127.0.0.1:3978/api/messages
// (never with --verbose for the unseen half). Each case is sent with its own locale. The last reply must be
// in the expected language; a topic, when given, must be answered (words from the monograph's facts in that
// language); an emergency must give the numbers of the locale's region, or none at all for a region without
// recorded numbers.
import { join } from 'node:path';
import { halfFromArgs, readHalf } from './eval-halves.mjs';
import { ANY_EMERGENCY, emergencyMarker, emergencyNumberChecks, inLanguage } from './eval-languages.mjs';

const half = halfFromArgs('language-judge-cases.mjs');
const dir = join(import.meta.dirname, '..', 'tests', 'eval', 'languages');

/** What an answer on each topic must hold, in each language, from the monograph's facts. */
const TOPIC = {
  overview: { es: String.raw`masaje|cráneo|columna`, fr: String.raw`massage|crâne|colonne` },
  effectiveness: {
    es: String.raw`prueba|valoraci[oó]n|eficaz|insuficiente`,
    fr: String.raw`preuve|[ée]valuation|efficace|insuffisant|niveau`,
  },
  safety: { es: String.raw`segur`, fr: String.raw`s[ûu]re?s?\b|s[ée]curit[ée]|sans danger` },
  pregnancy: { es: String.raw`embaraz`, fr: String.raw`grossesse|enceinte` },
  interactions: { es: String.raw`interacci`, fr: String.raw`interaction` },
  practice: {
    es: String.raw`masajistas|quiropr[aá]ctic|naturopat|licencia|regula|normas`,
    fr: String.raw`massoth[ée]rapeutes|chiropra|naturopath|r[ée]glement|licence|norme`,
  },
};

function lastTurnChecks(c) {
  const e = c.expect;
  const language = e.language ?? c.locale.split('-')[0];
  const { must, mustNot } = inLanguage(language);
  if (c.class === 'regional-emergency') {
    const numbers = emergencyNumberChecks(c.locale, e.kind);
    return { must: [emergencyMarker(language), ...numbers.must], mustNot: numbers.mustNot };
  }
  // Not an emergency: never the emergency reply.
  const checks = { must: [...must], mustNot: [...mustNot, ANY_EMERGENCY] };
  if (e.topic === 'handoff') return { ...checks, handoff: true };
  if (e.topic) checks.must.push(TOPIC[e.topic][language]);
  return checks;
}

for (const c of readHalf(dir, half)) {
  const last = { must: [], mustNot: [], handoff: false, ...lastTurnChecks(c) };
  const turns = c.turns.map((text, i) => (i === c.turns.length - 1 ? { text, ...last } : { text, must: [], mustNot: [], handoff: false }));
  const language = c.expect.language ?? c.locale.split('-')[0];
  console.log(JSON.stringify({ id: c.id, category: `${c.class}/${language}`, channel: 'emulator', locale: c.locale, turns }));
}
