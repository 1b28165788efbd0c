// Runs the turns of one conversation one after another within this process, so two turns never
// read the same state and then overwrite each other's changes. Turns of different conversations
// run in parallel. A conversation has an entry only while a turn of it runs or waits: the map
// holds at most the conversations in flight, so it cannot grow with the conversations ever seen.
// Across processes the same guarantee comes from eTags (see conversation-turns.ts).

export class TurnLock {
  /** Per conversation: settles when its last queued turn has finished. It never rejects. */
  private readonly tails = new Map<string, Promise<void>>();

  /** Conversations with a turn running or waiting. */
  get size(): number {
    return this.tails.size;
  }

  /** Runs `work` after every earlier turn of `key` has finished, whether they succeeded or failed. */
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    let finished!: () => void;
    const mine = new Promise<void>((resolve) => (finished = resolve));
    // Nearly always nothing is queued: the turn starts at once, with no extra promise to wait on.
    const tail = previous ? previous.then(() => mine) : mine;
    this.tails.set(key, tail);
    try {
      if (previous) await previous;
      return await work();
    } finally {
      finished();
      // The last turn in the queue removes the entry; a later arrival has replaced it otherwise.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
