// `npm run validate-data [-- DIR]`: the start-up validation as a command, for data maintainers and CI.
import { resolve } from 'node:path';
import { formatProblem, loadKnowledge } from '../knowledge/load';
import { dataDirForCli } from './shipped-knowledge';

function main(argv: string[]): number {
  const dir = argv[0] ? resolve(argv[0]) : dataDirForCli();
  const result = loadKnowledge(dir);
  if (!result.ok) {
    console.error(`${dir}: ${result.problems.length} problem(s) found`);
    for (const problem of result.problems) console.error(formatProblem(problem));
    return 1;
  }
  const { monographs, lexicon } = result.knowledge;
  const uses = monographs.reduce((sum, m) => sum + m.uses.length, 0);
  console.log(`${dir}: valid: ${monographs.length} monograph(s), ${uses} rated use(s), ${lexicon.length} lexicon entries`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
