import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CardGroups } from '@/components/popup/CardGroups';
import { NotesSection } from '@/components/popup/notes/NotesSection';
import type { NotesNotices } from '@/components/popup/notes/use-page-notes';
import { QuoteGroups } from '@/components/popup/QuoteGroups';
import { SettingsLink } from '@/components/popup/SettingsLink';
import { SiteSwitches } from '@/components/popup/SiteSwitches';
import { LibraryLink } from '@/components/library/LibraryLink';
import { TypeToggles } from '@/components/TypeToggles';
import type { Span } from '@/lib/analysis/types';
import { summarizeQuotes } from '@/lib/cards/article-summary';
import { buildEntityCards, type EntityCard } from '@/lib/cards/cards';
import { sendRequest, type AnalysisReport, type AnalysisStatus, type Transport } from '@/lib/protocol/messages';
import { countsByType } from '@/lib/page/paint';
import { type HighlightPrefs } from '@/lib/settings/highlight-prefs';
import { siteOf } from '@/lib/shared/page-address';
import { fetchEntityHistory, HISTORY_LOADING, NO_HISTORY, type HistoryState } from './entity-history';

/** `unreachable`: no content script answered (browser pages, the web store, tabs opened before install). */
type PopupState =
  | { status: 'loading' }
  | { status: 'unreachable'; reason: string }
  | { status: AnalysisStatus; report: AnalysisReport };

/** A performance mark set once, when the cards are first shown. */
export const CARDS_READY_MARK = 'lede-popup-cards';

export interface AppProps {
  /** Sends to the content script of the tab this popup is about. */
  send: Transport;
  /** Sends to the background (reading history, encyclopedia summaries); without it cards show neither. */
  background?: Transport;
  /** The background's notesChanged notices, so the notes list follows changes made anywhere. */
  notices?: NotesNotices;
}

export function App({ send, background, notices }: AppProps) {
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState<HistoryState>(NO_HISTORY);
  /** Counts refreshes, so a late history answer for an earlier analysis is dropped. */
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const current = ++generation.current;
    try {
      const report = await sendRequest(send, { type: 'getAnalysis' });
      // Asked before the cards render, so the background works while the popup draws.
      const names = report.status === 'analyzed' ? [...new Set(report.analysis?.entities.map((entity) => entity.name) ?? [])] : null;
      if (background && names) {
        setHistory(HISTORY_LOADING);
        void fetchEntityHistory(background, names, report.url).then((answer) => {
          if (generation.current === current) setHistory(answer);
        });
      } else {
        setHistory(NO_HISTORY);
      }
      setState({ status: report.status, report });
    } catch (error) {
      setHistory(NO_HISTORY);
      setState({ status: 'unreachable', reason: error instanceof Error ? error.message : String(error) });
    }
  }, [send, background]);

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

  const report = state.status === 'analyzed' && 'report' in state ? state.report : null;
  const analysis = report?.analysis;
  const text = report?.text;
  // Keyed on the analysis itself, so a change of highlight toggles doesn't rebuild the cards.
  const cards = useMemo(() => (analysis ? buildEntityCards(analysis, text ?? '') : null), [analysis, text]);
  // Ready once the cards are rendered; their history lines fill in when the background answers
  // (data-history on the root says when), so a slow history query never holds the cards back.
  const cardsReady = report !== null;

  // The bench (scripts/lib/bench-popup.ts) reads this mark: popup opened -> cards shown.
  const marked = useRef(false);
  useEffect(() => {
    if (!cardsReady || marked.current) return;
    marked.current = true;
    performance.mark(CARDS_READY_MARK);
  }, [cardsReady]);

  const reveal = useCallback(
    async (span: Span): Promise<boolean> => (await sendRequest(send, { type: 'revealSpan', start: span.start, end: span.end })).revealed,
    [send],
  );

  return (
    <main
      class="popup"
      data-testid="popup"
      data-status={state.status}
      data-cards-ready={cardsReady ? 'true' : undefined}
      data-history={history.status}
      aria-busy={state.status === 'loading' || busy}
    >
      <header class="popup-header">
        <div class="popup-header-row">
          <span class="brand">Lede</span>
          <span class="popup-header-links">
            <LibraryLink />
            <SettingsLink />
          </span>
        </div>
        {'report' in state && <h1 class="title">{state.report.title}</h1>}
      </header>
      {/* The reader's notes come first; they need the background, which stores them. */}
      {background && hasPageNotes(state.status) && <NotesSection tab={send} background={background} notices={notices} />}
      <Body
        state={state}
        busy={busy}
        onAnalyzeNow={analyzeNow}
        onPrefsChange={changePrefs}
        cards={cards ?? []}
        history={history}
        onReveal={reveal}
        background={background}
      />
      {/* Where Lede runs on its own: this site, or anywhere (the background stores it and tells the tabs). */}
      {background && 'report' in state && state.status !== 'unsupported' && (
        <SiteSwitches background={background} site={siteOf(state.report.url)} onChanged={() => void refresh()} />
      )}
    </main>
  );
}

/** Notes live wherever the content script runs; it doesn't on pages Lede can't read. */
function hasPageNotes(status: PopupState['status']): boolean {
  return status !== 'loading' && status !== 'unreachable' && status !== 'unsupported';
}

interface BodyProps extends CardsProps {
  state: PopupState;
  busy: boolean;
  onAnalyzeNow: () => void;
  onPrefsChange: (prefs: HighlightPrefs) => void;
}

interface CardsProps {
  cards: readonly EntityCard[];
  history: HistoryState;
  onReveal: (span: Span) => Promise<boolean>;
  background?: Transport;
}

function Body({ state, busy, onAnalyzeNow, onPrefsChange, ...cards }: BodyProps) {
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
      return <Results report={state.report} onPrefsChange={onPrefsChange} {...cards} />;
  }
}

interface ResultsProps extends CardsProps {
  report: AnalysisReport;
  onPrefsChange: (prefs: HighlightPrefs) => void;
}

function Results({ report, onPrefsChange, cards, history, onReveal, background }: ResultsProps) {
  const analysis = report.analysis ?? { entities: [], quotes: [] };
  if (analysis.entities.length === 0 && analysis.quotes.length === 0) {
    return (
      <p class="message" role="status" data-testid="nothing-found">
        Lede found no people, places, organisations or quotes here.
      </p>
    );
  }
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
      <CardGroups cards={cards} histories={history.byName} onReveal={onReveal} background={background} />
      <QuoteGroups quotes={quotes} />
    </>
  );
}
