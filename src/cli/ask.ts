// `npm run ask -- "is craniosacral therapy safe in pregnancy?"`: prints how the bot understands a
// question and the answer it composes, without starting a server. A tool for data maintainers.
// `--locale es-MX` answers as for a client with that locale: in the question's language when it is clear,
// else the locale's, with the emergency numbers of the locale's region.
import { QuestionAnswering, regionOfLocale } from '../question-answering';
import { renderMarkdown } from '../render/text';
import { loadForCli } from './shipped-knowledge';
import { loadLanguageGuesser } from '../understanding/language';
import { isEnglishWord } from '../text/english';

async function main(args: string[]): Promise<number> {
  const at = args.indexOf('--locale');
  const locale = at >= 0 ? args[at + 1] : undefined;
  const questions = at >= 0 ? args.filter((_arg, i) => i !== at && i !== at + 1) : args;
  const knowledge = loadForCli();
  if (!knowledge) return 1;
  const languages = await loadLanguageGuesser(isEnglishWord);
  const answering = new QuestionAnswering(knowledge, { cacheEntries: 0, languages });
  for (const question of questions) {
    const resolved = answering.understand(question);
    const language = answering.languageOf({ text: question, locale });
    const answer = answering.answer(resolved, { language, region: regionOfLocale(locale) });
    console.log(`> ${question}`);
    console.log(JSON.stringify(resolved));
    console.log(`[${answer.kind}/${answer.outcome}, ${language}]`);
    console.log(renderMarkdown(answer));
    console.log();
  }
  return 0;
}

void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
