// `npm run ask -- "is craniosacral therapy safe in pregnancy?"`: prints how the bot understands a
// question and the answer it composes, without starting a server. A tool for data maintainers.
import { resolve } from 'node:path';
import { DEFAULT_DATA_DIR } from '../config';
import { Conversation } from '../conversation';
import { KnowledgeBase } from '../knowledge/knowledge-base';
import { formatProblem, loadKnowledge } from '../knowledge/load';
import { renderMarkdown } from '../render/text';

function main(questions: string[]): number {
  const loaded = loadKnowledge(resolve(process.env.DATA_DIR ?? DEFAULT_DATA_DIR));
  if (!loaded.ok) {
    loaded.problems.forEach((p) => console.error(formatProblem(p)));
    return 1;
  }
  const conversation = new Conversation(new KnowledgeBase(loaded.knowledge));
  for (const question of questions) {
    const { question: resolved, answer } = conversation.reply(question);
    console.log(`> ${question}`);
    console.log(JSON.stringify(resolved));
    console.log(`[${answer.kind}/${answer.outcome}]`);
    console.log(renderMarkdown(answer));
    console.log();
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
