// Reads the parts of a consumer monograph page (the Natural Medicines consumer format: other names, an overview,
// "How does it work?", uses under the seven evidence headings, side effects and safety, special precautions,
// interactions, dosing) from its lines, in the page's own words. Nothing is guessed: a part that is there but
// cannot be read is a problem naming its line; a part that is not there is absent. Page furniture (navigation,
// search boxes, reviews, the site's notices) is skipped.
import type { EvidenceRating, SafetyRating } from '../knowledge/schema';
import type { PageLine } from './page-lines';

export type Severity = 'major' | 'moderate' | 'minor';

export interface ParsedUse {
  /** The use as the page names it: "Migraine", "“Slipped disks” in the spine". */
  name: string;
  /** What the page says about it after its name, when it says more. */
  detail?: string;
  rating: EvidenceRating;
  line: number;
}

export interface ParsedPrecaution {
  /** "Pregnancy and breast-feeding". */
  label: string;
  /** Its paragraphs, the first without the label. */
  paragraphs: string[];
  line: number;
}

export interface ParsedInteraction {
  /** The medicine or class: "Medications that slow blood clotting (Anticoagulant / Antiplatelet drugs)". */
  with: string;
  severity: Severity;
  /** The page's advice for the severity: "Be cautious with this combination". */
  advice?: string;
  paragraphs: string[];
  line: number;
}

export interface ParsedPage {
  /** The name the page gives the remedy, from its section headings: "Craniosacral Therapy". */
  title: string;
  otherNames: string[];
  /** The list of names was cut short on the page ("Syst&..."): the cut name is left out. */
  namesCutShort: boolean;
  overview: string[];
  howItWorks: string[];
  uses: ParsedUse[];
  /** The rating of the page's "Other conditions" item, its blanket rating for uses it does not list. */
  otherConditions?: EvidenceRating;
  safety?: { ratings: SafetyRating[]; paragraphs: string[]; line: number };
  precautions: ParsedPrecaution[];
  /** "none" when the page says it has no information on interactions. */
  interactions?: 'none' | ParsedInteraction[];
  dosing?: string[];
  copyright?: { publisher: string; year: number };
}

export interface PageProblem {
  line: number;
  message: string;
}

const EVIDENCE_HEADINGS: Record<string, EvidenceRating> = {
  effective: 'effective',
  'likely effective': 'likely-effective',
  'possibly effective': 'possibly-effective',
  'possibly ineffective': 'possibly-ineffective',
  'likely ineffective': 'likely-ineffective',
  ineffective: 'ineffective',
  'insufficient evidence': 'insufficient-evidence',
};

