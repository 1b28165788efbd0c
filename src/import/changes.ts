// What a newer version of a page changes in a monograph already imported, for a reviewer to read before it is
// written: ratings, uses, the safety rating, precautions and interactions added, removed or changed.
import type { Monograph } from '../knowledge/schema';

export function changesBetween(before: Monograph, after: Monograph): string[] {
  const changes: string[] = [];
  const uses = (m: Monograph) => new Map(m.uses.map((u) => [u.condition, u.rating]));
  const [was, now] = [uses(before), uses(after)];
  for (const [condition, rating] of now) {
    const old = was.get(condition);
    if (old === undefined) changes.push(`use added: ${condition} (${rating})`);
    else if (old !== rating) changes.push(`rating changed: ${condition} ${old} → ${rating}`);
  }
  for (const [condition, rating] of was) if (!now.has(condition)) changes.push(`use removed: ${condition} (${rating})`);
  if (before.otherConditions?.rating !== after.otherConditions?.rating)
    changes.push(`general rating changed: ${before.otherConditions?.rating ?? 'none'} → ${after.otherConditions?.rating ?? 'none'}`);
  if (before.safety.rating !== after.safety.rating) changes.push(`safety rating changed: ${before.safety.rating} → ${after.safety.rating}`);

  const precautions = (m: Monograph) => new Map(m.precautions.map((p) => [p.id, p]));
  const [hadPrecautions, hasPrecautions] = [precautions(before), precautions(after)];
  for (const [id, p] of hasPrecautions) {
    const old = hadPrecautions.get(id);
    if (!old) changes.push(`precaution added: ${p.label} (${p.advice})`);
    else if (old.advice !== p.advice) changes.push(`precaution changed: ${p.label} ${old.advice} → ${p.advice}`);
  }
  for (const [id, p] of hadPrecautions) if (!hasPrecautions.has(id)) changes.push(`precaution removed: ${p.label}`);

  const interactions = (m: Monograph) => new Map(m.interactions.known.map((k) => [k.with.toLowerCase(), k]));
  const [hadInteractions, hasInteractions] = [interactions(before), interactions(after)];
  for (const [key, k] of hasInteractions) {
    const old = hadInteractions.get(key);
    if (!old) changes.push(`interaction added: ${k.with} (${k.severity ?? 'no severity'})`);
    else if (old.severity !== k.severity)
      changes.push(`interaction changed: ${k.with} ${old.severity ?? 'none'} → ${k.severity ?? 'none'}`);
  }
  for (const [key, k] of hadInteractions) if (!hasInteractions.has(key)) changes.push(`interaction removed: ${k.with}`);
  if (Boolean(before.dosing) !== Boolean(after.dosing)) changes.push(after.dosing ? 'dosing added' : 'dosing removed');
  return changes;
}
