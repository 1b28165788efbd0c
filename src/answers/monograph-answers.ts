// The answer from a monograph: every part of the question answered from the monograph's fields (a rating
// per condition, precautions, safety, the topics asked), the medical-advice boundary or a premise's
// correction first, warnings after, the source last. Every fact names the field it was copied from;
// "no information" is an answer, and nothing here fills a gap.
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { EvidenceRating, LexiconEntry, Monograph, Precaution, Statement } from '../knowledge/schema';
import { escapeMarkdown } from '../text/markdown';
import { compact } from '../text/normalise';
import type { ConditionMatch, ResolvedQuestion, TherapyMatch, Topic } from '../understanding/types';
import type { Answer, Citation, Fact, RatingBadge, Section, Warning } from './types';
import { describeSources, fill, inSentence, listInWords, monographOf, sentenceCase, therapyList, unknownTherapyName } from './wording';

/** A therapy resolved with less confidence than this is offered as "did you mean …?", never answered. */
export const ANSWER_THRESHOLD = 0.75;
/** Ratings that support saying a therapy works; anything else makes a "it's proven" premise false. */
const SUPPORTIVE_RATINGS = new Set(['effective', 'likely-effective']);

/** A condition the question names, with its lexicon entry. */
export interface RatedCondition {
  match: ConditionMatch;
  entry: LexiconEntry;
}

export class MonographAnswers {
  /** Each monograph's English full other names by their compacted spelling (to their place in otherNames),
   * worked out once: compacting a dozen names in several languages was a tenth of composing an answer. */
  private readonly englishOtherNames = new WeakMap<Monograph, Map<string, number>>();

  constructor(private readonly knowledge: KnowledgeBase) {}

