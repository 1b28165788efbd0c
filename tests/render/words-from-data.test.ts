// Every word a person reads comes from data/replies.json: change the data and the rendered reply changes.
import { describe, expect, it } from 'vitest';
import { AnswerComposer } from '../../src/answers/compose';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base';
import { loadKnowledge } from '../../src/knowledge/load';
import { buildReply } from '../../src/render/activity';
import { renderMarkdown } from '../../src/render/text';
import { Understanding } from '../../src/understanding/understand';
import { copyOfData, editJson } from '../helpers/data';

function composerWith(change: (replies: Record<string, Record<string, string>>) => void) {
  const dir = copyOfData();
  editJson(dir, 'replies.json', change);
  const loaded = loadKnowledge(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const knowledge = new KnowledgeBase(loaded.knowledge);
  const understanding = new Understanding(knowledge);
  const composer = new AnswerComposer(knowledge);
  return (text: string) => composer.answer(understanding.understand(text));
}

describe('words a person reads', () => {
  const answerTo = composerWith((replies) => {
    replies.buttons = { yes: 'Sí', no: 'Non', helpful: 'Útil', notHelpful: 'Pas utile', talkToPerson: 'Parler à quelqu’un' };
    replies.ratingCaptions = {
      evidence: 'Preuves',
      safety: 'Sécurité',
      evidenceFor: 'Preuves pour {subject}',
      safetyOf: 'Sécurité de {subject}',
    };
    replies.words = { and: 'et', or: 'ou', via: 'par', otherConditions: 'autres affections' };
  });

  it('label rating badges and feedback buttons from the data', () => {
    const reply = JSON.stringify(buildReply(answerTo('does CST help migraines?'), 'webchat', 'answer-1'));
    expect(reply).toContain('Preuves pour migraine');
    expect(reply).toContain('"title":"Útil"');
    expect(reply).toContain('"title":"Pas utile"');
    expect(reply).not.toMatch(/Evidence for|"Helpful"|Not helpful/);
  });

  it('join lists and name the other conditions from the data', () => {
    const text = renderMarkdown(answerTo('what is craniosacral therapy used for?'));
    expect(text).toMatch(/ et autres affections/);
    expect(text).not.toMatch(/other conditions/);
  });

  it('offer yes and no from the data', () => {
    expect(answerTo('is cranial good for headaches?').followUps).toEqual(['Sí', 'Non']);
  });
});
