// Reads the cue phrases of data/cues.json: social messages, requests for a person, questions about the
// bot, topics, premises, condition-first questions and references to an unnamed therapy.
// English cues match the words as typed; Spanish and French cues (cues.json "languages") match the lemma
// keys of their language, so one phrase covers a word's plural, gender and verb forms.
import type { AboutBotQuestion, Cues, LanguageCues, Topic } from '../knowledge/schema';
import { ABOUT_BOT_QUESTIONS, TOPICS } from '../knowledge/schema';
import type { Language, LemmaText } from '../text/lemmas';
import { MultilingualMatcher } from '../text/multilingual';
import { PhraseMatcher, expandMacros } from '../text/phrases';
import type { Command, FeedbackRating, SocialIntent } from './types';

/** A social phrase inside a longer message counts only in a message this short. */
const MAX_SOCIAL_WORDS = 12;
/** Which social intent a short message is, when it has several ("hi, thanks!" is thanks). */
const SOCIAL_PRIORITY: SocialIntent[] = ['help', 'goodbye', 'thanks', 'greeting'];

/** A request to start over counts only in a short message ("ok, start over please"). */
const MAX_START_OVER_WORDS = 6;
/** "agent" or "human" alone asks for a person only in a message this short ("operator please"). */
const MAX_SHORT_MESSAGE_WORDS = 8;

const OTHER_LANGUAGES = ['es', 'fr'] as const satisfies readonly Language[];

/** One message as cues read it: its normalised words (English cues) and their lemma keys (other languages). */
export interface CueText {
  words: readonly string[];
  lemmas: LemmaText;
}

type Entry<T> = { pattern: string; value: T };
/** Picks one cue list's entries out of a language's cues (English or another). */
type Pick<T> = (cues: Partial<Omit<Cues, 'languages'>>) => Entry<T>[];

/** One cue list in every language the bot reads. */
class Cue<T> {
  private readonly english: PhraseMatcher<T>;
  private readonly others: MultilingualMatcher<T>;

  constructor(cues: Cues, pick: Pick<T>) {
    this.english = new PhraseMatcher(expand(pick(cues), cues.wordLists));
    this.others = new MultilingualMatcher(
      OTHER_LANGUAGES.flatMap((language) => {
        const own: LanguageCues = cues.languages[language];
        return expand(pick(own), { ...cues.wordLists, ...own.wordLists }).map((e): [T, Partial<Record<Language, string[]>>] => [
          e.value,
          { [language]: [e.pattern] },
        ]);
      }),
    );
  }

  /** Where each value was found: English phrases on the typed words, others on the lemma words. */
  locate(text: CueText): Located<T>[] {
    const found = this.english.findAll(text.words).map((m) => ({ value: m.value, onLemmas: false, start: m.start, end: m.end }));
    if (!text.lemmas.english)
      for (const m of this.others.findAll(text.lemmas, languagesOf(text)))
        found.push({ value: m.value, onLemmas: true, start: m.start, end: m.end });
    return found;
  }

  /**
   * Every value found. A message not in English is also read with its language's phrases, or with both
   * Spanish and French ones when its small words do not say which (stems are short: Spanish "parar" and
   * French "par" share one).
   */
  find(text: CueText): T[] {
    return this.locate(text).map((m) => m.value);
  }

  has(text: CueText): boolean {
    return this.find(text).length > 0;
  }

  /** The value of a phrase that is the whole message. */
  whole(text: CueText): T | undefined {
    const english = this.english.matchesWhole(text.words);
    if (english !== undefined || text.lemmas.english) return english;
    return this.others.matchesWhole(text.lemmas, languagesOf(text));
  }
}

/** The other languages a message is read in: its own when clear, else Spanish and French. */
function languagesOf(text: CueText): readonly Language[] {
  const language = text.lemmas.language;
  return language === 'es' || language === 'fr' ? [language] : OTHER_LANGUAGES;
}

