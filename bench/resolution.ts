// Resolution at scale: start-up (load, validate, index) and understanding latency at N monographs,
// beside the straightforward design: one fuse.js index over every name of every monograph.
import Fuse from 'fuse.js';
import { performance } from 'node:perf_hooks';
import { rmSync } from 'node:fs';
import { KnowledgeBase } from '../src/knowledge/knowledge-base';
import { loadKnowledge } from '../src/knowledge/load';
import { compact, words } from '../src/text/normalise';
import { Understanding } from '../src/understanding/understand';
import { percentile } from './load';
import { generateKnowledge, typo } from './generate';

export interface ResolutionResult {
  monographs: number;
  startupMs: number;
  p50Us: number;
  p99Us: number;
  heapMb: number;
  naive: { indexMs: number; p50Us: number; p99Us: number };
  /** Share of queries that resolved the therapy they named. */
  accuracy: number;
}

const QUERY_COUNT = 3000;

export function measureResolution(monographCount: number): ResolutionResult {
  const generated = generateKnowledge(monographCount);
  try {
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const loaded = loadKnowledge(generated.dir);
    if (!loaded.ok) throw new Error(`generated data invalid: ${JSON.stringify(loaded.problems.slice(0, 3))}`);
    const knowledge = new KnowledgeBase(loaded.knowledge);
    const understanding = new Understanding(knowledge);
    const startupMs = performance.now() - t0;
    global.gc?.();
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;

    // The query mix: exact names, other names, typos, conditions, and therapies nobody covers.
    const queries: { text: string; expects?: string }[] = [];
    for (let i = 0; i < QUERY_COUNT; i++) {
      const name = generated.names[(i * 7919) % generated.names.length];
      const condition = generated.conditionNames[(i * 104729) % generated.conditionNames.length];
      switch (i % 5) {
        case 0: queries.push({ text: `is ${name} safe in pregnancy?`, expects: name }); break;
        case 1: queries.push({ text: `does ${name} help ${condition}?`, expects: name }); break;
        case 2: queries.push({ text: `is ${typo(name)} any good`, expects: name }); break;
        case 3: queries.push({ text: `what helps ${condition}?` }); break;
        default: queries.push({ text: 'what do you know about zorblax therapy?' });
      }
    }
    const ownerOf = new Map<string, string>();
    for (const m of knowledge.monographs) for (const n of [m.name, ...m.otherNames.map((o) => o.name)]) ownerOf.set(n, m.id);

    for (const q of queries.slice(0, 300)) understanding.understand(q.text); // warm up
    const latencies: number[] = [];
    let right = 0;
    let named = 0;
    for (const q of queries) {
      const start = performance.now();
      const resolved = understanding.understand(q.text);
      latencies.push((performance.now() - start) * 1000);
      if (q.expects) {
        named++;
        if (resolved.therapies[0]?.id === ownerOf.get(q.expects)) right++;
      }
    }
    latencies.sort((a, b) => a - b);

    return {
      monographs: monographCount,
      startupMs,
      p50Us: percentile(latencies, 50),
      p99Us: percentile(latencies, 99),
      heapMb,
      naive: measureNaive(knowledge, queries.map((q) => q.text)),
      accuracy: right / named,
    };
  } finally {
    rmSync(generated.dir, { recursive: true, force: true });
  }
}

/** One fuse.js index over every name; each query's runs of one to four words are searched in it. */
function measureNaive(knowledge: KnowledgeBase, queries: string[]): { indexMs: number; p50Us: number; p99Us: number } {
  const t0 = performance.now();
  const names = knowledge.monographs.flatMap((m) => [m.name, ...m.otherNames.map((n) => n.name)].map((name) => ({ key: compact(name), id: m.id })));
  const fuse = new Fuse(names, { keys: ['key'], includeScore: true, threshold: 0.35, ignoreLocation: true });
  const indexMs = performance.now() - t0;
  // The naive design is slow at scale: a sample sized to the index keeps the run bounded.
  const sample = queries.slice(0, Math.max(5, Math.min(300, Math.floor(600_000 / names.length))));
  const latencies: number[] = [];
  for (const text of sample) {
    const w = words(text);
    const start = performance.now();
    for (let i = 0; i < w.length; i++) for (let n = 1; n <= 4 && i + n <= w.length; n++) fuse.search(w.slice(i, i + n).join(''), { limit: 1 });
    latencies.push((performance.now() - start) * 1000);
  }
  latencies.sort((a, b) => a - b);
  return { indexMs, p50Us: percentile(latencies, 50), p99Us: percentile(latencies, 99) };
}
