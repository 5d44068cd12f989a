import { describe, expect, it } from 'vitest';
import { within } from '../../testing/e2e/within';

describe('within: a bound on one attempt of a polling loop', () => {
  it('gives the work’s own result when it settles in time', async () => {
    expect(await within(Promise.resolve('answer'), 1_000, 'late')).toBe('answer');
  });

  it('gives the fallback for work that never settles', async () => {
    expect(await within(new Promise<string>(() => undefined), 10, 'late')).toBe('late');
  });

  it('passes a rejection through rather than hiding it as lateness', async () => {
    await expect(within(Promise.reject(new Error('detached')), 1_000, 'late')).rejects.toThrow('detached');
  });
});
