// Parses a card with Microsoft's Adaptive Cards library (the renderer Web Chat uses) and returns what it
// complains of: unknown element types, invalid values, properties of a newer schema. An empty list is a card
// every client of that schema version reads as written.
import { createRequire } from 'node:module';

/** The part of the `adaptivecards` library used here. */
interface AdaptiveCardsLibrary {
  AdaptiveCard: new () => { parse(json: unknown, context: SerializationContext): void };
  SerializationContext: new (targetVersion: unknown) => SerializationContext;
  Versions: Record<string, unknown>;
}

interface SerializationContext {
  readonly eventCount: number;
  getEventAt(index: number): { message: string };
}

const load = createRequire(__filename);

/** The library: its own package, else the copy Web Chat brings. */
function library(): AdaptiveCardsLibrary {
  try {
    return load('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsLibrary;
  } catch {
    return load('botframework-webchat/node_modules/adaptivecards/dist/adaptivecards.js') as AdaptiveCardsLibrary;
  }
}

let loaded: AdaptiveCardsLibrary | undefined;

/** The library's complaints about `card` read as schema `version` ("1.5", "1.4", ...); none for a clean card. */
export function parseErrors(card: object, version = '1.5'): string[] {
  const AC = (loaded ??= library());
  const target = AC.Versions[`v${version.replace('.', '_')}`];
  if (!target) throw new Error(`adaptivecards knows no schema version ${version}`);
  const context = new AC.SerializationContext(target);
  new AC.AdaptiveCard().parse(card, context);
  const errors: string[] = [];
  for (let i = 0; i < context.eventCount; i++) errors.push(context.getEventAt(i).message);
  return errors;
}
