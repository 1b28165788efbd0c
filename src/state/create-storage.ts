// Chooses the conversation-state storage from the settings.
import type { Storage } from 'botbuilder';
import type { Config } from '../config';
import { BlobStateStorage } from './blob-storage';
import { BoundedMemoryStorage } from './bounded-memory-storage';

export function createStorage(config: Config): Storage {
  switch (config.STATE_STORAGE) {
    case 'memory':
      return new BoundedMemoryStorage({ ttlMs: config.MEMORY_STATE_TTL_MS, maxEntries: config.MEMORY_STATE_MAX_CONVERSATIONS });
    case 'blob':
      // loadConfig already refuses blob without a connection string; this keeps the type honest.
      if (!config.AZURE_STORAGE_CONNECTION_STRING) throw new Error('AZURE_STORAGE_CONNECTION_STRING is required when STATE_STORAGE is blob');
      return new BlobStateStorage({ connectionString: config.AZURE_STORAGE_CONNECTION_STRING, container: config.AZURE_STORAGE_CONTAINER });
  }
}
