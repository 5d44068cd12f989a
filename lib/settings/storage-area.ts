// The slice of browser.storage.local that Lede's settings stores need. The background passes in
// the real area; tests and contexts without browser.storage use the in-memory one.

export interface KeyValueArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** A storage area held in memory: for contexts (and tests) that have no browser.storage. */
export function createMemoryArea(): KeyValueArea & { getAll(): Promise<Record<string, unknown>> } {
  const items = new Map<string, unknown>();
  return {
    get: async (keys) => Object.fromEntries(keys.filter((key) => items.has(key)).map((key) => [key, structuredClone(items.get(key))])),
    set: async (values) => {
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
    },
    remove: async (keys) => {
      for (const key of typeof keys === 'string' ? [keys] : keys) items.delete(key);
    },
    /** Every item, as browser.storage's get(null) gives them. */
    getAll: async () => Object.fromEntries([...items].map(([key, value]) => [key, structuredClone(value)])),
  };
}