/** The safety words as the format writes them, in capitals; longest first so POSSIBLY UNSAFE is not read as UNSAFE. */
const SAFETY_WORDS: [RegExp, SafetyRating][] = [
  [/\bLIKELY UNSAFE\b/, 'likely-unsafe'],
  [/\bPOSSIBLY UNSAFE\b/, 'possibly-unsafe'],
  [/\bLIKELY SAFE\b/, 'likely-safe'],
  [/\bPOSSIBLY SAFE\b/, 'possibly-safe'],
  [/(?<!LIKELY |POSSIBLY )\bUNSAFE\b/, 'unsafe'],
  [/\b(?:is|isn[’']t|not) enough (?:reliable )?information to know (?:if|whether) .+ (?:is )?safe\b/i, 'insufficient-information'],
];

const HEADING = {
  otherNames: /^Other Names:?\s*(.*)$/i,
  seeAllNames: /^See All Names$/i,
  howItWorks: /^How does it work\??$/i,
  uses: /^(.+?)\s+Uses\s*(?:&|and)\s*Effectiveness\b/i,
  level: /^(.{3,40}?)\s+for:?$/i,
  safety: /^(.+?)\s+Side Effects\s*(?:&|and)\s*Safety\b/i,
  precautions: /^Special Precautions\s*(?:&|and)\s*Warnings:?$/i,
  interactions: /^(.+?)\s+Interactions(?:\s+What is this\??)?$/i,
  noInteractions: /^We currently have no information for .+ Interactions\.?$/i,
  dosing: /^(.+?)\s+Dosing(?:\s+What is this\??)?$/i,
  severity: /^(Major|Moderate|Minor)\s+Interaction\b[\s:.-]*(.*)$/i,
  interactsWith: /^(.+?)\s+interacts? with\s+(.+?)\.?$/i,
};

const BULLET = /^\s*[•·*–-]\s+(.*)$/;

/** Lines of the site around the monograph. The first of END_OF_MONOGRAPH ends the monograph's content. */
const FURNITURE = [/^Skip to content$/i, /^Find a Vitamin or Supplement$/i, /^Search for a Vitamin or Supplement$/i, /^Ex\. .+, .+$/];
const END_OF_MONOGRAPH = [
  /^Be the first to share your experience/i,
  /^Review this Treatment$/i,
  /^Learn about User Reviews/i,
  /^Conditions of Use and Important Information/i,
  /^Today on WebMD$/i,
  /^IMPORTANT: About This Section/i,
  /^Search for a Vitamin or Supplement$/i,
  /^(?:User )?Reviews?\b.*\bthis (?:treatment|vitamin|supplement)/i,
];

const NO_MEDICINE = 'an interaction entry that names no medicine (no "... interacts with ..." line after its severity)';

/** Where the site puts a block of its own between the monograph's sections (user reviews): skipped until the next heading. */
const FURNITURE_BLOCK = [/^User Reviews$/i, /\bUser Reviews?\b.*\bAverage rating\b/i, /^Read All Reviews\b/i, /^Write a Review\b/i];

type Part = 'furniture' | 'top' | 'names' | 'overview' | 'how' | 'uses' | 'safety' | 'precautions' | 'interactions' | 'dosing';

export function parsePage(lines: readonly PageLine[]): { page?: ParsedPage; problems: PageProblem[] } {
  const problems: PageProblem[] = [];
  const copyright = copyrightOf(lines);
  const end = lines.findIndex((l) => END_OF_MONOGRAPH.some((re) => re.test(l.text.trim())));
  const content = (end >= 0 ? lines.slice(0, end) : lines).filter((l) => !FURNITURE.some((re) => re.test(l.text.trim())));

  const page: ParsedPage = { title: '', otherNames: [], namesCutShort: false, overview: [], howItWorks: [], uses: [], precautions: [] };
  let part = 'top' as Part;
  let level: EvidenceRating | undefined;
  let levelLine = 0;
  let levelUses = 0;
  /** The uses being read have no rating: under an unknown heading, or under none (reported once). */
  let unratedHeading = false;
  let lastUse: ParsedUse | undefined;
  /** Uses whose name ended on the lines read so far (a name runs on over lines until its full stop). */
  const namesEnded = new WeakSet<ParsedUse>();
  let precaution: ParsedPrecaution | undefined;
  let interaction: ParsedInteraction | undefined;
  let pendingSeverity: { severity: Severity; advice?: string; line: number } | undefined;
  const seen = new Set<Part>();

  const closeLevel = () => {
    if (level && levelUses === 0) problems.push({ line: levelLine, message: 'an evidence heading with no uses under it' });
    level = undefined;
  };
  /** The line where each part began: a missing part was due where the part that came instead began. */
  const began = new Map<Part, number>();
  let lineNow = 1;
  const enter = (next: Part) => {
    if (part === 'uses') closeLevel();
    part = next;
    seen.add(next);
    if (!began.has(next)) began.set(next, lineNow);
  };

  for (const { number, text: raw } of content) {
    lineNow = number;
    const text = raw.trim();
    if (text === '') {
      lastUse = undefined;
      continue;
    }
    let match: RegExpMatchArray | null;
    if ((match = text.match(HEADING.otherNames))) {
      enter('names');
      if (match[1]) readNames(match[1], page);
      continue;
    }
    if (HEADING.seeAllNames.test(text)) {
      enter('overview');
      continue;
    }
    if (HEADING.howItWorks.test(text)) {
      enter('how');
      continue;
    }
    if ((match = text.match(HEADING.uses))) {
      page.title ||= titleCase(match[1]);
      enter('uses');
      continue;
    }
    if ((match = text.match(HEADING.safety))) {
      page.title ||= titleCase(match[1]);
      enter('safety');
      page.safety ??= { ratings: [], paragraphs: [], line: number };
      continue;
    }
    if (HEADING.precautions.test(text)) {
      enter('precautions');
      continue;
    }
    if (HEADING.noInteractions.test(text)) {
      if (part !== 'interactions') enter('interactions');
      page.interactions = 'none';
      continue;
    }
    if ((match = text.match(HEADING.interactions)) && isHeadingName(match[1], page.title)) {
      enter('interactions');
      continue;
    }
    if ((match = text.match(HEADING.dosing)) && isHeadingName(match[1], page.title)) {
      enter('dosing');
      page.dosing = [];
      continue;
    }

    if (FURNITURE_BLOCK.some((re) => re.test(text))) {
      enter('furniture');
      continue;
    }

    switch (part) {
      case 'top':
      case 'furniture':
        break; // the site's header, or a block of its own
      case 'names':
        if (page.otherNames.length === 0) readNames(text, page);
        else {
          enter('overview');
          page.overview.push(text);
        }
        break;
      case 'overview':
        page.overview.push(text);
        break;
      case 'how':
        page.howItWorks.push(text);
        break;
      case 'uses': {
        const bullet = text.match(BULLET);
        if ((match = text.match(HEADING.level)) && !bullet) {
          closeLevel();
          const rating = EVIDENCE_HEADINGS[match[1].toLowerCase().replace(/\s+/g, ' ')];
          if (!rating) {
            problems.push({ line: number, message: `unknown rating heading "${match[1]} for:"` });
            level = undefined;
            unratedHeading = true;
          } else {
            unratedHeading = false;
            level = rating;
            levelLine = number;
            levelUses = 0;
          }
          break;
        }
        if (bullet && !level) {
          // A use with no evidence heading above it has no rating; under an unknown heading that is said once.
          if (!unratedHeading) problems.push({ line: number, message: 'a use with no evidence heading ("Effective for:", ...) above it' });
          unratedHeading = true;
          break;
        }
        if (bullet && level) {
          levelUses++;
          const { name, detail } = splitUse(bullet[1]);
          if (/^other conditions$/i.test(name)) page.otherConditions = level;
          else {
            lastUse = { name, ...(detail ? { detail } : {}), rating: level, line: number };
            page.uses.push(lastUse);
            if (/\.(?:\s|$)/.test(bullet[1])) namesEnded.add(lastUse);
          }
          break;
        }
        if (lastUse && isIndented(raw)) {
          // A use written over two lines (its name runs on until a full stop), or the sentences after its name.
          if (lastUse.detail === undefined && !namesEnded.has(lastUse)) {
            const { name, detail } = splitUse(`${lastUse.name} ${text}`);
            lastUse.name = name;
            if (detail) lastUse.detail = detail;
            if (detail !== undefined || /\.$/.test(text)) namesEnded.add(lastUse);
          } else lastUse.detail = [lastUse.detail, text].filter(Boolean).join(' ');
          break;
        }
        if (safetyRatingsIn(text).length > 0) {
          enter('safety');
          page.safety = { ratings: [], paragraphs: [], line: number };
          readSafety(text, page);
          break;
        }
        lastUse = undefined; // the sentence that closes a list ("More evidence is needed ...")
        break;
      }
      case 'safety':
        if (!page.safety) page.safety = { ratings: [], paragraphs: [], line: number };
        readSafety(text, page);
        break;
      case 'precautions': {
        const labelled = text.match(/^([^:]{2,80}):\s+(.+)$/);
        if (labelled && /^[A-Z“"]/.test(labelled[1])) {
          precaution = { label: labelled[1].trim(), paragraphs: [labelled[2]], line: number };
          page.precautions.push(precaution);
        } else if (precaution) precaution.paragraphs.push(text);
        else problems.push({ line: number, message: 'a precaution paragraph without a "Population or condition:" label' });
        break;
      }
      case 'interactions': {
        if ((match = text.match(HEADING.severity))) {
          if (pendingSeverity) problems.push({ line: pendingSeverity.line, message: NO_MEDICINE });
          pendingSeverity = {
            severity: match[1].toLowerCase() as Severity,
            ...(match[2] ? { advice: match[2].trim() } : {}),
            line: number,
          };
          break;
        }
        if ((match = text.match(HEADING.interactsWith)) && pendingSeverity) {
          interaction = { with: match[1].trim(), ...pendingSeverity, paragraphs: [], line: pendingSeverity.line };
          if (!interaction.advice) delete interaction.advice;
          if (page.interactions === undefined || page.interactions === 'none') page.interactions = [];
          page.interactions.push(interaction);
          pendingSeverity = undefined;
          break;
        }
        if (pendingSeverity && !pendingSeverity.advice && /combination/i.test(text)) {
          pendingSeverity.advice = text;
          break;
        }
        if (pendingSeverity) {
          // The explanation came before any "... interacts with ...": this entry names no medicine.
          problems.push({ line: pendingSeverity.line, message: NO_MEDICINE });
          pendingSeverity = undefined;
          interaction = undefined;
        } else if (interaction) interaction.paragraphs.push(text);
        break;
      }
      case 'dosing':
        page.dosing!.push(text);
        break;
    }
  }
  if (part === 'uses') closeLevel();
  if (pendingSeverity) problems.push({ line: pendingSeverity.line, message: NO_MEDICINE });

  const firstLine = content[0]?.number ?? 1;
  /** The line where the first of these parts began: where a missing part should have been. */
  const dueAt = (...later: Part[]) => later.map((p) => began.get(p)).find((line) => line !== undefined) ?? firstLine;
  if (!page.title)
    problems.push({ line: firstLine, message: 'no "<NAME> Uses & Effectiveness" heading: the page\'s uses and its name cannot be read' });
  if (page.otherNames.length === 0 && !seen.has('names')) problems.push({ line: firstLine, message: 'no "Other Names:" list' });
  if (page.overview.length === 0)
    problems.push({ line: firstLine, message: 'no overview paragraph before "How does it work?" or the uses' });
  if (page.uses.length === 0 && page.otherConditions === undefined && page.title)
    problems.push(
      seen.has('uses')
        ? { line: dueAt('uses'), message: 'no uses under any evidence heading' }
        : {
            line: dueAt('safety', 'precautions', 'interactions', 'dosing'),
            message: 'no "<NAME> Uses & Effectiveness" section with its uses',
          },
    );
  if (!page.safety || page.safety.ratings.length === 0)
    problems.push({
      line: page.safety?.line ?? dueAt('precautions', 'interactions', 'dosing'),
      message: 'no safety rating (LIKELY SAFE, POSSIBLY UNSAFE, ... or "not enough information to know if it is safe")',
    });
  if (page.interactions === undefined && !seen.has('interactions'))
    problems.push({ line: dueAt('dosing'), message: 'no interactions section' });
  if (!copyright) problems.push({ line: firstLine, message: 'no copyright line naming the publisher and the year' });
  else page.copyright = copyright;
  return problems.length > 0 ? { problems } : { page, problems };
}

/** "Approche Craniosacrale, Cranial Therapy, ..., Syst&..." */
function readNames(text: string, page: ParsedPage): void {
  const names = text.split(/\s*,\s*/).filter((n) => n !== '');
  const last = names[names.length - 1];
  if (last && /(?:\.\.\.|…)$/.test(last)) {
    names.pop();
    page.namesCutShort = true;
  }
  page.otherNames.push(...names);
}

/** "Migraine. Taking it by mouth ..." → the use and what follows; "Slipped disks” in the spine." → the use. */
function splitUse(text: string): { name: string; detail?: string } {
  const stop = text.search(/\.(?:\s|$)/);
  if (stop < 0) return { name: text.trim() };
  const detail = text.slice(stop + 1).trim();
  return { name: text.slice(0, stop).trim(), ...(detail ? { detail } : {}) };
}

function readSafety(text: string, page: ParsedPage): void {
  page.safety!.paragraphs.push(text);
  for (const rating of safetyRatingsIn(text)) if (!page.safety!.ratings.includes(rating)) page.safety!.ratings.push(rating);
}

function safetyRatingsIn(text: string): SafetyRating[] {
  return SAFETY_WORDS.filter(([re]) => re.test(text)).map(([, rating]) => rating);
}

/** The copyright notice: "provided by <publisher>. ... © <holder> <year>." */
function copyrightOf(lines: readonly PageLine[]): ParsedPage['copyright'] {
  const all = lines.map((l) => l.text).join('\n');
  const provider = all.match(/copyrighted material is provided by ([^.\n]+)\./i)?.[1]?.trim();
  const holder = all.match(/(?:©|\(c\)|Copyright)\s*([^\n©]*?[A-Za-z][^\n©]*?)\s+(\d{4})\b/i);
  if (!provider || !holder) return undefined;
  const owner = holder[1].trim().replace(/[.,]$/, '');
  return { publisher: owner && owner !== provider ? `${provider}, ${owner}` : provider, year: Number(holder[2]) };
}

/** "CRANIOSACRAL THERAPY" → "Craniosacral Therapy" (a page's headings write the name in capitals). */
function titleCase(name: string): string {
  const trimmed = name.trim();
  if (trimmed !== trimmed.toUpperCase()) return trimmed;
  return trimmed.toLowerCase().replace(/(^|[\s(/-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** A heading names the page's remedy (an interactions line in prose names something else). */
function isHeadingName(name: string, title: string): boolean {
  return title === '' ? name === name.toUpperCase() : name.trim().toLowerCase() === title.toLowerCase();
}

function isIndented(line: string): boolean {
  return /^\s{2,}\S/.test(line) && !BULLET.test(line);
}
