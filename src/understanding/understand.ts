// One message in, one ResolvedQuestion out. Pure: no I/O, no botbuilder.
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { normalise, words } from '../text/normalise';
import { TherapyIndex } from './therapy';
import type { ResolvedQuestion } from './types';

export class Understanding {
  private readonly therapies: TherapyIndex;
  private readonly greetings: Set<string>;
  private readonly helpPhrases: Set<string>;

  constructor(knowledge: KnowledgeBase) {
    this.therapies = new TherapyIndex(knowledge.monographs);
    this.greetings = new Set(knowledge.cues.greeting.map(normalise));
    this.helpPhrases = new Set(knowledge.cues.help.map(normalise));
  }

  understand(text: string): ResolvedQuestion {
    const tokens = words(text);
    const whole = tokens.join(' ');
    const therapy = this.therapies.resolve(tokens);
    if (therapy) return { intent: 'question', therapy, topic: 'overview', confidence: therapy.score };
    if (this.helpPhrases.has(whole)) return { intent: 'help', topic: 'overview', confidence: 1 };
    if (this.greetings.has(whole)) return { intent: 'greeting', topic: 'overview', confidence: 1 };
    return { intent: 'question', topic: 'overview', confidence: 0 };
  }
}