  /** The answer from one monograph to every part of the question: ratings, precautions, safety, topics. */
  answer(m: Monograph, q: ResolvedQuestion, match?: TherapyMatch): Answer {
    const t = this.replies.answer;
    const sections: Section[] = [];
    const warnings: Warning[] = [];
    const named = m.precautions.filter((p) => p.appliesTo.some((id) => q.conditions.some((c) => c.id === id)));
    // "My wife is pregnant, can I have it?": the precaution is named but is not the asker's.
    const precautions = q.populationNotSelf
      ? named.filter((p) => !p.appliesTo.some((id) => this.knowledge.lexiconEntry(id)?.kind === 'population'))
      : named;
    const notTheirs = named.filter((p) => !precautions.includes(p));
    const precautionIds = new Set(named.flatMap((p) => p.appliesTo));
    // Populations no precaution speaks of (children, older adults): said plainly, never silently dropped.
    const unmentioned = conditionsOf(this.knowledge, q, 'population').filter(
      (c) => !m.precautions.some((p) => p.appliesTo.includes(c.entry.id)),
    );
    // Conditions asked about for effectiveness: not populations, and not a condition only named for its precaution.
    const rated = conditionsOf(this.knowledge, q, 'condition').filter(
      (c) => !precautionIds.has(c.entry.id) || this.knowledge.use(m, c.entry.id),
    );
    const topics = new Set<Topic>(q.topics);
    if (rated.length > 0) topics.add('effectiveness');
    if (topics.size === 0) topics.add(precautions.length > 0 ? 'safety' : 'overview');
    if ((precautions.length > 0 || notTheirs.length > 0 || unmentioned.length > 0) && !topics.has('effectiveness')) topics.add('safety');
    const differentTherapies = topics.has('same-as') ? q.unknownTherapies : [];
    const compared = topics.has('comparison') && (q.unknownTherapies.length > 0 || q.therapies.some((o) => o.id !== m.id));
    if (differentTherapies.length > 0) topics.delete('other-names');

    // "Cranial osteopathy is another name for …" would blur "is reiki the same as cranial osteopathy?".
    const alias = match && differentTherapies.length === 0 && this.aliasNote(m, match);
    if (alias) sections.push({ facts: [alias] });
    // Both a premise and a change of treatment: the boundary leads, the correction comes right after it.
    const premise = this.premiseCorrection(m, q, rated);
    if (premise && topics.has('medical-advice')) sections.push({ facts: [premise] });
    for (const other of differentTherapies) {
      sections.push({
        facts: [
          {
            text: fill(t.notSame, { therapy: inSentence(m.name), other: escapeMarkdown(unknownTherapyName(this.knowledge, other)) }),
            field: 'replies.answer.notSame',
          },
        ],
      });
    }
    for (const p of notTheirs) {
      sections.push({
        title: p.label,
        facts: [{ text: fill(t.precautionNotYou, { precaution: inSentence(p.label) }), field: 'replies.answer.precautionNotYou' }],
      });
    }
    for (const c of unmentioned) {
      sections.push({
        title: c.entry.name,
        facts: [
          {
            text: fill(t.noPopulationInfo, { therapy: inSentence(m.name), population: inSentence(c.entry.name) }),
            field: 'replies.answer.noPopulationInfo',
          },
        ],
      });
    }

    const generalEffectiveness = rated.length === 0 && topics.has('effectiveness');
    if (rated.length > 0) for (const c of rated) sections.push(this.effectiveness(m, c.entry));
    // "Does it work?" with no condition: what is known about its claims, then the ratings of its uses.
    if (generalEffectiveness && m.howItWorks?.evidence.length)
      sections.push({ facts: statementFacts(m, 'howItWorks.evidence', m.howItWorks.evidence) });
    if ((topics.has('uses') || generalEffectiveness) && rated.length === 0) sections.push(...this.usesSections(m));
    if (topics.has('safety')) {
      if (precautions.length > 0) sections.push(...precautions.map((p) => this.precautionSection(m, p)));
      else sections.push(this.safetySection(m));
      if (precautions.length === 0)
        warnings.push(...m.precautions.filter((p) => !notTheirs.includes(p)).map((p) => this.precautionWarning(m, p)));
    } else if (precautions.length > 0) {
      warnings.push(...precautions.map((p) => this.precautionWarning(m, p)));
    }
    // "What is it?" gets the overview unless the question is about a condition or a precaution.
    if (topics.has('overview') && rated.length === 0 && precautions.length === 0) {
      sections.push({ facts: statementFacts(m, 'overview', m.overview) });
    }
    if (topics.has('how-it-works')) sections.push(...this.howItWorksSections(m));
    if (topics.has('interactions')) sections.push(this.interactionsSection(m));
    if (topics.has('dosing')) sections.push(this.dosingSection(m));
    if (topics.has('other-names')) sections.push(this.otherNamesSection(m));
    if (topics.has('practice')) sections.push(this.practiceSection(m));
    if (topics.has('comparison') && !compared)
      sections.push({ facts: [{ text: fill(t.compareNothing, { therapy: inSentence(m.name) }), field: 'replies.answer.compareNothing' }] });
    if (topics.has('comparison')) sections.push(...this.comparisonSections(m, q));

    const unlisted = rated.filter((c) => !this.knowledge.use(m, c.entry.id)).map((c) => c.entry.id);
    return {
      kind: 'monograph',
      unlistedConditions: unlisted.length > 0 ? unlisted : undefined,
      // Something asked that the monograph does not hold (a condition it does not rate, dosing): said so plainly.
      outcome: sections.some((s) => s.missing) ? 'no-information' : 'answered',
      therapyId: m.id,
      topics: [...topics],
      headline: m.name,
      lead: this.lead(m, q, topics, rated),
      sections,
      warnings,
      followUps: this.followUps(m, topics, precautions),
      source: this.sourceLine(m),
      citations: this.citations(m),
    };
  }

  /** The sentence that must come first: the medical-advice boundary, or the correction of a false premise. */
  private lead(m: Monograph, q: ResolvedQuestion, topics: Set<Topic>, rated: RatedCondition[]): Fact | undefined {
    const t = this.replies.answer;
    if (topics.has('medical-advice'))
      return { text: fill(t.medicalAdvice, { therapy: inSentence(m.name) }), field: 'replies.answer.medicalAdvice' };
    return this.premiseCorrection(m, q, rated);
  }

  /** "No, that claim isn't supported", when the question asserts what the ratings do not. */
  private premiseCorrection(m: Monograph, q: ResolvedQuestion, rated: RatedCondition[]): Fact | undefined {
    const t = this.replies.answer;
    if (!q.assertsEfficacy) return undefined;
    const ratings = rated.map((c) => this.knowledge.use(m, c.entry.id)?.rating ?? m.otherConditions?.rating);
    if (ratings.some((r) => r && SUPPORTIVE_RATINGS.has(r))) return undefined;
    if (rated.length > 0) return { text: fill(t.premise, { therapy: inSentence(m.name) }), field: 'replies.answer.premise' };
    return { text: t.premiseGeneral, field: 'replies.answer.premiseGeneral' };
  }

