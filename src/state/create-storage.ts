// Chooses the conversation-state storage from the settings.
import type { Storage } from 'botbuilder';
import type { Config } from '../config';
import { BoundedMemoryStorage } from './bounded-memory-storage';

export function createStorage(config: Config): Storage {
  switch (config.STATE_STORAGE) {
    case 'memory':
      return new BoundedMemoryStorage({ ttlMs: config.MEMORY_STATE_TTL_MS, maxEntries: config.MEMORY_STATE_MAX_CONVERSATIONS });
    case 'blob':
      throw new Error('STATE_STORAGE=blob is not available yet');
  }
}
