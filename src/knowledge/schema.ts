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

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "craniosacral-therapy"');
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

export const INTERACTION_SEVERITIES = ['major', 'moderate', 'minor'] as const;

export const KnownInteraction = z.strictObject({
  with: text,
  /** How serious the source rates the combination, and its advice for it ("Be cautious with this combination"). */
  severity: z.enum(INTERACTION_SEVERITIES).optional(),
  advice: text.optional(),
  statements,
});

export const Source = z.strictObject({
  id: slug,
  title: text,
  publisher: text,
  year: z.number().int().min(1900).max(2100),
  /** Where the copy used was read, when it is not the publisher itself. */
  via: text.optional(),
  /** Statements from this source are the licensed publisher's own wording (an imported page): the licence. */
  licence: text.optional(),
  /** When the page was imported (npm run import). */
  imported: isoDate.optional(),
});
export type Source = z.infer<typeof Source>;

export const Monograph = z.strictObject({
  id: slug,
  name: text,
  kind: z.enum(MONOGRAPH_KINDS),
  otherNames: z.array(OtherName),
  overview: statements,
  /** Absent when the source does not say how it works; either list may be empty, not both. */
  howItWorks: z
    .strictObject({
      /** What practitioners believe or claim. */
      claims: z.array(Statement),
      /** What is actually known about those claims. */
      evidence: z.array(Statement),
    })
    .refine((h) => h.claims.length + h.evidence.length > 0, 'needs at least one claim or one statement of evidence')
    .optional(),
  /** Absent when the source does not say who practises it or how that is regulated. */
  practice: z
    .strictObject({
      practitioners: z.strictObject({ names: z.array(text).min(1), source: slug }).optional(),
      regulation: z.array(Statement),
    })
    .refine((p) => p.practitioners !== undefined || p.regulation.length > 0, 'needs practitioners or a statement on regulation')
    .optional(),
  uses: z.array(Use),
  /** The monograph's blanket rating for conditions it does not list one by one. */
  otherConditions: z.strictObject({ rating: EvidenceRating, source: slug }).optional(),
  safety: z.strictObject({ rating: SafetyRating, statements }),
  precautions: z.array(Precaution),
  /** Known interactions one by one, and what the source says in general (at least one of the two). */
  interactions: z
    .strictObject({ known: z.array(KnownInteraction), statements: z.array(Statement) })
    .refine((i) => i.known.length + i.statements.length > 0, 'needs a known interaction or a statement'),
  /** Absent when the source gives no dosing, session or frequency information. */
  dosing: z.strictObject({ statements }).optional(),
  sources: z.array(Source).min(1, 'needs at least one source'),
  reviewed: isoDate,
});
export type Monograph = z.infer<typeof Monograph>;

/** A monograph imported from licensed pages (npm run import): every source carries its licence. */
export function isLicensedImport(m: Monograph): boolean {
  return m.sources.every((s) => s.licence !== undefined);
}

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
  'same-as',
  'medical-advice',
] as const;
export const Topic = z.enum(TOPICS);

/** Questions about the bot itself, each with its cue phrases and its reply. */
export const ABOUT_BOT_QUESTIONS = ['identity', 'maker', 'capabilities', 'trust', 'coverage', 'sources', 'currency', 'privacy'] as const;
export type AboutBotQuestion = (typeof ABOUT_BOT_QUESTIONS)[number];
export type Topic = z.infer<typeof Topic>;

/** A list of phrases in the pattern language of src/text/phrases.ts. */
const phrases = z.array(text).min(1);