  private effectiveness(m: Monograph, condition: LexiconEntry): Section {
    const t = this.replies.answer;
    const use = m.uses.find((u) => u.condition === condition.id);
    if (use) {
      const index = m.uses.indexOf(use);
      const meaning = this.knowledge.evidenceMeaning(use.rating);
      const facts: Fact[] = use.note ? [{ text: use.note, field: at(m, `uses[${index}].note`) }] : [];
      const rating: RatingBadge = {
        scale: 'evidence',
        level: use.rating,
        ...meaning,
        ...this.captions('evidence', inSentence(condition.name)),
        field: at(m, `uses[${index}].rating`),
      };
      return { title: condition.name, rating, facts };
    }
    const facts: Fact[] = [
      {
        text: fill(t.unlistedCondition, { therapy: inSentence(m.name), condition: inSentence(condition.name) }),
        field: 'replies.answer.unlistedCondition',
      },
    ];
    if (m.otherConditions) {
      const meaning = this.knowledge.evidenceMeaning(m.otherConditions.rating);
      facts.push({
        text: fill(t.otherConditions, { ...meaning, condition: inSentence(condition.name) }),
        field: at(m, 'otherConditions.rating'),
      });
    } else {
      facts.push({ text: fill(t.noRatingAtAll, { condition: inSentence(condition.name) }), field: 'replies.answer.noRatingAtAll' });
    }
    return { title: condition.name, facts, missing: true };
  }

  private usesSections(m: Monograph): Section[] {
    const t = this.replies.answer;
    const names = m.uses.map((u) => inSentence(this.lexiconName(u.condition)));
    if (m.otherConditions) names.push(this.replies.words.otherConditions);
    const intro = fill(t.usesIntro, {
      therapy: inSentence(m.name),
      count: String(m.uses.length),
      conditions: listInWords(names, this.and),
    });
    const sections: Section[] = [{ facts: [{ text: intro, field: at(m, 'uses') }] }];
    const byRating = new Map<string, string[]>();
    for (const use of m.uses) byRating.set(use.rating, [...(byRating.get(use.rating) ?? []), inSentence(this.lexiconName(use.condition))]);
    if (m.otherConditions)
      byRating.set(m.otherConditions.rating, [...(byRating.get(m.otherConditions.rating) ?? []), this.replies.words.otherConditions]);
    for (const [level, conditions] of byRating) {
      const meaning = this.knowledge.evidenceMeaning(level as EvidenceRating);
      const subject = conditions.length === names.length ? t.allUses : listInWords(conditions, this.and);
      sections.push({
        rating: {
          scale: 'evidence',
          level: level as EvidenceRating,
          ...meaning,
          ...this.captions('evidence', subject),
          field: ratingField(m, level as EvidenceRating),
        },
        facts: [],
      });
    }
    return sections;
  }

  private safetySection(m: Monograph): Section {
    const meaning = this.knowledge.safetyMeaning(m.safety.rating);
    return {
      rating: {
        scale: 'safety',
        level: m.safety.rating,
        ...meaning,
        ...this.captions('safety', inSentence(m.name)),
        field: at(m, 'safety.rating'),
      },
      facts: statementFacts(m, 'safety.statements', m.safety.statements),
    };
  }

  private precautionSection(m: Monograph, p: Precaution): Section {
    return { title: p.label, facts: this.precautionFacts(m, p) };
  }

  private precautionWarning(m: Monograph, p: Precaution): Warning {
    const advice = this.replies.answer.precautionAdvice[p.advice];
    return { title: `${p.label} (${advice})`, facts: this.precautionFacts(m, p) };
  }

  private precautionFacts(m: Monograph, p: Precaution): Fact[] {
    const i = m.precautions.indexOf(p);
    const facts = statementFacts(m, `precautions[${i}].statements`, p.statements);
    if (p.reportedEffects?.length) {
      facts.push({
        text: fill(this.replies.answer.reportedEffects, { effects: listInWords(p.reportedEffects, this.and) }),
        field: at(m, `precautions[${i}].reportedEffects`),
      });
    }
    return facts;
  }

  /** What practitioners claim and what is known, each when the monograph says it; that it does not, else. */
  private howItWorksSections(m: Monograph): Section[] {
    const t = this.replies.answer;
    const { claims = [], evidence = [] } = m.howItWorks ?? {};
    if (claims.length + evidence.length === 0) return [this.missingSection(m, 'howItWorksMissing')];
    return [
      ...(claims.length > 0 ? [{ title: t.claimsTitle, facts: statementFacts(m, 'howItWorks.claims', claims) }] : []),
      ...(evidence.length > 0 ? [{ title: t.evidenceTitle, facts: statementFacts(m, 'howItWorks.evidence', evidence) }] : []),
    ];
  }

