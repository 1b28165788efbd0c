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
import { inLanguage } from './eval-languages.mjs';

const half = halfFromArgs('understanding-judge-cases.mjs');
const dir = join(import.meta.dirname, '..', 'tests', 'eval', 'understanding');

// Each check is written per language: an es or fr case is sent with its language's locale and must be
// answered in that language (eval-languages.mjs), with the facts in that language's monograph.
const R = String.raw;

/** The pending question's topic, answered after the therapy is named (clarify). */
const TOPIC = {
  pregnancy: { en: [R`pregnan`], es: [R`embaraz`], fr: [R`grossesse|enceinte`] },
  'breast-feeding': { en: [R`breast-?feeding|nursing`], es: [R`lactancia|pecho`], fr: [R`allait`] },
  'brain-injury': { en: [R`brain injur`], es: [R`lesi[oó]n cerebral`], fr: [R`l[ée]sion c[ée]r[ée]brale|traumatisme cr[aâ]nien`] },
  children: {
    en: [R`child|kids?\b|no specific information`],
    es: [R`niñ|no tiene informaci[oó]n espec[ií]fica`],
    fr: [R`enfant|pas d'information pr[ée]cise`],
  },
  'side-effects': {
    en: [R`side effects?|nobody knows (yet )?whether|reported problems`],
    es: [R`efectos? secundarios?|nadie sabe|problemas`],
    fr: [R`effets? secondaires?|personne ne sait|probl[eè]mes`],
  },
  safety: { en: [R`\bsafe(ty)?\b`], es: [R`segur`], fr: [R`s[ée]curit[ée]|sans danger|s[ûu]re?\b`] },
  interactions: { en: [R`interact`], es: [R`interacci`], fr: [R`interaction`] },
  'how-it-works': {
    en: [R`skull|cerebrospinal|rhythm`],
    es: [R`cr[aá]neo|cefalorraqu[ií]deo|ritmo`],
    fr: [R`cr[aâ]ne|c[ée]phalo-rachidien|rythme`],
  },
  'evidence-for-condition': { en: [R`evidence|rating|rated`], es: [R`evidencia|prueba|valoraci`], fr: [R`preuve|[ée]valu|niveau`] },
  practitioners: {
    en: [R`massage therapists|chiropractors|naturopath`],
    es: [R`masajistas|quiropr[aá]cticos|naturopat`],
    fr: [R`massoth[ée]rapeutes|chiropracteurs|naturopath`],
  },
  regulation: { en: [R`regulat|licens|standards`], es: [R`regulad|licencia|normas`], fr: [R`r[ée]glement|permis|normes`] },
  overview: { en: [R`massage|skull|spine`], es: [R`masaje|cr[aá]neo|columna`], fr: [R`massage|cr[aâ]ne|colonne`] },
};

/** One specific fact of the monograph, from the field that holds it (fact). */
const FACT = {
  creator: { en: [R`Upledger`, R`osteopath`], es: [R`Upledger`, R`oste[oó]pata`], fr: [R`Upledger`, R`ost[ée]opathe`] },
  claims: {
    en: [R`skull|rhythm|cerebrospinal|fluid`, R`practitioners|claim|believe|hold`],
    es: [R`cr[aá]neo|ritmo|cefalorraqu[ií]deo|l[ií]quido`, R`practican|sostienen|afirman|dicen|profesionales`],
    fr: [R`cr[aâ]ne|rythme|c[ée]phalo-rachidien|liquide`, R`pratiquent|soutiennent|affirment|praticiens`],
  },
  'evidence-on-claims': {
    en: [R`do(es)? not (actually )?move|no (good |reliable )?evidence|not supported|isn't supported`],
    es: [R`no se mueven|ninguna prueba|no (est[aá] )?respaldad`],
    fr: [R`ne bougent pas|aucune preuve|pas [ée]tay[ée]`],
  },
  practitioners: TOPIC.practitioners,
  regulation: { en: [R`regulat|licens`], es: [R`regulad|licencia`], fr: [R`r[ée]glement|permis`] },
  'uses-count': {
    en: [R`\b1[0-9]\b|eighteen|seventeen|nineteen`, R`insufficient evidence`],
    es: [R`\b1[0-9]\b|dieciocho`, R`evidencia insuficiente`],
    fr: [R`\b1[0-9]\b|dix-huit`, R`preuves insuffisantes`],
  },
  'brain-injury': TOPIC['brain-injury'],
  'side-effects': {
    en: [R`side effects?|nobody knows (yet )?whether|reported problems|safe`],
    es: [R`efectos? secundarios?|nadie sabe|problemas|segur`],
    fr: [R`effets? secondaires?|personne ne sait|probl[eè]mes|sans danger|s[ée]curit[ée]`],
  },
};

