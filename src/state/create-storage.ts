// Chooses the conversation-state storage from the settings. The Azure Storage SDK is loaded only
// when blob storage is chosen: the default in-memory bot starts faster and smaller without it.
import type { Storage } from 'botbuilder';
import type { Config } from '../config';
import type * as BlobModule from './blob-storage';
import { BoundedMemoryStorage } from './bounded-memory-storage';

export function createStorage(config: Config): Storage {
  switch (config.STATE_STORAGE) {
    case 'memory':
      return new BoundedMemoryStorage({
        ttlMs: config.MEMORY_STATE_TTL_MS,
        maxEntries: config.MEMORY_STATE_MAX_CONVERSATIONS,
        maxBytes: config.MEMORY_STATE_MAX_BYTES,
      });
    case 'blob':
      // loadConfig already refuses blob without a connection string; this keeps the type honest.
      if (!config.AZURE_STORAGE_CONNECTION_STRING)
        throw new Error('AZURE_STORAGE_CONNECTION_STRING is required when STATE_STORAGE is blob');
      return new (loadBlobModule().BlobStateStorage)({
        connectionString: config.AZURE_STORAGE_CONNECTION_STRING,
        container: config.AZURE_STORAGE_CONTAINER,
      });
  }
}

function loadBlobModule(): typeof BlobModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, see above
  return require('./blob-storage') as typeof BlobModule;
}
