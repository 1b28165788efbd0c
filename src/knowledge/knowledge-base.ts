// Validated knowledge with the lookups the rest of the bot needs, built once at start-up.
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
  Replies,
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
  readonly language: LanguageData;
  readonly redFlagExamples: readonly RedFlagExample[];
  private readonly monographById = new Map<string, Monograph>();
  private readonly lexiconById = new Map<string, LexiconEntry>();

  constructor(private readonly knowledge: Knowledge) {
    this.monographs = knowledge.monographs;
    this.lexicon = knowledge.lexicon;
    this.cues = knowledge.cues;
    this.replies = knowledge.replies;
    this.redFlags = knowledge.redFlags;
    this.otherTherapies = knowledge.otherTherapies;
    this.language = knowledge.language;
    this.redFlagExamples = knowledge.redFlagExamples;
    for (const m of knowledge.monographs) this.monographById.set(m.id, m);
    for (const entry of knowledge.lexicon) this.lexiconById.set(entry.id, entry);
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
    return this.knowledge.ratings.evidence[rating];
  }

  safetyMeaning(rating: SafetyRating): RatingMeaning {
    return this.knowledge.ratings.safety[rating];
  }
}
