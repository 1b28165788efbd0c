// One value a conversation keeps between turns, read from storage on first use in a turn and written
// back when the turn ends. It stands in for botbuilder's ConversationState plus a property accessor:
// BotState finds out whether state changed by hashing all of it (its own stringify, then SHA-256) when
// it loads, before it saves and again after; here every turn that read the state writes it back, which
// is what a message turn needs anyway (its transcript grows), so none of that work is done.
// The storage key and item shape are ConversationState's ("<channel>/conversations/<id>/", the value
// under its property name), so state written by either is read by the other.
import type { Storage, StoreItem, TurnContext } from 'botbuilder';

/** What ConversationTurns needs of a turn's state: botbuilder's BotState has the same two methods. */
export interface TurnState {
  /** Reads the state for this turn; `force` rereads it even if this turn already has it. */
  load(context: TurnContext, force?: boolean): Promise<unknown>;
  /** Writes back what this turn changed. */
  saveChanges(context: TurnContext): Promise<void>;
}

interface Loaded {
  key: string;
  item: StoreItem;
}

export class ConversationStore<T> implements TurnState {
  /** Where a turn keeps what it read: one slot per store, in the turn's own state. */
  private readonly slot = Symbol('conversation-store');

  constructor(
    private readonly storage: Storage,
    private readonly property: string,
    private readonly create: () => T,
  ) {}

  /** This conversation's value, read on first use in the turn; a new one if there is none yet. */
  async get(context: TurnContext): Promise<T> {
    const { item } = (context.turnState.get(this.slot) as Loaded | undefined) ?? (await this.read(context));
    return ((item[this.property] as T | undefined) ??= this.create());
  }

  async load(context: TurnContext, force = false): Promise<void> {
    if (force || !context.turnState.has(this.slot)) await this.read(context);
  }

  /** Writes the value back if this turn read it. */
  async saveChanges(context: TurnContext): Promise<void> {
    const loaded = context.turnState.get(this.slot) as Loaded | undefined;
    if (loaded) await this.storage.write({ [loaded.key]: loaded.item });
  }

  private async read(context: TurnContext): Promise<Loaded> {
    const key = storageKey(context);
    const items = await this.storage.read([key]);
    const loaded: Loaded = { key, item: (items[key] as StoreItem | undefined) ?? {} };
    context.turnState.set(this.slot, loaded);
    return loaded;
  }
}

function storageKey(context: TurnContext): string {
  const { channelId, conversation } = context.activity;
  if (!channelId || !conversation?.id) throw new Error('conversation state needs activity.channelId and activity.conversation.id');
  return `${channelId}/conversations/${conversation.id}/`; // ConversationState's key, its namespace empty
}