type Located<T> = { value: T; onLemmas: boolean; start: number; end: number };
type Tagged = { cue: number; value: unknown };

/**
 * Every cue list that is searched for (not matched whole) in one matcher per language, so a message is
 * scanned once for all of them, not once a list: each list's matches are then read from that one scan.
 */
class CueScanner {
  private readonly picks: Pick<unknown>[] = [];
  private combined?: Cue<Tagged>;
  /** The scan of each message read, by cue list, while the message is. */
  private readonly scans = new WeakMap<CueText, Map<number, Located<Tagged>[]>>();

  constructor(private readonly cues: Cues) {}

  /** A cue list read from the shared scan; every list is added before the first message is read. */
  add<T>(pick: Pick<T>): CueView<T> {
    const cue = this.picks.length;
    this.picks.push(pick);
    return new CueView<T>(this, cue);
  }

  hits(text: CueText, cue: number): readonly Located<Tagged>[] {
    let scan = this.scans.get(text);
    if (!scan) {
      this.combined ??= new Cue<Tagged>(this.cues, (c) =>
        this.picks.flatMap((pick, i) => pick(c).map((e) => ({ pattern: e.pattern, value: { cue: i, value: e.value } }))),
      );
      scan = new Map();
      for (const hit of this.combined.locate(text)) {
        const list = scan.get(hit.value.cue);
        if (list) list.push(hit);
        else scan.set(hit.value.cue, [hit]);
      }
      this.scans.set(text, scan);
    }
    return scan.get(cue) ?? NO_HITS;
  }
}

const NO_HITS: readonly Located<Tagged>[] = [];

/** One cue list's matches in a message, read from the shared scan. */
class CueView<T> {
  constructor(
    private readonly scanner: CueScanner,
    private readonly cue: number,
  ) {}

  locate(text: CueText): Located<T>[] {
    return this.scanner.hits(text, this.cue).map((h) => ({ ...h, value: h.value.value as T }));
  }

  find(text: CueText): T[] {
    return this.scanner.hits(text, this.cue).map((h) => h.value.value as T);
  }

  has(text: CueText): boolean {
    return this.scanner.hits(text, this.cue).length > 0;
  }
}

function expand<T>(entries: Entry<T>[], wordLists: Readonly<Record<string, readonly string[]>>): Entry<T>[] {
  return entries.map((e) => ({ pattern: expandMacros(e.pattern, wordLists), value: e.value }));
}

/** The entries of one phrase list, all with one value. */
function list<T>(phrases: readonly string[] | undefined, value: T): Entry<T>[] {
  return (phrases ?? []).map((pattern) => ({ pattern, value }));
}

export class CueReader {
  private readonly social: Cue<SocialIntent>;
  private readonly yesNo: Cue<'yes' | 'no'>;
  private readonly feedback: Cue<FeedbackRating>;
  private readonly helpAnywhere: CueView<true>;
  private readonly aboutBot: CueView<AboutBotQuestion>;
  private readonly topics: CueView<Topic>;
  private readonly premise: CueView<true>;
  private readonly conditionFirst: CueView<true>;
  private readonly anaphora: CueView<true>;
  private readonly correction: CueView<true>;
  private readonly repair: CueView<true>;
  private readonly practitionerSays: CueView<true>;
  private readonly startOver: CueView<true>;
  private readonly handoffAnywhere: CueView<true>;
  private readonly handoffShort: CueView<true>;
  private readonly handoffRequest: CueView<true>;
  private readonly notSelf: CueView<'someone-else' | 'asks-for-self' | 'past' | 'self-now'>;
  private readonly medicalAdvice: CueView<'change' | 'treatment'>;
  private readonly medicineEndings: readonly string[];
  private readonly alternatives: CueView<true>;
  private readonly descriptions: CueView<string>;

