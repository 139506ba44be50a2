export type StorageDriver = {
  put(storageKey: string, bytes: Uint8Array, mimeType: string): Promise<void>;
  get(storageKey: string): Promise<Uint8Array>;
  remove(storageKey: string): Promise<void>;
  exists(storageKey: string): Promise<boolean>;
};