/** Whom a precaution concerns (population). */
const NOT_THEM = {
  en: R`(does(n't| not)|wouldn't|would not) apply|not (meant )?for you|only (to|for) (the )?(person|people|someone|those|women) who`,
  es: R`no se aplica a usted|no (es|va) para usted|no le (afecta|concierne)`,
  fr: R`ne vous concerne pas|ne s'applique pas [àa] vous`,
};
const NOTHING_SPECIFIC = {
  en: R`no specific information|nothing specific|does(n't| not) say (anything )?(specific|about)|no information (about|on|for)`,
  es: R`no tiene informaci[oó]n espec[ií]fica|nada espec[ií]fico|no dice nada`,
  fr: R`pas d'informations? pr[ée]cises?|rien de pr[ée]cis|ne dit rien`,
};
const WHO = {
  'partner-of-pregnant': NOT_THEM,
  'former-breast-feeding': NOT_THEM,
  newborn: NOTHING_SPECIFIC,
  child: NOTHING_SPECIFIC,
  teenager: NOTHING_SPECIFIC,
  'older-adult': NOTHING_SPECIFIC,
};

/** Questions about the bot itself (about-bot). */
const ABOUT = {
  maker: {
    en: R`(made|built|developed|created|run|provided) by`,
    es: R`(creado|gestionado|desarrollado|ofrecido) (y gestionado )?por`,
    fr: R`(con[çc]u|g[ée]r[ée]|d[ée]velopp[ée]|cr[ée][ée]) (et g[ée]r[ée] )?par`,
  },
  'is-human': {
    en: R`automated|not a (person|human)|a (computer )?program`,
    es: R`autom[aá]tico|no soy una persona|programa`,
    fr: R`automatis[ée]|pas une personne|programme`,
  },
  'is-doctor': { en: R`not a doctor`, es: R`ni un m[ée]dico|no soy (un )?m[ée]dico`, fr: R`ni un m[ée]decin|pas (un )?m[ée]decin` },
  'is-ai': {
    en: R`automated|not (an? )?(AI|language model|chatbot that generates)|doesn't generate|not generated`,
    es: R`autom[aá]tico|modelo de lenguaje|no genero`,
    fr: R`automatis[ée]|mod[eè]le de langage|ne produis pas`,
  },
  'can-diagnose': {
    en: R`can('|no)?t (examine you, )?(diagnose|prescribe)|cannot (diagnose|prescribe)|not able to (diagnose|prescribe)|diagnose anything`,
    es: R`no puedo (examinarle, )?(diagnosticar|recetar)|diagnosticar (nada|ni)`,
    fr: R`ne peux (pas|ni) (vous examiner, )?(poser de diagnostic|prescrire)|diagnostic`,
  },
  trust: {
    en: R`(trust|follow|listen to) (your|a) (doctor|health professional)|not a substitute|can't examine you`,
    es: R`conf[ií]e en su m[ée]dico|no sustituyo|puede examinarle`,
    fr: R`faites confiance [àa] votre m[ée]decin|ne remplace pas|peut vous examiner`,
  },
  coverage: {
    en: R`I (only )?cover|right now I cover|only (answer|help) (with )?questions about`,
    es: R`tengo informaci[oó]n sobre|solo respondo|solo puedo responder`,
    fr: R`je couvre|je r[ée]ponds uniquement|ne peux r[ée]pondre`,
  },
  currency: { en: R`\b20\d\d\b`, es: R`\b20\d\d\b`, fr: R`\b20\d\d\b` },
  source: { en: R`Natural Medicines|monograph`, es: R`Natural Medicines|monograf`, fr: R`Natural Medicines|monograph` },
  privacy: {
    en: R`(store|keep|log|record|save|share)s?\b.*(what you (type|write)|messages?|conversation)|personal (data|information)`,
    es: R`(guarda|registr|estad[ií]stic|comparta)|informaci[oó]n personal`,
    fr: R`(conserve|enregistr|statistiques|communiquez)|informations personnelles`,
  },
};

