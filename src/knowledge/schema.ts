// The shape of the knowledge the bot answers from. The JSON files in data/ are the source of
// truth; these zod schemas are the contract that start-up and `npm run validate-data` enforce.
import { z } from 'zod';

/** Natural Medicines effectiveness scale, strongest "works" to strongest "does not work". */
export const EVIDENCE_RATINGS = [
  'effective',
  'likely-effective',
  'possibly-effective',
  'possibly-ineffective',
  'likely-ineffective',
  'ineffective',
  'insufficient-evidence',
] as const;
export const EvidenceRating = z.enum(EVIDENCE_RATINGS);
export type EvidenceRating = z.infer<typeof EvidenceRating>;

/** Natural Medicines safety scale. */
export const SAFETY_RATINGS = [
  'likely-safe',
  'possibly-safe',
  'possibly-unsafe',
  'likely-unsafe',
  'unsafe',
  'insufficient-information',
] as const;
export const SafetyRating = z.enum(SAFETY_RATINGS);
export type SafetyRating = z.infer<typeof SafetyRating>;

/** What a precaution tells a person in that situation to do. */
export const PRECAUTION_ADVICE = ['avoid', 'caution'] as const;
export const PrecautionAdvice = z.enum(PRECAUTION_ADVICE);
export type PrecautionAdvice = z.infer<typeof PrecautionAdvice>;

export const MONOGRAPH_KINDS = ['therapy', 'herb', 'supplement'] as const;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "craniosacral-therapy"');
const text = z.string().trim().min(1, 'must not be empty');
const isoDate = z.iso.date('must be a date written YYYY-MM-DD');

/** One fact in the bot's own words, with the id of the source it comes from. */
export const Statement = z.strictObject({ text, source: slug });
export type Statement = z.infer<typeof Statement>;
const statements = z.array(Statement).min(1, 'needs at least one statement');

export const OtherName = z.strictObject({
  name: text,
  /** BCP 47 language tag of the name, e.g. "en", "fr". */
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "fr"'),
  abbreviation: z.boolean().optional(),
  /** Set when the name is a plain translation of another listed name rather than a listed name itself. */
  translationOf: text.optional(),
});
export type OtherName = z.infer<typeof OtherName>;

export const Use = z.strictObject({
  /** Id of an entry in the condition lexicon (data/conditions.json). */
  condition: slug,
  rating: EvidenceRating,
  note: text.optional(),
  source: slug,
});
export type Use = z.infer<typeof Use>;

export const Precaution = z.strictObject({
  id: slug,
  /** Display name of the population or situation, e.g. "Pregnancy and breast-feeding". */
  label: text,
  /** Lexicon ids that bring this precaution into play (pregnancy, breast-feeding, brain-injury, ...). */
  appliesTo: z.array(slug).min(1, 'needs at least one lexicon id'),
  advice: PrecautionAdvice,
  statements,
  /** Symptoms people reported as worse, when the source lists them. */
  reportedEffects: z.array(text).optional(),
});
export type Precaution = z.infer<typeof Precaution>;

export const KnownInteraction = z.strictObject({ with: text, statements });

export const Source = z.strictObject({
  id: slug,
  title: text,
  publisher: text,
  year: z.number().int().min(1900).max(2100),
  /** Where the copy used was read, when it is not the publisher itself. */
  via: text.optional(),
});
export type Source = z.infer<typeof Source>;

export const Monograph = z.strictObject({
  id: slug,
  name: text,
  kind: z.enum(MONOGRAPH_KINDS),
  otherNames: z.array(OtherName),
  overview: statements,
  howItWorks: z.strictObject({
    /** What practitioners believe or claim. */
    claims: statements,
    /** What is actually known about those claims. */
    evidence: statements,
  }),
  practice: z.strictObject({
    practitioners: z.strictObject({ names: z.array(text).min(1), source: slug }),
    regulation: statements,
  }),
  uses: z.array(Use),
  /** The monograph's blanket rating for conditions it does not list one by one. */
  otherConditions: z.strictObject({ rating: EvidenceRating, source: slug }).optional(),
  safety: z.strictObject({ rating: SafetyRating, statements }),
  precautions: z.array(Precaution),
  interactions: z.strictObject({ known: z.array(KnownInteraction), statements }),
  /** Absent when the source gives no dosing, session or frequency information. */
  dosing: z.strictObject({ statements }).optional(),
  sources: z.array(Source).min(1, 'needs at least one source'),
  reviewed: isoDate,
});
export type Monograph = z.infer<typeof Monograph>;

export const LEXICON_KINDS = ['condition', 'population'] as const;

export const LexiconEntry = z.strictObject({
  id: slug,
  name: text,
  /** "condition" for health problems; "population" for situations such as pregnancy. */
  kind: z.enum(LEXICON_KINDS),
  /** Other words people type for it: lay terms, abbreviations, plurals, British and American spellings. */
  synonyms: z.array(text),
  /** Looser phrasings in the pattern language of src/text/phrases.ts ("hit|banged * head"). */
  patterns: z.array(text).optional(),
});
export type LexiconEntry = z.infer<typeof LexiconEntry>;

export const ConditionLexicon = z.strictObject({ conditions: z.array(LexiconEntry).min(1) });

const RatingMeaning = z.strictObject({ label: text, meaning: text });
export type RatingMeaning = z.infer<typeof RatingMeaning>;

/** data/ratings.json: a label and a one-line plain-English meaning for every rating level. */
export const RatingScales = z.strictObject({
  evidence: z.record(EvidenceRating, RatingMeaning),
  safety: z.record(SafetyRating, RatingMeaning),
});
export type RatingScales = z.infer<typeof RatingScales>;