  /**
   * @param isEnglishWord whether a typed word is in the English dictionary: a word that is not, right after
   * a change to something of one's own ("ditch my Endone"), names a medicine by a brand no list holds.
   */
  constructor(
    cues: Cues,
    private readonly isEnglishWord: (word: string) => boolean = () => true,
  ) {
    this.medicineEndings = cues.medicineEndings;
    // Lists matched as the whole message have a matcher each; every other list is read from one shared scan.
    this.social = new Cue(cues, (c) => [
      ...list(c.greeting, 'greeting' as const),
      ...list(c.help, 'help' as const),
      ...list(c.thanks, 'thanks' as const),
      ...list(c.goodbye, 'goodbye' as const),
    ]);
    this.yesNo = new Cue(cues, (c) => [...list(c.yes, 'yes' as const), ...list(c.no, 'no' as const)]);
    this.feedback = new Cue(cues, (c) => [
      ...list(c.feedback?.helpful, 'helpful' as const),
      ...list(c.feedback?.notHelpful, 'not-helpful' as const),
    ]);
    const scanner = new CueScanner(cues);
    this.helpAnywhere = scanner.add((c) =>
      list(
        c.help?.filter((p) => p.includes(' ')),
        true as const,
      ),
    );
    this.aboutBot = scanner.add((c) => ABOUT_BOT_QUESTIONS.flatMap((q) => list(c.aboutBot?.[q], q)));
    this.topics = scanner.add((c) => TOPICS.flatMap((topic) => list(c.topics?.[topic], topic)));
    this.premise = scanner.add((c) => list(c.premise, true as const));
    this.conditionFirst = scanner.add((c) => list(c.conditionFirst, true as const));
    this.anaphora = scanner.add((c) => list(c.anaphora, true as const));
    this.correction = scanner.add((c) => list(c.correction, true as const));
    this.repair = scanner.add((c) => list(c.repair, true as const));
    this.practitionerSays = scanner.add((c) => list(c.practitionerSays, true as const));
    this.startOver = scanner.add((c) => list(c.startOver, true as const));
    this.handoffAnywhere = scanner.add((c) => list(c.handoff?.anywhere, true as const));
    this.handoffShort = scanner.add((c) => list(c.handoff?.shortMessage, true as const));
    this.handoffRequest = scanner.add((c) => list(c.handoff?.request, true as const));
    this.medicalAdvice = scanner.add((c) => [
      ...list(c.medicalAdvice?.change, 'change' as const),
      ...list(c.medicalAdvice?.treatment, 'treatment' as const),
    ]);
    this.alternatives = scanner.add((c) => list(c.alternatives, true as const));
    this.descriptions = scanner.add((c) => Object.entries(c.descriptions ?? {}).flatMap(([id, phrases]) => list(phrases, id)));
    this.notSelf = scanner.add((c) => [
      ...list(c.populationNotSelf?.someoneElse, 'someone-else' as const),
      ...list(c.populationNotSelf?.asksForSelf, 'asks-for-self' as const),
      ...list(c.populationNotSelf?.past, 'past' as const),
      ...list(c.populationNotSelf?.selfNow, 'self-now' as const),
    ]);
  }

  /** Start over (in a short message) or a request for a person (anywhere). */
  command(text: CueText): Command | undefined {
    const length = text.words.length;
    // "Am I talking to a real person?" asks about the bot; "can I talk to a real person?" asks for one. A
    // request phrase counts unless it lies within the question about the bot, or the message asks only that.
    const aboutBot = this.aboutBot.locate(text);
    const request = this.handoffRequest.has(text);
    const standsApart = (m: { onLemmas: boolean; start: number; end: number }) =>
      request || !aboutBot.some((q) => q.onLemmas === m.onLemmas && q.start < m.end && m.start < q.end);
    if (this.handoffAnywhere.locate(text).some(standsApart)) return 'handoff';
    if (length <= MAX_SHORT_MESSAGE_WORDS && (request || aboutBot.length === 0) && this.handoffShort.has(text)) return 'handoff';
    if (length <= MAX_START_OVER_WORDS && this.startOver.has(text)) return 'start-over';
    return undefined;
  }