/** Word lists usable in phrases as "@name"; each item is one word. */
const wordList = z.array(z.string().regex(/^[^\s|*#@]+$/, 'must be a single word without | * # @')).min(1);

/** data/cues.json: the phrases that tell understanding what a message is about. */
const CueLists = z.strictObject({
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
  handoff: z.strictObject({
    anywhere: phrases,
    shortMessage: phrases,
    /** Words that make a message a request ("can I", "I'd like"): with them, "talk to a real person" asks for
     * one even though "a real person" also reads as a question about the bot. */
    request: phrases,
  }),
  /** Whole-message answers to "did you mean …?". */
  yes: phrases,
  no: phrases,
  /** Typed feedback on the last answer, for channels without card buttons. */
  feedback: z.strictObject({ helpful: phrases, notHelpful: phrases }),
  aboutBot: z.strictObject(Object.fromEntries(ABOUT_BOT_QUESTIONS.map((q) => [q, phrases])) as Record<AboutBotQuestion, typeof phrases>),
  topics: z.record(Topic, phrases),
  /** Phrases that assert a therapy works ("it's proven"), so a weak rating is stated as a correction. */
  premise: phrases,
  /** Phrases asking what helps a condition, with no therapy named ("what helps migraines?"). */
  conditionFirst: phrases,
  /** A population (pregnancy, breast-feeding) that is not the asker's own now: someone else's ("my wife is
   * pregnant, can I have it?") or past ("I stopped breast-feeding"), so its precaution does not apply. */
  populationNotSelf: z.strictObject({
    /** Someone else is in it ("my wife is pregnant") ... */
    someoneElse: phrases,
    /** ... and the asker asks for themselves ("is it OK for me?"). */
    asksForSelf: phrases,
    /** Or the asker was in it before ("I stopped breast-feeding"). */
    past: phrases,
    /** The asker is in it now ("I'm pregnant again", "estoy embarazada"): then a past one does not waive it. */
    selfNow: phrases.default([]),
  }),
  /** Ages ("a 4 year old", "84 years of age") that place a person in a population; see src/understanding/ages.ts. */
  ages: z.strictObject({
    /** Phrases with "#" for the number, by the unit the number counts. */
    units: z.strictObject({ day: phrases, week: phrases, month: phrases, year: phrases }),
    /** The lexicon's population for each age band, youngest first: [upper bound in years (exclusive), id]. */
    bands: z.array(z.tuple([z.number().positive(), z.string()])).min(1),
    /** The population from this age on (older adults). */
    from: z.tuple([z.number().positive(), z.string()]),
  }),
  /** Words that refer to a therapy without naming it ("is it safe?"). */
  anaphora: phrases,
  /** A change to a treatment (stop, halve, replace, skip) and a prescribed treatment (a medicine, physio,
   * surgery) in one message ask for medical advice, wherever the two stand ("been on sertraline two years,
   * could CST replace it?"). */
  medicalAdvice: z.strictObject({ change: phrases, treatment: phrases }),
  /** Words that set two treatments side by side ("or", "vs", "better"): with two therapies named, a comparison. */
  alternatives: phrases,
  /** How people describe a therapy without its name ("the skull one"), by monograph id: read only to
   * complete a question waiting for a therapy. */
  descriptions: z.record(z.string(), phrases),
  /** A correction of the therapy just asked about ("no, I meant craniosacral"): the last question is asked again. */
  correction: phrases,
  /** A repair that asks nothing ("sorry, forgot to say", "hang on", "eh?"): the question before it stays the last one. */
  repair: phrases,
  /** A practitioner reported as saying something ("my chiro says it is proven"): the person quoted, not a
   * therapy asked about. */
  practitionerSays: phrases,
  /** Numbers written as words ("eighty-eight", "nonante"), read as digits by the age reader. */
  numberWords: z.record(z.string().regex(/^[a-z]+$/), z.number().int().min(0)),
  /** An age phrase next to one of these words counts a pregnancy or a duration, not a person ("embarazada de 5 meses", "I am 8 weeks"). */
  notAgeAfter: wordList,
  /** Endings of medicines' international names (WHO INN stems: "-pril", "-olol", "-oxetine", "-cilina"), in every
   * language: a change to a word so ending ("dejar la sertralina", "arrêter le bisoprolol") is a change of treatment. */
  medicineEndings: z.array(z.string().regex(/^[a-z]{3,}$/)),
  /** Words that end a therapy's name ("Bowen therapy", "valerian root"): how unknown therapies are spotted. */
  therapyHeadNouns: phrases,
  /** Words too general to stand for a therapy's name on their own ("treatment", "system"). */
  genericTherapyWords: phrases,
  /** Function words that never start, end or make up a misspelt therapy name. */
  stopWords: phrases,
  /** Words before a head noun that do not make a therapy's name ("my therapy", "natural remedies"). */
  notTherapyModifiers: phrases,
});

/** The cues read in another language: Spanish and French, matched on that language's lemma keys. Any list
 * may be left out (therapy names and their head nouns, for example, are read in every language). */
const LanguageCues = CueLists.omit({
  therapyHeadNouns: true,
  genericTherapyWords: true,
  stopWords: true,
  notTherapyModifiers: true,
  ages: true,
  notAgeAfter: true,
  numberWords: true,
  medicineEndings: true,
})
  .partial()
  .extend({ wordLists: z.record(z.string().regex(/^[a-z]+$/), wordList).default({}) });
export type LanguageCues = z.infer<typeof LanguageCues>;

export const Cues = CueLists.extend({ languages: z.strictObject({ es: LanguageCues, fr: LanguageCues }) });
export type Cues = z.infer<typeof Cues>;

/** Phrases in each language the bot reads: English, Spanish, French. */
const phrasesByLanguage = z.strictObject({ en: phrases, es: phrases, fr: phrases });
const optionalPhrasesByLanguage = z.strictObject({ en: z.array(text), es: z.array(text), fr: z.array(text) }).partial();

/** Words around a red-flag concept that change what it means (ConText): before it, after it, or both. */
const ContextTriggers = z.strictObject({
  /** How many words may stand between a trigger and the concept it modifies. */
  window: z.number().int().min(0).max(12),
  before: optionalPhrasesByLanguage.optional(),
  after: optionalPhrasesByLanguage.optional(),
  /** A pronoun or possessive between trigger and concept starts another clause, so ends the trigger's reach. */
  stopsAtClause: z.boolean().default(false),
});
export type ContextTriggers = z.infer<typeof ContextTriggers>;

/** What makes a mention of a red-flag concept not a current, real concern. */
export const CONTEXT_KINDS = ['negated', 'historical', 'habitual', 'hypothetical', 'generic', 'treated'] as const;
export type ContextKind = (typeof CONTEXT_KINDS)[number];

/**
 * data/red-flags.json: emergencies recognised as clinical concepts. A concept is what people describe
 * (not breathing, a blow to the head), with its terms in each language, matched on lemmas; an emergency
 * is one or more combinations of concepts (a blow to the head AND confusion), each with the reply that
 * leads with the action to take. Context decides whether a mention is current.
 */
export const RedFlags = z.strictObject({
  concepts: z.record(
    slug,
    z.strictObject({
      terms: phrasesByLanguage,
      /** Figures of speech that contain the concept's words but not its meaning ("dying to try it"). */
      idioms: optionalPhrasesByLanguage.optional(),
      /**
       * Contexts in which a mention of this concept is still current: thinking about suicide every day
       * (habitual) is a crisis now.
       */
      currentWhen: z.array(z.enum(['habitual', 'generic', 'hypothetical', 'historical'])).optional(),
      /**
       * Only qualifies a situation ("sudden", "tonight", giving things away): it completes a combination but
       * is no evidence of an emergency on its own, so on its own it does not ask the classifier.
       */
      qualifier: z.boolean().optional(),
      /** A medicine may be named for it ("seizure meds", "pills for his chest pain"): a mention so named is what
       * the medicine treats (context "treated"), not an event now. */
      treatable: z.boolean().optional(),
    }),
  ),
  /**
   * Concepts made of two others found close together, in any order and wording: a body part and what is
   * wrong with it ("my chest feels so tight", "pain right in the middle of my chest").
   */
  composites: z.record(slug, z.strictObject({ near: z.tuple([slug, slug]), within: z.number().int().min(0).max(8) })),
  emergencies: z
    .array(
      z.strictObject({
        kind: slug,
        /** Any one of these combinations, each a list of concepts that must all be current. */
        when: z.array(z.array(slug).min(1)).min(1),
        /** A mention that is not current (a past attempt) keeps a one-line note (replies' emergency.notes): kind,
         * never alarming. */
        noted: z.boolean().optional(),
        /** Whether the classifier alone may raise it, with no current concept (a crisis in words no term holds). */
        heardAlone: z.boolean().optional(),
      }),
    )
    .min(1),
  context: z.strictObject({
    negated: ContextTriggers,
    historical: ContextTriggers,
    habitual: ContextTriggers,
    hypothetical: ContextTriggers,
    generic: ContextTriggers,
    /** A medicine's name for what it treats ("seizure meds", "pills for her seizures"): no event now. */
    treated: ContextTriggers,
    /** Words that place a mention now ("right now", "just", "still"): they outweigh historical and habitual. */
    current: ContextTriggers,
    /** Words that end every trigger's reach ("but", "pero", "mais"). */
    terminators: optionalPhrasesByLanguage,
    /** Pronouns and possessives: where stopsAtClause triggers stop. */
    clauseStarts: optionalPhrasesByLanguage,
    /** Words that make a term negative ("not breathing", "ne respire plus"): such a term is not negated again. */
    negativeWords: z.strictObject({ en: z.array(z.string()), es: z.array(z.string()), fr: z.array(z.string()) }),
    /** Negations that open a negative term a word or two before it ("je ne veux plus vivre"): not negated again by them. */
    openingNegations: z.strictObject({ en: z.array(z.string()), es: z.array(z.string()), fr: z.array(z.string()) }),
    /** Words that join a list ("or", "ni", "ou"): a negation carries across them to the next mention. */
    joiners: z.strictObject({ en: z.array(z.string()), es: z.array(z.string()), fr: z.array(z.string()) }),
    /** Phrases that contain a trigger but do not act as one ("not sure if", "no doubt"): ConText's pseudo-triggers. */
    pseudo: optionalPhrasesByLanguage,
  }),
});
export type RedFlags = z.infer<typeof RedFlags>;

/** One line of data/red-flag-examples.jsonl: an utterance and the emergency it is ("none" for a lookalike,
 * "everyday" for an ordinary message to the bot). */
export const RedFlagExample = z.strictObject({ kind: slug, text });
export type RedFlagExample = z.infer<typeof RedFlagExample>;

const ending = z.string().regex(/^[a-z]+$/);

/** data/language.json: what normalisation cannot do alone, per language. */
export const LanguageData = z.strictObject({
  /** The commonest small words of each language: with WordNet, they tell an English message from another. */
  functionWords: z.strictObject({ en: z.array(z.string()).min(1), es: z.array(z.string()).min(1), fr: z.array(z.string()).min(1) }),
  /** Contractions and text-speak as normalised words → the words they stand for ("cant" → "can not"). */
  contractions: z.strictObject({
    en: z.record(z.string().regex(/^[a-z0-9]+$/), text),
    es: z.record(z.string().regex(/^[a-z0-9]+$/), text),
    fr: z.record(z.string().regex(/^[a-z0-9]+$/), text),
  }),
  /** A practice's ending → its practitioner's, as normalised words ("osteopathy" → "osteopath"): "a cranial
   * osteopath" names cranial osteopathy. */
  practitionerSuffixes: z.strictObject({ en: z.record(ending, ending), es: z.record(ending, ending), fr: z.record(ending, ending) }),
});
export type LanguageData = z.infer<typeof LanguageData>;

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
  /** The welcome in a group chat or a channel, where a long message interrupts everyone: one short paragraph. */
  greetingGroup: text,
  help: text,
  thanks: text,
  goodbye: text,
  acknowledged: text,
  startOver: text,
  /** Feedback on an answer: thanks; after "not helpful", an offer to ask again or reach a person; a repeat. */
  feedbackThanks: text,
  feedbackNotHelpful: text,
  feedbackAlready: text,
  /** A request for a person: what is said for each way it can go (a ticket, contact details, a failure), the
   * status while it stands, and the sentence the welcome and help add about it. Contact details and the next
   * steps come from the settings ({contact}, {nextSteps}). */
  handoff: z.strictObject({
    contactOffered: text,
    noContact: text,
    ticketCreated: text,
    nextSteps: text,
    ticketFailed: text,
    tryAgain: text,
    afterFailures: text,
    statusSince: text,
    statusMeanwhile: text,
    closed: text,
    closedTicket: text,
    offerTicket: text,
    offerContact: text,
    contactPhone: text,
    contactEmail: text,
    contactUrl: text,
    contactHours: text,
    agentRequested: text,
    agentFailed: text,
    agentWaiting: text,
    agentSays: text,
    agentEnded: text,
    hubTitle: text,
    hubReason: text,
    hubReasonRequested: text,
    hubReasonFailures: text,
    hubHowTo: text,
    hubEndButton: text,
    hubPersonSays: text,
    hubBotSaid: text,
    hubEnded: text,
    hubPersonLeft: text,
    hubAlreadyEnded: text,
  }),
  /** Added after an interruption (help, thanks) while a clarifying question is still open. */
  stillWaiting: text,
  notUnderstood: text,
  outOfScope: text,
  /** A message in a language the bot does not read ({therapies}: what it covers). */
  unsupportedLanguage: text,
  unknownTherapy: text,
  clarifyTherapy: text,
  didYouMean: text,
  whichOne: text,
  aboutBot: z.strictObject(Object.fromEntries(ABOUT_BOT_QUESTIONS.map((q) => [q, text])) as Record<AboutBotQuestion, typeof text>),
  /** Emergency replies by red-flag kind, each leading with the action. {emergency}, {crisisLine} and
   * {poisonCentre} are filled from data/emergency-numbers.json for the person's region (the templates below),
   * or with the "…Unknown" wording when the region is not known, so no wrong number is ever given. */
  emergency: z.strictObject({
    replies: z.record(slug, text),
    /** One-line notes for a red flag mentioned but not current (a past attempt), by kind. */
    notes: z.record(slug, text),
    tail: text,
    /** How one emergency number reads where {emergency} stands ("{number}"; "al {number}"; "le {number}"). */
    emergencyNumber: text,
    emergencyUnknown: text,
    /** How a crisis line reads where {crisisLine} stands ({name}, {number}). */
    crisisLine: text,
    crisisUnknown: text,
    /** The sentence for {poisonCentre} ({name}, {number}), and without a known poison centre. */
    poisonCentre: text,
    poisonUnknown: text,
  }),
  /** Title of the one-line note for a red flag mentioned but not current. */
  safetyNoteTitle: text,
  answer: z.strictObject({
    alsoCalled: text,
    unlistedCondition: text,
    otherConditions: text,
    noRatingAtAll: text,
    premise: text,
    premiseGeneral: text,
    /** "Is X the same as …?" for a therapy with no monograph: a different therapy, and nothing known of it. */
    notSame: text,
    /** A population the question names that no precaution of the monograph mentions (children, older adults). */
    noPopulationInfo: text,
    /** A population precaution that does not concern the person asking (their partner is pregnant). */
    precautionNotYou: text,
    medicalAdvice: text,
    /** The same boundary when the therapy has no monograph. */
    medicalAdviceGeneral: text,
    /** A comparison asked for with no other therapy the bot knows of. */
    compareNothing: text,
    usesIntro: text,
    /** Subject of the rating badge when every use shares one rating. */
    allUses: text,
    dosingMissing: text,
    /** A monograph that does not say how the therapy is claimed to work. */
    howItWorksMissing: text,
    /** A monograph that does not say who practises it or how that is regulated. */
    practiceMissing: text,
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
  /** The one sentence a person gets when a turn fails on our side. */
  turnError: text,
  /** talkToPerson is sent as the person's message when pressed, so it must read as a request for a person. */
  /** Said by the HTTP edge when it cannot take a message: too many from one person or conversation (429), or
   * too many people at once (503). Chat clients show them in place of an answer. */
  refusals: z.strictObject({ tooManyMessages: text, busy: text }),
  buttons: z.strictObject({ yes: text, no: text, helpful: text, notHelpful: text, talkToPerson: text }),
  /** Captions of rating badges: the scale alone under a titled section, else with what is rated ("{subject}"). */
  ratingCaptions: z.strictObject({ evidence: text, safety: text, evidenceFor: text, safetyOf: text }),
  /** Words that join names in a sentence ("a, b and c"; "Title, publisher, via X"). */
  words: z.strictObject({ and: text, or: text, via: text, otherConditions: text }),
});
export type Replies = z.infer<typeof Replies>;

/** The languages the bot reads and answers in; English is the language the data is written in first. */
export const SUPPORTED_LANGUAGES = ['en', 'es', 'fr'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
/** The languages with a translation file (data/languages/<language>.json) and translated monographs. */
export const TRANSLATED_LANGUAGES = ['es', 'fr'] as const satisfies readonly Language[];
export type TranslatedLanguage = (typeof TRANSLATED_LANGUAGES)[number];

/** data/languages/<language>.json: everything a person reads that is not a monograph, in one more language.
 * Every key is required (no silent fallback to English); validation also checks each template keeps the
 * English one's placeholders. */
export const Translation = z.strictObject({
  replies: Replies,
  ratings: RatingScales,
  /** Display names of every lexicon entry, by id. */
  lexiconNames: z.record(slug, text),
});
export type Translation = z.infer<typeof Translation>;

const phoneNumber = z.string().regex(/^[0-9](?:[0-9 -]{0,18}[0-9])?$/, 'must be a phone number of digits, spaces and hyphens');
/** A name in one or more of the bot's languages ("the 988 Suicide & Crisis Lifeline"), with its article. */
const nameByLanguage = z
  .strictObject({ en: text.optional(), es: text.optional(), fr: text.optional() })
  .refine((names) => Object.keys(names).length > 0, 'needs a name in at least one language');
const line = z.strictObject({ number: phoneNumber, name: nameByLanguage, source: slug });

/** data/emergency-numbers.json: by region (ISO 3166-1 alpha-2, the region of a locale such as es-MX), the
 * emergency number(s), the crisis line and the poison centre, each with the source it was taken from. */
export const EmergencyNumbers = z.strictObject({
  /** When the numbers were recorded from their sources. */
  recorded: isoDate,
  sources: z.array(z.strictObject({ id: slug, title: text, publisher: text, url: z.url() })).min(1),
  regions: z.record(
    z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 region such as "GB"'),
    z.strictObject({
      name: text,
      emergency: z.strictObject({ numbers: z.array(phoneNumber).min(1), source: slug }),
      crisis: line.optional(),
      poison: line.optional(),
    }),
  ),
});
export type EmergencyNumbers = z.infer<typeof EmergencyNumbers>;
export type RegionNumbers = EmergencyNumbers['regions'][string];
