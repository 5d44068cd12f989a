import type { HighlightPrefs } from '@/lib/settings/highlight-prefs';
import type { PopupState } from './popup-state';
import { Results, type CardsProps } from './PopupResults';

/** Notes live wherever the content script runs; it doesn't on pages Lede can't read. */
export function hasPageNotes(status: PopupState['status']): boolean {
  return status !== 'loading' && status !== 'unreachable' && status !== 'unsupported';
}

export interface BodyProps extends CardsProps {
  state: PopupState;
  busy: boolean;
  onAnalyzeNow: () => void;
  onPrefsChange: (prefs: HighlightPrefs) => void;
}

export function Body({ state, busy, onAnalyzeNow, onPrefsChange, ...cards }: BodyProps) {
  switch (state.status) {
    case 'loading':
      return <Loading />;
    case 'unreachable':
      return (
        <div class="message" role="status">
          <h2 class="message-title">Lede can’t read this page</h2>
          <p>
            Browser pages and extension stores are off limits; for a tab opened before Lede was installed or updated, reload the
            page.
          </p>
        </div>
      );
    case 'unsupported':
      return (
        <div class="message" role="status">
          <h2 class="message-title">No article found on this page</h2>
          <p>Lede reads web pages; this kind of document isn’t one it can read.</p>
        </div>
      );
    case 'not-article':
    case 'error':
      return (
        <div class="message" role="status">
          <h2 class="message-title">{state.status === 'error' ? 'Something went wrong' : 'No article found on this page'}</h2>
          <p>
            {state.status === 'error'
              ? `Something went wrong reading this page${state.report.message ? `: ${state.report.message}` : '.'}`
              : state.report.message ?? 'This page doesn’t look like a news article.'}
          </p>
          <button type="button" class="primary" data-testid="analyze-now" disabled={busy} onClick={onAnalyzeNow}>
            {busy ? 'Analysing…' : 'Analyse this page'}
          </button>
        </div>
      );
    case 'analyzed':
      // The folded sections come from the background: wait for them so nothing jumps once shown.
      return cards.sections.settled ? <Results report={state.report} onPrefsChange={onPrefsChange} {...cards} /> : <Loading />;
  }
}

/** "Reading this page…" over the shape of the cards to come. */
function Loading() {
  return (
    <div class="loading" data-testid="popup-loading">
      <p class="message" role="status">
        Reading this page…
      </p>
      <div class="skeleton" aria-hidden="true">
        {[0, 1, 2, 3].map((row) => (
          <div class="skeleton-row" key={row}>
            <span class="skeleton-line skeleton-name" />
            <span class="skeleton-line skeleton-desc" />
          </div>
        ))}
      </div>
    </div>
  );
}
