// `npm run ask -- "is craniosacral therapy safe in pregnancy?"`: prints how the bot understands a
// question and the answer it composes, without starting a server. A tool for data maintainers.
import { QuestionAnswering } from '../question-answering';
import { renderMarkdown } from '../render/text';
import { loadForCli } from './shipped-knowledge';
import { loadLanguageGuesser } from '../understanding/language';
import { isEnglishWord } from '../text/english';

async function main(questions: string[]): Promise<number> {
  const knowledge = loadForCli();
  if (!knowledge) return 1;
  const languages = await loadLanguageGuesser(isEnglishWord);
  const answering = new QuestionAnswering(knowledge, { cacheEntries: 0, languages });
  for (const question of questions) {
    const resolved = answering.understand(question);
    const answer = answering.answer(resolved);
    console.log(`> ${question}`);
    console.log(JSON.stringify(resolved));
    console.log(`[${answer.kind}/${answer.outcome}]`);
    console.log(renderMarkdown(answer));
    console.log();
  }
  return 0;
}

void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
