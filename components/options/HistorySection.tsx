import { useEffect, useRef, useState } from 'preact/hooks';
import { SettingSwitch } from './SettingSwitch';

export interface HistorySectionProps {
  enabled: boolean;
  /** Articles remembered now; null while unknown. */
  count: number | null;
  saving: boolean;
  onToggle: (enabled: boolean) => void;
  /** Forgets every article; resolves to how many were forgotten. */
  onClear: () => Promise<number>;
}

type ClearState =
  | { step: 'idle' }
  | { step: 'confirming' }
  | { step: 'clearing' }
  | { step: 'done'; cleared: number }
  | { step: 'failed'; message: string };

export function articlesPhrase(count: number): string {
  return count === 0 ? 'no articles' : count === 1 ? '1 article' : `${count} articles`;
}

/** The reading-history switch, how much is remembered, and "clear" with a confirm step. */
export function HistorySection({ enabled, count, saving, onToggle, onClear }: HistorySectionProps) {
  const [clear, setClear] = useState<ClearState>({ step: 'idle' });
  const clearButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const result = useRef<HTMLParagraphElement>(null);
  const previousStep = useRef<ClearState['step']>('idle');

  // Keyboard focus follows the confirm step: onto "Clear history" when it opens, back to
  // "Clear reading history…" on Cancel, onto the result once cleared (the button may be disabled then).
  useEffect(() => {
    const before = previousStep.current;
    previousStep.current = clear.step;
    if (clear.step === 'confirming') confirmButton.current?.focus();
    else if (clear.step === 'idle' && before === 'confirming') clearButton.current?.focus();
    else if ((clear.step === 'done' || clear.step === 'failed') && before === 'clearing') result.current?.focus();
  }, [clear.step]);

  const confirmClear = async (): Promise<void> => {
    setClear({ step: 'clearing' });
    try {
      setClear({ step: 'done', cleared: await onClear() });
    } catch (error) {
      setClear({ step: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const countLine =
    count === null
      ? 'Counting remembered articles…'
      : `Lede remembers ${articlesPhrase(count)}.${enabled ? '' : ' It isn’t recording new ones.'}`;

  return (
    <section class="card" aria-labelledby="history-title" data-testid="history-section">
      <h2 id="history-title">Reading history</h2>
      <SettingSwitch
        id="setting-history"
        testId="setting-history"
        label="Remember articles Lede analysed"
        checked={enabled}
        busy={saving}
        onChange={onToggle}
      >
        To show “Also in N articles you’ve read” on its cards, Lede keeps each analysed article’s title, site, date
        and the names it found. They stay in this browser and are never sent anywhere.
      </SettingSwitch>

      <p class="count" data-testid="history-count" data-count={count ?? undefined}>
        {countLine}
      </p>

      {clear.step === 'confirming' || clear.step === 'clearing' ? (
        <div class="confirm" role="group" aria-labelledby="clear-question">
          <p id="clear-question" class="confirm-question">
            Forget {count === null ? 'every remembered article' : `all ${articlesPhrase(count)}`}? This can’t be undone.
          </p>
          <div class="buttons">
            <button
              type="button"
              class="danger"
              ref={confirmButton}
              data-testid="clear-history-confirm"
              disabled={clear.step === 'clearing'}
              onClick={() => void confirmClear()}
            >
              {clear.step === 'clearing' ? 'Clearing…' : 'Clear history'}
            </button>
            <button
              type="button"
              class="secondary"
              data-testid="clear-history-cancel"
              disabled={clear.step === 'clearing'}
              onClick={() => setClear({ step: 'idle' })}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          class="secondary"
          ref={clearButton}
          data-testid="clear-history"
          disabled={count === 0}
          onClick={() => setClear({ step: 'confirming' })}
        >
          Clear reading history…
        </button>
      )}

      <p class="result" role="status" tabIndex={-1} ref={result} data-testid="history-result">
        {clear.step === 'done' && `Reading history cleared: forgot ${articlesPhrase(clear.cleared)}.`}
        {clear.step === 'failed' && <span class="error">Lede couldn’t clear its history: {clear.message}</span>}
      </p>
    </section>
  );
}
