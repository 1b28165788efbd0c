// A problem found in the data: which file, where in it, and what is wrong; and how problems are printed.

export interface DataProblem {
  file: string;
  /** JSON path inside the file, e.g. "uses[3].rating"; "(file)" when the whole file is at fault. */
  path: string;
  message: string;
}

/** A zod issue path as a JSON path: ["uses", 3, "rating"] → "uses[3].rating". */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

/** One line a problem, as printed by start-up and the CLI. */
export function formatProblem(p: DataProblem): string {
  return `${p.file}: ${p.path}: ${p.message}`;
}