  /** A reply template that says the monograph does not hold what was asked. */
  private missingSection(m: Monograph, template: 'dosingMissing' | 'howItWorksMissing' | 'practiceMissing'): Section {
    return {
      facts: [{ text: fill(this.replies.answer[template], { therapy: inSentence(m.name) }), field: `replies.answer.${template}` }],
      missing: true,
    };
  }

  /** Each known interaction with its advice (when the source gives one), then what the source says in general. */
  private interactionsSection(m: Monograph): Section {
    const facts = statementFacts(m, 'interactions.statements', m.interactions.statements);
    m.interactions.known.forEach((k, i) => {
      const advice = k.advice && (/[.!?]$/.test(k.advice) ? k.advice : `${k.advice}.`);
      if (advice) facts.push({ text: `${k.with}: ${advice}`, field: at(m, `interactions.known[${i}].advice`) });
      facts.push(...statementFacts(m, `interactions.known[${i}].statements`, k.statements));
    });
    return { facts };
  }

  private dosingSection(m: Monograph): Section {
    if (m.dosing) return { facts: statementFacts(m, 'dosing.statements', m.dosing.statements) };
    return this.missingSection(m, 'dosingMissing');
  }

  private otherNamesSection(m: Monograph): Section {
    const names = m.otherNames.map((n) => n.name);
    return {
      facts: [{ text: fill(this.replies.answer.otherNames, { therapy: m.name, names: names.join(', ') }), field: at(m, 'otherNames') }],
    };
  }

  private practiceSection(m: Monograph): Section {
    if (!m.practice) return this.missingSection(m, 'practiceMissing');
    const { practitioners, regulation } = m.practice;
    const who = practitioners ? listInWords(practitioners.names, this.and) : undefined;
    return {
      facts: [
        ...(who ? [{ text: fill(this.replies.answer.practitioners, { practitioners: who }), field: at(m, 'practice.practitioners') }] : []),
        ...statementFacts(m, 'practice.regulation', regulation),
      ],
    };
  }

  private comparisonSections(m: Monograph, q: ResolvedQuestion): Section[] {
    const t = this.replies.answer;
    const sections: Section[] = q.unknownTherapies.map((other) => ({
      facts: [
        {
          text: fill(t.compareUnknown, { therapy: inSentence(m.name), other: escapeMarkdown(unknownTherapyName(this.knowledge, other)) }),
          field: 'replies.answer.compareUnknown',
        },
      ],
    }));
    // Only therapies named surely: a "did you mean" candidate's facts are never shown as a comparison.
    const others = q.therapies
      .filter((other) => other.id !== m.id && other.score >= ANSWER_THRESHOLD)
      .map((other) => this.monographOf(other.id));
    if (others.length > 0) {
      sections.push({ facts: [{ text: t.compareCovered, field: 'replies.answer.compareCovered' }] });
      for (const other of others) {
        for (const c of conditionsOf(this.knowledge, q, 'condition'))
          sections.push({ ...this.effectiveness(other, c.entry), title: `${other.name}: ${c.entry.name}` });
      }
    }
    return sections;
  }

  /** "Cranial osteopathy is another name for craniosacral therapy.", when the person used another full name. */
  private aliasNote(m: Monograph, match: TherapyMatch): Fact | undefined {
    if (match.score < 1) return undefined;
    const typed = compact(match.matched);
    const canonical = compact(m.name);
    if (canonical.includes(typed) || typed.includes(canonical)) return undefined;
    const index = this.englishOtherNamesOf(m).get(typed);
    if (index === undefined) return undefined;
    return {
      text: fill(this.replies.answer.alsoCalled, { name: sentenceCase(m.otherNames[index].name), therapy: inSentence(m.name) }),
      field: at(m, `otherNames[${index}]`),
    };
  }

  /** Only English names: "Terapia craneosacral" is the person's own language's name, not another name to learn. */
  private englishOtherNamesOf(m: Monograph): Map<string, number> {
    let names = this.englishOtherNames.get(m);
    if (!names) {
      names = new Map();
      for (const [i, n] of m.otherNames.entries()) {
        const key = compact(n.name);
        if (!n.abbreviation && n.language === 'en' && !names.has(key)) names.set(key, i);
      }
      this.englishOtherNames.set(m, names);
    }
    return names;
  }

