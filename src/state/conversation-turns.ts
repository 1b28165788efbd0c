// Runs a conversation's turns so that no turn's state change is ever lost or silently overwritten, whether
// the competing turn runs in this process (a lock orders them) or in another one sharing blob storage (a
// turn whose save lost is redone from fresh state, its replies held until it commits). The design and its
// trade-offs: docs/architecture.md, "Conversation state and concurrent turns".
import { TurnContext, type Activity, type ResourceResponse } from 'botbuilder';
import type { TurnState } from './conversation-store';
import { isETagConflict } from './state-conflict';
import { TurnLock } from './turn-lock';

/** On a scratch context: the states whose turn is already managed, so a nested run() for them just runs. */
const MANAGED = Symbol('conversation-turns.managed');

/** Tries of one turn before giving up; each retry follows a save that lost to another process. */
export const MAX_ATTEMPTS = 5;

export class ConversationTurnsExhaustedError extends Error {
  constructor(attempts: number) {
    super(`conversation state kept changing in another process; the turn gave up after ${attempts} attempts`);
    this.name = 'ConversationTurnsExhaustedError';
  }
}

export class ConversationTurns {
  private readonly lock = new TurnLock();

  private readonly maxAttempts: number;
  private readonly sharedStorage: boolean;

  /** `sharedStorage`: whether other processes write the same state (then conflicts are redone). */
  constructor(
    private readonly state: TurnState,
    options: { sharedStorage: boolean; maxAttempts?: number },
  ) {
    this.sharedStorage = options.sharedStorage;
    this.maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  }

  /** Conversations with a turn running or waiting in this process (for tests: no leak). */
  get inFlight(): number {
    return this.lock.size;
  }

  /**
   * Runs `turn` (the bot's handlers, without saving state) and saves the state, retrying from fresh
   * state on an eTag conflict. `turn` must use the context it is given, not the outer one.
   */
  run(context: TurnContext, turn: (attempt: TurnContext) => Promise<void>): Promise<void> {
    if ((context.turnState.get(MANAGED) as Set<TurnState> | undefined)?.has(this.state)) return turn(context);
    const conversationId = context.activity.conversation?.id;
    if (!conversationId) return this.attempts(context, turn);
    return this.lock.run(`${context.activity.channelId}/${conversationId}`, () => this.attempts(context, turn));
  }

  private attempts(context: TurnContext, turn: (attempt: TurnContext) => Promise<void>): Promise<void> {
    return this.sharedStorage ? this.redoingConflicts(context, turn) : this.direct(context, turn);
  }

  /** Tries the turn on a scratch context until its save does not conflict (or MAX_ATTEMPTS). */
  private async redoingConflicts(context: TurnContext, turn: (attempt: TurnContext) => Promise<void>): Promise<void> {
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const scratch = new ScratchTurn(context, this.state);
      try {
        // A retry must not reuse state cached before the conflict.
        if (attempt > 1) await this.state.load(scratch.context, true);
        await turn(scratch.context);
        await this.state.saveChanges(scratch.context);
      } catch (error) {
        if (isETagConflict(error)) continue;
        // Not a conflict: the turn behaves as it would without us (what it sent is sent, then the error).
        await scratch.commit();
        throw error;
      }
      await scratch.commit();
      return;
    }
    throw new ConversationTurnsExhaustedError(this.maxAttempts);
  }

  /** A turn on state only this process writes: nothing to redo, so no scratch context is needed. */
  private async direct(context: TurnContext, turn: (attempt: TurnContext) => Promise<void>): Promise<void> {
    const managed = context.turnState.get(MANAGED) as Set<TurnState> | undefined;
    context.turnState.set(MANAGED, managedWith(context, this.state));
    try {
      await turn(context);
      await this.state.saveChanges(context);
    } finally {
      context.turnState.set(MANAGED, managed);
    }
  }
}

/** The states whose turn is managed in `context`, with `state` added (a new set: the context's is left as it is). */
function managedWith(context: TurnContext, state: TurnState): Set<TurnState> {
  return new Set(context.turnState.get(MANAGED) as Set<TurnState> | undefined).add(state);
}

/** One attempt at a turn: a TurnContext of its own whose replies wait for commit(). */
class ScratchTurn {
  readonly context: TurnContext;
  private readonly held: Partial<Activity>[] = [];

  constructor(
    private readonly real: TurnContext,
    state: TurnState,
  ) {
    // A fresh context has none of the middleware's send handlers, so replies meet them only on commit.
    this.context = new TurnContext(real.adapter, real.activity);
    for (const [key, value] of real.turnState) this.context.turnState.set(key, value);
    this.context.turnState.set(MANAGED, managedWith(real, state));
    this.context.onSendActivities(async (_context, activities): Promise<ResourceResponse[]> => {
      this.held.push(...activities);
      if (activities.some((a) => a.type !== 'trace')) this.context.responded = true;
      // No id until it is really sent; nothing in this bot updates or deletes a sent activity.
      return activities.map(() => ({ id: '' }));
    });
  }

  /** Applies the attempt to the real turn: its turn state, then its replies in the order they were made. */
  async commit(): Promise<void> {
    for (const [key, value] of this.context.turnState) if (key !== MANAGED) this.real.turnState.set(key, value);
    if (this.held.length > 0) await this.real.sendActivities(this.held);
  }
}
