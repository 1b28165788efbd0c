// Validated knowledge with the lookups the rest of the bot needs, built once at start-up. The knowledge in
// another language (inLanguage) is the same knowledge with the words a person reads swapped: that language's
// replies, rating words, lexicon names and monographs; ids, ratings and sources are the same in every one.
import type { Knowledge } from './load';
import type {
  Cues,
  EvidenceRating,
  LanguageData,
  RedFlagExample,
  LexiconEntry,
  Monograph,
  OtherTherapies,
  RatingMeaning,
  RedFlags,
  RegionNumbers,
  Replies,
  Language,
  EmergencyNumbers,
  SafetyRating,
  Use,
} from './schema';

export class KnowledgeBase {
  readonly monographs: readonly Monograph[];
  readonly lexicon: readonly LexiconEntry[];
  readonly cues: Cues;
  readonly replies: Replies;
  readonly redFlags: RedFlags;
  readonly otherTherapies: OtherTherapies;
  readonly languageData: LanguageData;
  readonly redFlagExamples: readonly RedFlagExample[];
  /** The language of the words a person reads here. */
  readonly language: Language;
  private readonly ratings: Knowledge['ratings'];
  private readonly emergencyNumbers: EmergencyNumbers;
  /** Every language's knowledge, shared by all of them: each language is made once, whichever asks for it. */
  private readonly inLanguages: Map<Language, KnowledgeBase>;
  private readonly monographById = new Map<string, Monograph>();
  private readonly lexiconById = new Map<string, LexiconEntry>();

  constructor(
    private readonly knowledge: Knowledge,
    language: Language = 'en',
    inLanguages = new Map<Language, KnowledgeBase>(),
  ) {
    this.inLanguages = inLanguages.set(language, this);
    const translation = language === 'en' ? undefined : knowledge.translations[language];
    this.language = language;
    this.monographs = translation?.monographs ?? knowledge.monographs;
    this.lexicon = translation
      ? knowledge.lexicon.map((entry) => ({ ...entry, name: translation.lexiconNames[entry.id] ?? entry.name }))
      : knowledge.lexicon;
    this.replies = translation?.replies ?? knowledge.replies;
    this.ratings = translation?.ratings ?? knowledge.ratings;
    this.cues = knowledge.cues;
    this.redFlags = knowledge.redFlags;
    this.otherTherapies = knowledge.otherTherapies;
    this.languageData = knowledge.language;
    this.redFlagExamples = knowledge.redFlagExamples;
    this.emergencyNumbers = knowledge.emergencyNumbers;
    for (const m of this.monographs) this.monographById.set(m.id, m);
    for (const entry of this.lexicon) this.lexiconById.set(entry.id, entry);
  }

  /** The same knowledge with the words of another language (made once per language). */
  inLanguage(language: Language): KnowledgeBase {
    return this.inLanguages.get(language) ?? new KnowledgeBase(this.knowledge, language, this.inLanguages);
  }

  /** The regions with recorded emergency numbers. */
  regions(): string[] {
    return Object.keys(this.emergencyNumbers.regions).sort();
  }

  /** The emergency, crisis and poison-centre numbers of a region (ISO 3166-1 alpha-2), if recorded. */
  regionNumbers(region: string | undefined): RegionNumbers | undefined {
    const regions = this.emergencyNumbers.regions;
    return region !== undefined && Object.hasOwn(regions, region) ? regions[region] : undefined;
  }

  monograph(id: string): Monograph | undefined {
    return this.monographById.get(id);
  }

  lexiconEntry(id: string): LexiconEntry | undefined {
    return this.lexiconById.get(id);
  }

  /** The monograph's rating for a condition, if it lists one. */
  use(monograph: Monograph, conditionId: string): Use | undefined {
    return monograph.uses.find((use) => use.condition === conditionId);
  }

  evidenceMeaning(rating: EvidenceRating): RatingMeaning {
    return this.ratings.evidence[rating];
  }

  safetyMeaning(rating: SafetyRating): RatingMeaning {
    return this.ratings.safety[rating];
  }
}