  private followUps(m: Monograph, topics: Set<Topic>, precautions: Precaution[]): string[] {
    const asked = new Set<string>(topics);
    if (precautions.some((p) => p.appliesTo.includes('pregnancy'))) asked.add('pregnancy');
    const therapy = inSentence(m.name);
    return Object.entries(this.replies.followUps)
      .filter(([topic]) => !asked.has(topic))
      .slice(0, 3)
      .map(([, template]) => fill(template, { therapy }));
  }

  /** "What helps migraines?": the ratings of every monograph that rates the condition. */
  conditionFirst(conditions: RatedCondition[]): Answer {
    const t = this.replies.answer;
    const sections: Section[] = [];
    for (const { entry } of conditions) {
      const rated = this.knowledge.monographs.filter((m) => m.uses.some((u) => u.condition === entry.id));
      if (rated.length === 0) {
        sections.push({
          facts: [
            {
              text: fill(t.conditionFirstNone, { condition: inSentence(entry.name), therapies: this.therapyList() }),
              field: 'replies.answer.conditionFirstNone',
            },
          ],
        });
        continue;
      }
      sections.push({
        title: entry.name,
        facts: [{ text: fill(t.conditionFirst, { condition: inSentence(entry.name) }), field: 'replies.answer.conditionFirst' }],
      });
      for (const m of rated) sections.push({ ...this.effectiveness(m, entry), title: m.name });
    }
    const anyRated = sections.some((section) => section.rating);
    return {
      kind: 'condition-first',
      outcome: anyRated ? 'answered' : 'no-information',
      topics: ['effectiveness'],
      headline: conditions.map((c) => c.entry.name).join(', '),
      sections,
      warnings: [],
      followUps: this.knowledge.monographs.slice(0, 3).map((m) => fill(this.replies.followUps.overview, { therapy: inSentence(m.name) })),
    };
  }

  private get replies() {
    return this.knowledge.replies;
  }

  private get and(): string {
    return this.replies.words.and;
  }

  /** What a rating badge says it rates: "Evidence for migraine", or "Evidence" under a titled section. */
  private captions(scale: 'evidence' | 'safety', subject: string): { subject: string; caption: string; scaleName: string } {
    const c = this.replies.ratingCaptions;
    return scale === 'evidence'
      ? { subject, caption: fill(c.evidenceFor, { subject }), scaleName: c.evidence }
      : { subject, caption: fill(c.safetyOf, { subject }), scaleName: c.safety };
  }

  private monographOf(id: string): Monograph {
    return monographOf(this.knowledge, id);
  }

  private lexiconName(id: string): string {
    return this.knowledge.lexiconEntry(id)?.name ?? id;
  }

  private therapyList(): string {
    return therapyList(this.knowledge);
  }

  private sourceLine(m: Monograph): string {
    return fill(this.replies.answer.source, { source: describeSources(m, this.replies.words.via), reviewed: m.reviewed });
  }

  /** Each source by its title, with the source line's wording for its publisher, year and the review date. */
  private citations(m: Monograph): Citation[] {
    return m.sources.map((s) => ({
      name: s.title,
      abstract: fill(this.replies.answer.source, { source: `${s.publisher} (${s.year})`, reviewed: m.reviewed }),
    }));
  }
}

/** The conditions (or populations) a question names, with their lexicon entries. */
export function conditionsOf(knowledge: KnowledgeBase, q: ResolvedQuestion, kind: LexiconEntry['kind']): RatedCondition[] {
  return q.conditions
    .map((match) => ({ match, entry: knowledge.lexiconEntry(match.id) }))
    .filter((c): c is RatedCondition => c.entry !== undefined && c.entry.kind === kind);
}

function statementFacts(m: Monograph, field: string, statements: readonly Statement[]): Fact[] {
  return statements.map((s, i) => ({ text: s.text, field: at(m, `${field}[${i}]`) }));
}

/** A monograph field as a Fact names it: "craniosacral-therapy#uses[3].rating". */
function at(m: Monograph, path: string): string {
  return `${m.id}#${path}`;
}

/** Where a rating shared by several uses is recorded: the first use with it, or the blanket rating. */
function ratingField(m: Monograph, level: EvidenceRating): string {
  const index = m.uses.findIndex((u) => u.rating === level);
  return at(m, index >= 0 ? `uses[${index}].rating` : 'otherConditions.rating');
}
