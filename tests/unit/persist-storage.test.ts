// Extension pages ask the browser to keep Lede's storage (lib/library/persist-storage.ts): asked once,
// not again once granted, and never a failure that reaches the page.
import { describe, expect, it } from 'vitest';
import { requestPersistentStorage } from '@/lib/library/persist-storage';

function storage(persisted: boolean, grant: boolean | Error) {
  const calls: string[] = [];
  return {
    calls,
    manager: {
      persisted: async () => {
        calls.push('persisted');
        return persisted;
      },
      persist: async () => {
        calls.push('persist');
        if (grant instanceof Error) throw grant;
        return grant;
      },
    },
  };
}

describe('requestPersistentStorage', () => {
  it('asks when storage is not persistent yet, and reports the answer', async () => {
    const granted = storage(false, true);
    await expect(requestPersistentStorage(granted.manager)).resolves.toBe('persisted');
    expect(granted.calls).toEqual(['persisted', 'persist']);
    await expect(requestPersistentStorage(storage(false, false).manager)).resolves.toBe('refused');
  });

  it('does not ask again once storage is persistent', async () => {
    const already = storage(true, true);
    await expect(requestPersistentStorage(already.manager)).resolves.toBe('persisted');
    expect(already.calls).toEqual(['persisted']);
  });

  it('copes with no StorageManager (service workers) and with a browser that throws', async () => {
    await expect(requestPersistentStorage(undefined)).resolves.toBe('unsupported');
    await expect(requestPersistentStorage(storage(false, new Error('denied')).manager)).resolves.toBe('failed');
  });
});
