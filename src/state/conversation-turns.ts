// Runs a conversation's turns so that no turn's state change is ever lost or silently overwritten,
// whether the competing turn runs in this process or in another one sharing the same storage.
//
// Design:
// - In this process, turns of one conversation take turns (TurnLock): each reads the state the previous
//   one saved. That removes every conflict between turns that arrive at the same process.
// - Across processes (STATE_STORAGE=blob behind a load balancer) turns are optimistic: ResilientStorage
//   writes with the eTag the turn read (or create-only when nothing was there), so a write fails with a
//   StateConflictError when another process saved in between, instead of replacing its change.
// - On a conflict the whole turn is run again from fresh state, as if it had arrived just after the one
//   that won. We redo the turn rather than merge the two states: a turn's change depends on the state it
//   read (the therapy being discussed, a pending clarification, the failure count), so only redoing it
//   gives a result some order of the two turns could have produced, and no per-field merge rules have to
//   keep up with what the conversation remembers.
// - Redoing a turn must not show the person two answers, so each attempt runs on a scratch TurnContext:
//   its replies are held and its turn state is its own. Only once the state is saved does the attempt
//   commit: its turn state is copied to the real context and its replies are sent through it, passing the
//   adapter's middleware (the disclaimer) exactly once. The person sees the replies that match the
//   saved state, and the state is durable before they see them. Replies are therefore sent at the end
//   of the turn rather than as they are made (a turn takes milliseconds; nothing here streams).
// - Each retry follows a save by another process, so a turn loses at most as often as other processes
//   save this conversation meanwhile (one person rarely has more than a turn or two in flight). After
//   MAX_ATTEMPTS conflicts in a row the turn fails with the adapter's polite turn-error reply: the person
//   is asked to try again; nothing is overwritten.
// - State that no other process writes (the default in-memory storage) cannot conflict: the lock already
//   orders every turn that touches it. Such a turn runs directly on the real context and saves at its end,
//   without a scratch context or held replies (`sharedStorage: false`), which is measurably cheaper.
// - Re-entrant: a turn already running inside ConversationTurns (wired twice by mistake) just runs;
//   the outer one saves and commits. Nesting never deadlocks on the conversation's lock.
// - Side effects other than replies and state (the feedback log) happen once per attempt; conflicts are
//   rare (two processes, one conversation, the same moment), so a repeated feedback log line is accepted.
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