const FALSE_PREMISE = {
  en: R`(claim|that|this|it) (isn't|is not|wasn't|was not) (supported|proven|true|right|correct|established)|not (been )?(proven|shown|established)|no (good |reliable )?evidence (that|for)`,
  es: R`no est[aá] respaldad|no se ha demostrado|ninguna prueba`,
  fr: R`n'est pas [ée]tay[ée]|pas ([ée]t[ée] )?d[ée]montr[ée]|aucune preuve`,
};
const SAME_AS = {
  en: [R`not the same|isn't the same|different (therapy|thing|practice)`, R`(don't|do not) have (any )?information|no information`],
  es: [R`no es lo mismo|terapia distinta|otra terapia`, R`no tengo (ninguna )?informaci[oó]n`],
  fr: [R`pas la m[eê]me chose|autre th[ée]rapie|diff[ée]rente`, R`pas d'informations?`],
};
const ALSO_CALLED = { en: R`is another name for`, es: R`es otro nombre de`, fr: R`est un autre nom` };
const PRESCRIBED = { en: R`prescrib`, es: R`recet|prescri`, fr: R`prescri` };
const USES_LIST = {
  en: [R`migraine`, R`fibromyalgia|TMJ|autism|vertigo`, R`insufficient evidence`],
  es: [R`migra[ñn]a`, R`fibromialgia|ATM|autismo|v[ée]rtigo`, R`evidencia insuficiente`],
  fr: [R`migraine`, R`fibromyalgie|ATM|autisme|vertige`, R`preuves insuffisantes`],
};
const COMPARE = { en: R`compar`, es: R`compar`, fr: R`compar` };

/** The value for the case's language: a list of regexes or one. */
function of(table, c) {
  const value = table?.[c.lang] ?? table?.en;
  if (value === undefined) fail(c);
  return Array.isArray(value) ? value : [value];
}

function lastTurnChecks(c) {
  const e = c.expect;
  switch (c.class) {
    case 'handoff':
      return { must: [], handoff: true };
    case 'clarify':
      return { must: of(TOPIC[e.topic], c) };
    case 'fact':
      return { must: of(FACT[e.fact], c) };
    case 'false-premise':
      // The premise corrected in words, not only a rating that happens to contradict it.
      return { must: of(FALSE_PREMISE, c) };
    case 'population':
      return { must: of(WHO[e.who], c) };
    case 'same-as':
      return { must: of(SAME_AS, c), mustNot: of(ALSO_CALLED, c) };
    case 'about-bot':
      return { must: of(ABOUT[e.about], c) };
    case 'medication-change':
      return { must: of(PRESCRIBED, c) };
    case 'list-compare':
      if (e.reply === 'uses-list') return { must: of(USES_LIST, c) };
      return { must: of(COMPARE, c) };
    case 'other-language':
      // Says which languages it reads, and answers nothing from a monograph it only half understood.
      return {
        must: [R`English\b.{0,30}\bSpanish\b.{0,30}\bFrench`],
        mustNot: [R`skull|cerebrospinal|Upledger|insufficient evidence|not enough is known|avoid it`],
      };
    case 'supported-language':
      // Read as the question it is: about craniosacral therapy, not turned away for its language.
      return {
        must: [R`craniosacral|cranio-?sacr|craneosacral|crânio-sacrée|CST`],
        mustNot: [R`English\b.{0,30}\bSpanish\b.{0,30}\bFrench|ingl[ée]s, espa[ñn]ol o franc[ée]s|anglais, en espagnol ou en fran[çc]ais`],
      };
    default:
      return fail(c);
  }
}

/** An English, Spanish or French case is answered in its language (the locale's and the text's). */
function languageChecks(c) {
  return c.lang in LOCALES ? inLanguage(c.lang) : { must: [], mustNot: [] };
}

function fail(c) {
  throw new Error(`${c.id}: no check for ${JSON.stringify(c.expect)} in class ${c.class}`);
}

for (const c of readHalf(dir, half)) {
  const checks = lastTurnChecks(c);
  const language = languageChecks(c);
  const last = {
    must: [...checks.must, ...language.must],
    mustNot: [...(checks.mustNot ?? []), ...language.mustNot],
    handoff: checks.handoff ?? false,
  };
  // Earlier turns are the conversation leading up to the question: any reply will do, but never a handoff
  // nobody asked for (a handoff case's earlier turns do not ask for a person).
  const turns = c.turns.map((text, i) => (i === c.turns.length - 1 ? { text, ...last } : { text, must: [], mustNot: [], handoff: false }));
  console.log(JSON.stringify({ id: c.id, category: `${c.class}/${c.lang}`, channel: 'emulator', locale: LOCALES[c.lang], turns }));
}
