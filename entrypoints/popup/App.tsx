import { useCallback, useEffect, useState } from 'preact/hooks';
import { EntityGroups } from '@/components/popup/EntityGroups';
import { QuoteGroups } from '@/components/popup/QuoteGroups';
import { TypeToggles } from '@/components/TypeToggles';
import { summarizeEntities, summarizeQuotes } from '@/lib/article-summary';
import { sendRequest, type AnalysisReport, type AnalysisStatus, type Transport } from '@/lib/messages';
import { countsByType } from '@/lib/paint';
import type { HighlightPrefs } from '@/lib/settings';

/** `unreachable`: no content script answered (browser pages, the web store, tabs opened before install). */
type PopupState =
  | { status: 'loading' }
  | { status: 'unreachable'; reason: string }
  | { status: AnalysisStatus; report: AnalysisReport };

export interface AppProps {
  /** Sends to the content script of the tab this popup is about. */
  send: Transport;
}

export function App({ send }: AppProps) {
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const report = await sendRequest(send, { type: 'getAnalysis' });
      setState({ status: report.status, report });
    } catch (error) {
      setState({ status: 'unreachable', reason: error instanceof Error ? error.message : String(error) });
    }
  }, [send]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const analyzeNow = async (): Promise<void> => {
    setBusy(true);
    try {
      await sendRequest(send, { type: 'analyzeNow' });
    } catch {
      // refresh() below shows what state the page is in.
    }
    await refresh();
    setBusy(false);
  };

  const changePrefs = async (prefs: HighlightPrefs): Promise<void> => {
    if (!('report' in state)) return;
    try {
      const highlightPrefs = await sendRequest(send, { type: 'setHighlightPrefs', prefs });
      setState({ status: state.status, report: { ...state.report, highlightPrefs } });
    } catch (error) {
      setState({ status: 'unreachable', reason: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <main class="popup" data-testid="popup" data-status={state.status} aria-busy={state.status === 'loading' || busy}>
      <header class="popup-header">
        <span class="brand">Lede</span>
        {'report' in state && <h1 class="title">{state.report.title}</h1>}
      </header>
      <Body state={state} busy={busy} onAnalyzeNow={analyzeNow} onPrefsChange={changePrefs} />
    </main>
  );
}

interface BodyProps {
  state: PopupState;
  busy: boolean;
  onAnalyzeNow: () => void;
  onPrefsChange: (prefs: HighlightPrefs) => void;
}

function Body({ state, busy, onAnalyzeNow, onPrefsChange }: BodyProps) {
  switch (state.status) {
    case 'loading':
      return <p class="message" role="status">Reading this page…</p>;
    case 'unreachable':
      return (
        <p class="message" role="status">
          Lede can’t read this page. Browser pages and extension stores are off limits; for a tab opened before Lede was
          installed or updated, reload the page.
        </p>
      );
    case 'unsupported':
      return <p class="message" role="status">Lede reads web pages; this kind of document isn’t one it can read.</p>;
    case 'not-article':
    case 'error':
      return (
        <div class="message" role="status">
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
      return <Results report={state.report} onPrefsChange={onPrefsChange} />;
  }
}

function Results({ report, onPrefsChange }: { report: AnalysisReport; onPrefsChange: (prefs: HighlightPrefs) => void }) {
  const analysis = report.analysis ?? { entities: [], quotes: [] };
  if (analysis.entities.length === 0 && analysis.quotes.length === 0) {
    return (
      <p class="message" role="status" data-testid="nothing-found">
        Lede found no people, places, organisations or quotes here.
      </p>
    );
  }
  const entities = summarizeEntities(analysis);
  const quotes = summarizeQuotes(analysis, report.text ?? '');
  return (
    <>
      <section class="highlights" aria-label="Highlights on the page">
        <TypeToggles
          prefs={report.highlightPrefs.prefs}
          counts={countsByType(analysis)}
          testIdPrefix="popup-toggle"
          disabled={!report.highlightsSupported}
          onChange={onPrefsChange}
        />
        {!report.highlightsSupported && <p class="note">This browser can’t paint highlights on the page.</p>}
      </section>
      <EntityGroups entities={entities} />
      <QuoteGroups quotes={quotes} />
    </>
  );
}