/** Topics a question can be about; cue phrases for each live in data/cues.json. */
export const TOPICS = [
  'overview',
  'how-it-works',
  'effectiveness',
  'uses',
  'safety',
  'interactions',
  'dosing',
  'other-names',
  'practice',
  'comparison',
  'medical-advice',
] as const;
export const Topic = z.enum(TOPICS);
export type Topic = z.infer<typeof Topic>;

/** A list of phrases in the pattern language of src/text/phrases.ts. */
const phrases = z.array(text).min(1);

/** Word lists usable in phrases as "@name"; each item is one word. */
const wordList = z.array(z.string().regex(/^[^\s|*#@]+$/, 'must be a single word without | * # @')).min(1);

/** data/cues.json: the phrases that tell understanding what a message is about. */
export const Cues = z.strictObject({
  /** Word lists for "@name" in any phrase: "@medicine" is any common medicine's name. */
  wordLists: z.record(z.string().regex(/^[a-z]+$/), wordList),
  greeting: phrases,
  help: phrases,
  thanks: phrases,
  goodbye: phrases,
  /** Clear the conversation's context and any pending question. */
  startOver: phrases,
  /** Ask for a person: the bot hands the conversation to the support desk. Words such as "agent" alone
   * count only in a short message ("operator"); a clear request counts anywhere. */
  handoff: z.strictObject({ anywhere: phrases, shortMessage: phrases }),
  /** Whole-message answers to "did you mean …?". */
  yes: phrases,
  no: phrases,
  /** Typed feedback on the last answer, for channels without card buttons. */
  feedback: z.strictObject({ helpful: phrases, notHelpful: phrases }),
  aboutBot: z.strictObject({ identity: phrases, sources: phrases, currency: phrases }),
  topics: z.record(Topic, phrases),
  /** Phrases that assert a therapy works ("it's proven"), so a weak rating is stated as a correction. */
  premise: phrases,
  /** Phrases asking what helps a condition, with no therapy named ("what helps migraines?"). */
  conditionFirst: phrases,
  /** Words that refer to a therapy without naming it ("is it safe?"). */
  anaphora: phrases,
  /** Words that end a therapy's name ("Bowen therapy", "valerian root"): how unknown therapies are spotted. */
  therapyHeadNouns: phrases,
  /** Words too general to stand for a therapy's name on their own ("treatment", "system"). */
  genericTherapyWords: phrases,
  /** Function words that never start, end or make up a misspelt therapy name. */
  stopWords: phrases,
  /** Words before a head noun that do not make a therapy's name ("my therapy", "natural remedies"). */
  notTherapyModifiers: phrases,
});
export type Cues = z.infer<typeof Cues>;

/** data/red-flags.json: emergencies, each with the reply that leads with the action to take. */
export const RedFlags = z.strictObject({
  flags: z
    .array(z.strictObject({ kind: slug, reply: text, patterns: phrases }))
    .min(1),
});
export type RedFlags = z.infer<typeof RedFlags>;

export const OTHER_THERAPY_KINDS = ['therapy', 'herb', 'supplement', 'remedy'] as const;

/** data/other-therapies.json: therapies people ask about that have no monograph here. */
export const OtherTherapies = z.strictObject({
  therapies: z.array(z.strictObject({ name: text, kind: z.enum(OTHER_THERAPY_KINDS), otherNames: z.array(text) })),
});
export type OtherTherapies = z.infer<typeof OtherTherapies>;

/**
 * data/replies.json: the bot's fixed sentences and templates. Placeholders in braces are filled
 * from the monographs ({therapy}, {condition}, {label}, {meaning}, ...); "{therapies}" is the list
 * of monographs loaded, so adding a monograph needs no change here. Templates carry no health facts.
 */
export const Replies = z.strictObject({
  disclaimer: text,
  greeting: text,
  help: text,
  thanks: text,
  goodbye: text,
  acknowledged: text,
  startOver: text,
  feedbackThanks: text,
  handoff: text,
  handoffAfterFailures: text,
  /** Added after an interruption (help, thanks) while a clarifying question is still open. */
  stillWaiting: text,
  notUnderstood: text,
  outOfScope: text,
  unknownTherapy: text,
  clarifyTherapy: text,
  didYouMean: text,
  whichOne: text,
  aboutBot: z.strictObject({ identity: text, sources: text, currency: text }),
  emergency: z.strictObject({ lead: text, tail: text }),
  answer: z.strictObject({
    alsoCalled: text,
    unlistedCondition: text,
    otherConditions: text,
    noRatingAtAll: text,
    premise: text,
    premiseGeneral: text,
    medicalAdvice: text,
    usesIntro: text,
    /** Subject of the rating badge when every use shares one rating. */
    allUses: text,
    dosingMissing: text,
    practitioners: text,
    otherNames: text,
    claimsTitle: text,
    evidenceTitle: text,
    precautionAdvice: z.record(PrecautionAdvice, text),
    reportedEffects: text,
    compareUnknown: text,
    compareCovered: text,
    conditionFirst: text,
    conditionFirstNone: text,
    source: text,
  }),
  /** Follow-up questions offered after an answer, in this order of preference; "{therapy}" is filled. */
  followUps: z.record(z.enum(['overview', 'uses', 'safety', 'pregnancy', 'interactions', 'practice']), text),
  examples: z.array(text).min(1).max(3, 'at most three: Teams shows no more suggested actions'),
});
export type Replies = z.infer<typeof Replies>;