  yesOrNo(text: CueText): 'yes' | 'no' | undefined {
    return this.yesNo.whole(text);
  }

  feedbackOf(text: CueText): FeedbackRating | undefined {
    return this.feedback.whole(text);
  }

  /**
   * A greeting, help request, thanks or goodbye: the whole message, a greeting or thanks followed by
   * another social phrase ("hi, what can you do?"), or one inside a short message that asks nothing else
   * ("brilliant, thanks a million").
   */
  socialIntent(text: CueText, asksSomething: boolean): SocialIntent | undefined {
    const whole = this.social.whole(text);
    if (whole) return whole;
    const { words, lemmas } = text;
    for (let cut = 1; cut < Math.min(words.length, 4); cut++) {
      const head = this.social.whole(part(text, 0, cut));
      const tail = head && this.social.whole(part(text, cut, words.length));
      if (head && tail) return tail === 'greeting' ? head : tail;
    }
    if (this.helpAnywhere.has(text)) return 'help';
    if (asksSomething || Math.max(words.length, lemmas.words.length) > MAX_SOCIAL_WORDS) return undefined;
    const found = new Set(this.social.find(text));
    return SOCIAL_PRIORITY.find((intent) => found.has(intent));
  }

  aboutBotQuestion(text: CueText): AboutBotQuestion | undefined {
    return this.aboutBot.find(text)[0];
  }

  /**
   * The words of a question about what the bot is ("r u a doctor or like a physio?") or whether to trust it
   * over someone ("a chatbot over my physio?"), as positions of the typed words: a practitioner named there
   * is a person, not a therapy asked about.
   */
  identitySpans(text: CueText): { start: number; end: number }[] {
    return onTypedWords(
      text,
      this.aboutBot.locate(text).filter((m) => m.value === 'identity' || m.value === 'trust'),
    );
  }

  /** A practitioner quoted ("my chiro says …", "mi quiropráctico dice …"): a person, not a therapy asked about. */
  quotedPractitionerSpans(text: CueText): { start: number; end: number }[] {
    return onTypedWords(text, this.practitionerSays.locate(text));
  }

  /** Topics cued anywhere in the message, in the order of TOPICS. */
  topicsOf(text: CueText): Topic[] {
    const found = new Set(this.topics.find(text));
    const advice = this.medicalAdvice.locate(text);
    const changes = advice.filter((m) => m.value === 'change');
    if (
      changes.length > 0 &&
      (advice.some((m) => m.value === 'treatment') || this.namesMedicine(text) || this.changesUnlistedMedicine(text, changes))
    ) {
      found.add('medical-advice');
    }
    return TOPICS.filter((t) => found.has(t));
  }

  /** Whether a word ends like a medicine's international name ("sertralina", "bisoprolol"): any language. */
  private namesMedicine(text: CueText): boolean {
    return text.words.some((w) => w.length >= MIN_MEDICINE_NAME && this.medicineEndings.some((e) => w.endsWith(e)));
  }

  /** "Can I ditch my Endone?": a change to one's own thing whose name is no English word (English messages only). */
  private changesUnlistedMedicine(text: CueText, changes: readonly { onLemmas: boolean; end: number }[]): boolean {
    if (!text.lemmas.english) return false;
    const { words } = text;
    const unlisted = (word: string | undefined) =>
      word !== undefined && word !== PRONOUN && NAME_LIKE.test(word) && !this.isEnglishWord(word);
    return changes.some((m) => !m.onLemmas && OWNED.has(words[m.end]) && unlisted(words[m.end + 1]));
  }

  /** Words that set two treatments side by side ("or", "vs", "rather"). */
  setsSideBySide(text: CueText): boolean {
    return this.alternatives.has(text);
  }

  /** The monographs a message describes without naming ("the skull one"). */
  describedTherapies(text: CueText): string[] {
    return [...new Set(this.descriptions.find(text))];
  }

