// The knowledge the command-line tools work on: DATA_DIR, or the shipped data. Problems are printed and
// the tool exits with 1, as the bot refuses to start on invalid data.
import { resolve } from 'node:path';
import { loadConfig } from '../config';
import { KnowledgeBase } from '../knowledge/knowledge-base';
import { formatProblem, loadKnowledge } from '../knowledge/load';

/** The validated knowledge, or undefined after printing what is wrong with it. */
export function loadForCli(): KnowledgeBase | undefined {
  const loaded = loadKnowledge(dataDirForCli());
  if (loaded.ok) return new KnowledgeBase(loaded.knowledge);
  loaded.problems.forEach((p) => console.error(formatProblem(p)));
  return undefined;
}

/** DATA_DIR from the environment, or its default, read through the settings like the bot's. */
export function dataDirForCli(): string {
  return resolve(loadConfig(process.env).DATA_DIR);
}
