import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { EntityType } from '@/lib/analysis/types';
import { sendRequest, type Transport } from '@/lib/protocol/messages';
import type { SummaryAnswer } from '@/lib/protocol/messages';
import './encyclopedia-summary.css';

export interface EncyclopediaSummaryProps {
  name: string;
  type: EntityType;
  /** Sends to the background; defaults to browser.runtime.sendMessage. */
  send?: Transport;
  /** Opens Lede's settings; defaults to browser.runtime.openOptionsPage. */
  openSettings?: () => void;
}

type ViewState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'answered'; answer: SummaryAnswer };

/** Only after this long does "Looking up…" appear, so fast answers (and "disabled") never flash it. */
const LOADING_LINE_DELAY_MS = 250;

const toBackground: Transport = (message) => browser.runtime.sendMessage(message);
const openOptionsPage = (): void => void browser.runtime.openOptionsPage();

/**
 * A card's encyclopedia summary. Asks the background once the card is on screen; shows nothing
 * when the reader has not turned summaries on. Text from the encyclopedia is rendered as text.
 */
export function EncyclopediaSummary({ name, type, send = toBackground, openSettings = openOptionsPage }: EncyclopediaSummaryProps) {
  const root = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<ViewState>({ status: 'idle' });
  const [visible, setVisible] = useState(false);
  const [showLoading, setShowLoading] = useState(false);
  const [attempt, setAttempt] = useState(0);

  // Lazy: wait until the card is on screen (or ask at once where there is no IntersectionObserver).
  useEffect(() => {
    setVisible(false);
    const element = root.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setVisible(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        setVisible(true);
        observer.disconnect();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [name]);

  useEffect(() => {
    if (!visible) return;
    let current = true;
    setState({ status: 'loading' });
    setShowLoading(false);
    const timer = setTimeout(() => current && setShowLoading(true), LOADING_LINE_DELAY_MS);
    sendRequest(send, { type: 'getSummary', name, entityType: type })
      .then((answer) => current && setState({ status: 'answered', answer }))
      .catch((error: unknown) => current && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }))
      .finally(() => clearTimeout(timer));
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [visible, name, type, send, attempt]);

  // data-status: idle, loading, found, ambiguous, missing, permission-needed or error.
  const status = state.status === 'answered' ? state.answer.status : state.status === 'failed' ? 'error' : state.status;
  if (status === 'disabled') return null;
  const cached = state.status === 'answered' && 'cached' in state.answer ? state.answer.cached : undefined;

  return (
    <div
      ref={root}
      class="card-summary"
      data-testid="card-summary"
      data-status={status}
      data-cached={cached === undefined ? undefined : String(cached)}
      aria-live="polite"
      aria-busy={state.status === 'loading' ? 'true' : undefined}
    >
      <SummaryBody state={state} name={name} showLoading={showLoading} onRetry={() => setAttempt((n) => n + 1)} openSettings={openSettings} />
    </div>
  );
}

interface SummaryBodyProps {
  state: ViewState;
  name: string;
  showLoading: boolean;
  onRetry: () => void;
  openSettings: () => void;
}

function SummaryBody({ state, name, showLoading, onRetry, openSettings }: SummaryBodyProps) {
  if (state.status === 'idle') return null;
  if (state.status === 'loading') return showLoading ? <p class="summary-note">Looking up {name} on Wikipedia…</p> : null;
  if (state.status === 'failed') return <ErrorLine message={state.message} onRetry={onRetry} />;
  const answer = state.answer;
  switch (answer.status) {
    case 'disabled':
      return null;
    case 'found':
      return (
        <>
          <p class="summary-text" lang="en">
            {answer.extract}
          </p>
          <SourceLink url={answer.url} label="Wikipedia" description={`Read about ${answer.title} on Wikipedia`} />
        </>
      );
    case 'ambiguous':
      return (
        <p class="summary-note">
          Several pages match this name.{' '}
          <SourceLink url={answer.url} label="See them on Wikipedia" description={`Pages on Wikipedia that match ${name}`} />
        </p>
      );
    case 'missing':
      return <p class="summary-note">No encyclopedia entry found.</p>;
    case 'permission-needed':
      return (
        <p class="summary-note">
          Lede needs your permission to reach Wikipedia.{' '}
          <button type="button" class="summary-action" onClick={openSettings}>
            Open settings
          </button>
        </p>
      );
    case 'error':
      return <ErrorLine message={answer.message} onRetry={onRetry} />;
  }
}

function SourceLink({ url, label, description }: { url: string; label: string; description: string }) {
  return (
    <a class="summary-source" href={url} target="_blank" rel="noopener noreferrer" aria-label={`${description} (opens in a new tab)`}>
      {label}
    </a>
  );
}

function ErrorLine({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <p class="summary-note summary-error">
      Couldn’t load a summary: {message}{' '}
      <button type="button" class="summary-action" onClick={onRetry}>
        Try again
      </button>
    </p>
  );
}
