#!/usr/bin/env node
// Turns the understanding evaluation sets (tests/eval/understanding/<half>-*.jsonl, written blind: one line
// per question class) into conversations for the shared judge, so they run against the real bot over the
// Bot Framework protocol:
//   node scripts/understanding-judge-cases.mjs unseen > /tmp/u-unseen.judge.jsonl
//   node ../shared/eval/judge.mjs --cases /tmp/u-unseen.judge.jsonl --url http://127.0.0.1:3978/api/messages
// (never with --verbose for the unseen half: its wordings are not to be read). Each case's category is its
// class and language, so the judge's per-category table gives the score of every class.
//
// What a good reply to the last turn must say is written here once per expectation, from the monograph's
// facts, never from the bot's own sentences: every reply also carries the disclaimer ("talk to your doctor
// ... before you start, stop or change any treatment"), so no check below can be met by the disclaimer.
import { join } from 'node:path';
import { LOCALES, halfFromArgs, readHalf } from './eval-halves.mjs';

const half = halfFromArgs('understanding-judge-cases.mjs');
const dir = join(import.meta.dirname, '..', 'tests', 'eval', 'understanding');

/** The pending question's topic, answered after the therapy is named (clarify). */
const TOPIC = {
  pregnancy: [String.raw`pregnan`],
  'breast-feeding': [String.raw`breast-?feeding|nursing`],
  'brain-injury': [String.raw`brain injur`],
  children: [String.raw`child|kids?\b|no specific information`],
  'side-effects': [String.raw`side effects?|nobody knows (yet )?whether|reported problems`],
  safety: [String.raw`\bsafe(ty)?\b`],
  interactions: [String.raw`interact`],
  'how-it-works': [String.raw`skull|cerebrospinal|rhythm`],
  'evidence-for-condition': [String.raw`evidence|rating|rated`],
  practitioners: [String.raw`massage therapists|chiropractors|naturopath`],
  regulation: [String.raw`regulat|licens|standards`],
  overview: [String.raw`massage|skull|spine`],
};

/** One specific fact of the monograph, from the field that holds it (fact). */
const FACT = {
  creator: [String.raw`Upledger`, String.raw`osteopath`],
  claims: [String.raw`skull|rhythm|cerebrospinal|fluid`, String.raw`practitioners|claim|believe|hold`],
  'evidence-on-claims': [String.raw`do(es)? not (actually )?move|no (good |reliable )?evidence|not supported|isn't supported`],
  practitioners: [String.raw`massage therapists|chiropractors|naturopath`],
  regulation: [String.raw`regulat|licens`],
  'uses-count': [String.raw`\b1[0-9]\b|eighteen|seventeen|nineteen`, String.raw`insufficient evidence`],
  'brain-injury': [String.raw`brain injur`],
  'side-effects': [String.raw`side effects?|nobody knows (yet )?whether|reported problems|safe`],
};

/** Whom a precaution concerns (population). */
const NOT_THEM = String.raw`(does(n't| not)|wouldn't|would not) apply|not (meant )?for you|only (to|for) (the )?(person|people|someone|those|women) who`;
const NOTHING_SPECIFIC = String.raw`no specific information|nothing specific|does(n't| not) say (anything )?(specific|about)|no information (about|on|for)`;
const WHO = {
  'partner-of-pregnant': [NOT_THEM],
  'former-breast-feeding': [NOT_THEM],
  newborn: [NOTHING_SPECIFIC],
  child: [NOTHING_SPECIFIC],
  teenager: [NOTHING_SPECIFIC],
  'older-adult': [NOTHING_SPECIFIC],
};

/** Questions about the bot itself (about-bot). */
const ABOUT = {
  maker: [String.raw`(made|built|developed|created|run|provided) by`],
  'is-human': [String.raw`automated|not a (person|human)|a (computer )?program`],
  'is-doctor': [String.raw`not a doctor`],
  'is-ai': [String.raw`automated|not (an? )?(AI|language model|chatbot that generates)|doesn't generate|not generated`],
  'can-diagnose': [
    String.raw`can('|no)?t (examine you, )?(diagnose|prescribe)|cannot (diagnose|prescribe)|not able to (diagnose|prescribe)|diagnose anything`,
  ],
  trust: [String.raw`(trust|follow|listen to) (your|a) (doctor|health professional)|not a substitute|can't examine you`],
  coverage: [String.raw`I (only )?cover|right now I cover|only (answer|help) (with )?questions about`],
  currency: [String.raw`\b20\d\d\b`],
  source: [String.raw`Natural Medicines|monograph`],
  privacy: [String.raw`(store|keep|log|record|save|share)s?\b.*(what you (type|write)|messages?|conversation)|personal (data|information)`],
};

function lastTurnChecks(c) {
  const e = c.expect;
  switch (c.class) {
    case 'handoff':
      return { must: [], handoff: true };
    case 'clarify':
      return { must: TOPIC[e.topic] ?? fail(c) };
    case 'fact':
      return { must: FACT[e.fact] ?? fail(c) };
    case 'false-premise':
      // The premise corrected in words, not only a rating that happens to contradict it.
      return {
        must: [
          String.raw`(claim|that|this|it) (isn't|is not|wasn't|was not) (supported|proven|true|right|correct|established)|not (been )?(proven|shown|established)|no (good |reliable )?evidence (that|for)`,
        ],
      };
    case 'population':
      return { must: WHO[e.who] ?? fail(c) };
    case 'same-as':
      return {
        must: [
          String.raw`not the same|isn't the same|different (therapy|thing|practice)`,
          String.raw`(don't|do not) have (any )?information|no information`,
        ],
        mustNot: [String.raw`is another name for`],
      };
    case 'about-bot':
      return { must: ABOUT[e.about] ?? fail(c) };
    case 'medication-change':
      return { must: [String.raw`prescrib`] };
    case 'list-compare':
      if (e.reply === 'uses-list')
        return { must: [String.raw`migraine`, String.raw`fibromyalgia|TMJ|autism|vertigo`, String.raw`insufficient evidence`] };
      return { must: [String.raw`compar`] };
    case 'other-language':
      // Says which languages it reads, and answers nothing from a monograph it only half understood.
      return {
        must: [String.raw`English\b.{0,30}\bSpanish\b.{0,30}\bFrench`],
        mustNot: [String.raw`skull|cerebrospinal|Upledger|insufficient evidence|not enough is known|avoid it`],
      };
    case 'supported-language':
      // Read as the question it is: about craniosacral therapy, not turned away for its language.
      return {
        must: [String.raw`craniosacral|cranio-?sacr|craneosacral|CST`],
        mustNot: [String.raw`English\b.{0,30}\bSpanish\b.{0,30}\bFrench`],
      };
    default:
      return fail(c);
  }
}

function fail(c) {
  throw new Error(`${c.id}: no check for ${JSON.stringify(c.expect)} in class ${c.class}`);
}

for (const c of readHalf(dir, half)) {
  const last = { must: [], mustNot: [], handoff: false, ...lastTurnChecks(c) };
  // Earlier turns are the conversation leading up to the question: any reply will do, but never a handoff
  // nobody asked for (a handoff case's earlier turns do not ask for a person).
  const turns = c.turns.map((text, i) => (i === c.turns.length - 1 ? { text, ...last } : { text, must: [], mustNot: [], handoff: false }));
  console.log(JSON.stringify({ id: c.id, category: `${c.class}/${c.lang}`, channel: 'emulator', locale: LOCALES[c.lang], turns }));
}
