// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EncyclopediaSummary } from '@/components/popup/EncyclopediaSummary';
import type { LedeRequest } from '@/lib/protocol/messages';
import type { SummaryAnswer } from '@/lib/protocol/messages';
import { settle, testRoot } from '../../testing/preact';
import { channel, type FakeChannel } from '../../testing/fakes/background';

/** An IntersectionObserver stand-in the test drives: `showAll()` puts every observed element on screen. */
class TestIntersectionObserver {
  static instances: TestIntersectionObserver[] = [];
  readonly targets: Element[] = [];
  constructor(private readonly callback: IntersectionObserverCallback) {
    TestIntersectionObserver.instances.push(this);
  }
  observe(target: Element): void {
    this.targets.push(target);
  }
  disconnect(): void {
    this.targets.length = 0;
  }
  unobserve(): void {}
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
  static showAll(): void {
    for (const observer of TestIntersectionObserver.instances) {
      const entries = observer.targets.map((target) => ({ target, isIntersecting: true }) as unknown as IntersectionObserverEntry);
      if (entries.length > 0) observer.callback(entries, observer as unknown as IntersectionObserver);
    }
  }
}

const root = testRoot();
const originalObserver = globalThis.IntersectionObserver;

beforeEach(() => {
  TestIntersectionObserver.instances = [];
  globalThis.IntersectionObserver = TestIntersectionObserver as unknown as typeof IntersectionObserver;
});

afterEach(() => {
  globalThis.IntersectionObserver = originalObserver;
});

function background(answer: (message: LedeRequest) => Promise<SummaryAnswer>): FakeChannel {
  return channel(answer);
}

const summary = (): HTMLElement | null => root.querySelector('[data-testid="card-summary"]');

async function show(answer: SummaryAnswer | Error): Promise<LedeRequest[]> {
  const bg = background(async () => {
    if (answer instanceof Error) throw answer;
    return answer;
  });
  render(<EncyclopediaSummary name="John Kerry" type="person" send={bg.send} />, root);
  await settle();
  act(() => TestIntersectionObserver.showAll());
  await settle();
  return bg.sent;
}

describe('EncyclopediaSummary', () => {
  it('asks nothing until the card is on screen, then asks for the name and type only', async () => {
    const bg = background(async () => ({ status: 'missing', cached: false }));
    render(<EncyclopediaSummary name="John Kerry" type="person" send={bg.send} />, root);
    await settle();
    expect(bg.sent).toEqual([]);
    expect(summary()?.dataset.status).toBe('idle');
    expect(summary()?.textContent).toBe('');

    act(() => TestIntersectionObserver.showAll());
    await settle();
    expect(bg.sent).toEqual([{ type: 'getSummary', name: 'John Kerry', entityType: 'person' }]);
  });

  it('renders nothing when summaries are off', async () => {
    await show({ status: 'disabled' });
    expect(summary()).toBeNull();
    expect(root.innerHTML).toBe('');
  });

  it('shows the summary as text with a Wikipedia link that opens in a new tab', async () => {
    await show({
      status: 'found',
      title: 'John Kerry',
      extract: 'John Kerry is an American diplomat. <img src=x onerror=alert(1)>',
      url: 'https://en.wikipedia.org/wiki/John_Kerry',
      cached: true,
    });
    const element = summary()!;
    expect(element.dataset.status).toBe('found');
    expect(element.dataset.cached).toBe('true');
    expect(element.querySelector('.summary-text')!.textContent).toBe('John Kerry is an American diplomat. <img src=x onerror=alert(1)>');
    expect(element.querySelector('img')).toBeNull();
    const link = element.querySelector('a')!;
    expect(link.textContent).toBe('Wikipedia');
    expect(link.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/John_Kerry');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('aria-label')).toBe('Read about John Kerry on Wikipedia (opens in a new tab)');
  });

  it('says when several pages match, with a link to them', async () => {
    await show({ status: 'ambiguous', url: 'https://en.wikipedia.org/wiki/Mercury', cached: false });
    expect(summary()!.dataset.status).toBe('ambiguous');
    expect(summary()!.dataset.cached).toBe('false');
    expect(summary()!.textContent).toContain('Several pages match this name');
    expect(summary()!.querySelector('a')!.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Mercury');
  });

  it('says when there is no entry', async () => {
    await show({ status: 'missing', cached: false });
    expect(summary()!.dataset.status).toBe('missing');
    expect(summary()!.textContent).toBe('No encyclopedia entry found.');
  });

  it('offers the settings when the permission is missing', async () => {
    let opened = 0;
    const bg = background(async () => ({ status: 'permission-needed' }));
    render(<EncyclopediaSummary name="John Kerry" type="person" send={bg.send} openSettings={() => (opened += 1)} />, root);
    await settle();
    act(() => TestIntersectionObserver.showAll());
    await settle();
    expect(summary()!.dataset.status).toBe('permission-needed');
    act(() => summary()!.querySelector('button')!.click());
    expect(opened).toBe(1);
  });

  it('shows an error line and tries again on request', async () => {
    let calls = 0;
    const bg = background(async () => {
      calls += 1;
      return calls === 1 ? { status: 'error', message: 'Wikipedia took too long to answer.' } : { status: 'missing', cached: false };
    });
    render(<EncyclopediaSummary name="John Kerry" type="person" send={bg.send} />, root);
    await settle();
    act(() => TestIntersectionObserver.showAll());
    await settle();
    expect(summary()!.dataset.status).toBe('error');
    expect(summary()!.textContent).toContain('Wikipedia took too long to answer.');
    act(() => summary()!.querySelector('button')!.click());
    await settle();
    expect(summary()!.dataset.status).toBe('missing');
    expect(bg.sent).toHaveLength(2);
  });

  it('shows an error when the background cannot be reached', async () => {
    await show(new Error('Could not establish connection.'));
    expect(summary()!.dataset.status).toBe('error');
    expect(summary()!.textContent).toContain('Could not establish connection.');
  });

  it('asks at once where there is no IntersectionObserver', async () => {
    globalThis.IntersectionObserver = undefined as unknown as typeof IntersectionObserver;
    const bg = background(async () => ({ status: 'missing', cached: false }));
    render(<EncyclopediaSummary name="Moscow" type="place" send={bg.send} />, root);
    await settle();
    expect(bg.sent).toEqual([{ type: 'getSummary', name: 'Moscow', entityType: 'place' }]);
  });
});