  assertsEfficacy(text: CueText): boolean {
    return this.premise.has(text);
  }

  asksWhatHelps(text: CueText): boolean {
    return this.conditionFirst.has(text);
  }

  refersToTherapy(text: CueText): boolean {
    return this.anaphora.has(text);
  }

  correctsTherapy(text: CueText): boolean {
    return this.correction.has(text);
  }

  isRepair(text: CueText): boolean {
    return this.repair.has(text);
  }

  /** The population named is someone else's ("my wife is pregnant, is it OK for me?") or in the asker's past
   * ("I stopped breast-feeding") while they do not say they are in it now ("I'm pregnant again"): a
   * precaution is never waived for someone it concerns. */
  populationIsNotSelf(text: CueText): boolean {
    const found = new Set(this.notSelf.find(text));
    return (found.has('past') && !found.has('self-now')) || (found.has('someone-else') && found.has('asks-for-self'));
  }
}

/**
 * The message with each given span (a therapy's name) read as "it", so a therapy's own name is not read as a
 * cue ("cranial osteopathy" is not a question about osteopaths, "craniosacral rhythm" not one about rhythm)
 * while "since CST realigns the skull" still reads as "since it realigns the skull".
 */
export function withoutSpans(text: CueText, spans: readonly { start: number; end: number }[]): CueText {
  if (spans.length === 0) return text;
  const { words, lemmas } = text;
  // Per position: keep the word, read it as "it" (a name's first word), or drop it (the rest of the name).
  const action = new Int8Array(words.length);
  for (const s of spans) {
    action[s.start] = 1;
    for (let i = s.start + 1; i < s.end; i++) action[i] = 2;
  }
  const replace = (list: readonly string[]) => {
    const out: string[] = [];
    for (let i = 0; i < list.length; i++) if (action[i] !== 2) out.push(action[i] === 1 ? PRONOUN : list[i]);
    return out;
  };
  // Lemma words line up with the typed words unless a contraction was expanded; then they are left whole.
  if (lemmas.words.length !== words.length) return { words: replace(words), lemmas };
  const keys = { en: replace(lemmas.keys.en), es: replace(lemmas.keys.es), fr: replace(lemmas.keys.fr) };
  return { words: replace(words), lemmas: { ...lemmas, words: replace(lemmas.words), keys } };
}

/** Hits whose positions are those of the typed words: English ones, and others where the lemma words line up. */
function onTypedWords<T extends { onLemmas: boolean }>(text: CueText, hits: T[]): T[] {
  const aligned = text.lemmas.words.length === text.words.length;
  return hits.filter((m) => !m.onLemmas || aligned);
}

/** What a therapy's name reads as. */
const PRONOUN = 'it';
/** Shortest word read as a medicine by its ending: "islam" and "spam" are none. */
const MIN_MEDICINE_NAME = 7;
/** The words that make a thing one's own (or a known one) before its name: "my Endone", "the Seroquel". */
const OWNED = new Set(['my', 'his', 'her', 'their', 'our', 'your', 'the']);
/** A word that could be a brand name: letters only, four or more. */
const NAME_LIKE = /^[a-z]{4,}$/;

/**
 * Words [start, end) of a message as a message of their own. The lemma words line up with the typed words
 * unless a contraction was expanded; then the part is read from the typed words alone.
 */
function part(text: CueText, start: number, end: number): CueText {
  const { words, lemmas } = text;
  const aligned = lemmas.words.length === words.length;
  const keys = (language: Language) => (aligned && lemmas.keys[language].length > 0 ? lemmas.keys[language].slice(start, end) : []);
  return {
    words: words.slice(start, end),
    lemmas: {
      ...lemmas,
      words: aligned ? lemmas.words.slice(start, end) : words.slice(start, end),
      keys: { en: keys('en'), es: keys('es'), fr: keys('fr') },
    },
  };
}
