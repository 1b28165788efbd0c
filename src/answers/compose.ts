// Builds Answers from the monographs. Every fact is copied from a monograph field and names it;
// nothing here writes health content of its own.
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Monograph, Statement } from '../knowledge/schema';
import type { Answer, Fact } from './types';

export class AnswerComposer {
  constructor(private readonly knowledge: KnowledgeBase) {}

  overview(monograph: Monograph): Answer {
    return {
      kind: 'overview',
      therapyId: monograph.id,
      headline: monograph.name,
      facts: facts('overview', monograph.overview),
      warnings: [],
      followUps: this.knowledge.replies.examples,
      source: describeSources(monograph),
    };
  }

  greeting(): Answer {
    return this.fixed('greeting', this.fill(this.knowledge.replies.greeting));
  }

  help(): Answer {
    return this.fixed('help', this.fill(this.knowledge.replies.help));
  }

  notUnderstood(): Answer {
    return this.fixed('not-understood', this.fill(this.knowledge.replies.fallback));
  }

  private fixed(kind: Answer['kind'], text: string): Answer {
    return { kind, headline: '', facts: [{ text, field: `replies.${kind}` }], warnings: [], followUps: this.knowledge.replies.examples };
  }

  /** Replaces "{therapies}" with the names of the monographs loaded. */
  private fill(template: string): string {
    const names = this.knowledge.monographs.map((m) => m.name.toLowerCase());
    return template.replaceAll('{therapies}', listInWords(names));
  }
}

export function facts(field: string, statements: readonly Statement[]): Fact[] {
  return statements.map((s, i) => ({ text: s.text, field: `${field}[${i}]` }));
}

export function describeSources(monograph: Monograph): string {
  return monograph.sources
    .map((s) => `${s.title}, ${s.publisher} (${s.year})${s.via ? `, via ${s.via}` : ''}`)
    .join('; ');
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
