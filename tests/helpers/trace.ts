// Resolves the `field` of every Fact of an Answer, to prove each sentence comes from the data.
import type { Answer, Fact } from '../../src/answers/types';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base';

/** Follows a path such as "precautions[1].statements[0]" into an object. */
export function lookup(root: unknown, path: string): unknown {
  let value: unknown = root;
  for (const part of path.split(/\.|(?=\[)/)) {
    if (value === undefined || value === null) return undefined;
    const index = /^\[(\d+)\]$/.exec(part);
    value = index ? (value as unknown[])[Number(index[1])] : (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Problems with the traceability of an answer's facts; empty when every fact is traceable. */
export function untraceable(answer: Answer, knowledge: KnowledgeBase): string[] {
  const problems: string[] = [];
  const facts: Fact[] = [
    ...(answer.lead ? [answer.lead] : []),
    ...answer.sections.flatMap((s) => s.facts),
    ...answer.warnings.flatMap((w) => w.facts),
  ];
  for (const fact of facts) {
    if (fact.field.startsWith('replies.')) {
      if (typeof lookup(knowledge.replies, fact.field.slice('replies.'.length)) !== 'string')
        problems.push(`no reply template at ${fact.field}`);
    } else {
      problems.push(...monographProblems(fact.field, knowledge, fact.text));
    }
  }
  for (const section of answer.sections) if (section.rating) problems.push(...monographProblems(section.rating.field, knowledge));
  return problems;
}

/** "id#path" must name a monograph field; a statement's text must be the monograph's own. */
function monographProblems(field: string, knowledge: KnowledgeBase, text?: string): string[] {
  const [id, path] = field.split('#');
  const monograph = knowledge.monograph(id);
  if (!monograph || !path) return [`${field} names no monograph field`];
  const value = lookup(monograph, path);
  if (value === undefined) return [`no monograph field ${field}`];
  if (text !== undefined && typeof value === 'object' && value !== null && 'text' in value && (value as { text: string }).text !== text) {
    return [`text of ${field} differs from the monograph`];
  }
  return [];
}
