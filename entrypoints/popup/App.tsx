import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CardGroups } from '@/components/popup/CardGroups';
import { FoldSection } from '@/components/popup/FoldSection';
import { panelDomId, PopupTabs, tabDomId } from '@/components/popup/PopupTabs';
import { usePopupPrefs, type PopupPrefsState } from '@/components/popup/use-popup-prefs';
import { openEntityPage } from '@/components/library/open-library';
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
  /** Opens an entity's page by its key, from its card; defaults to openEntityPage (the library's entity view). */
  openEntity?: (name: string) => void;
}

type PopupTabId = 'people' | 'notes';

const openEntityInLibrary = (key: string): void => void openEntityPage(key);

export function App({ send, background, notices, openEntity = openEntityInLibrary }: AppProps) {
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  const [tab, setTab] = useState<PopupTabId>('people');
  const [notesCount, setNotesCount] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const sections = usePopupPrefs(background);
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
  // Ready once the cards are rendered (which waits for the folded sections, so nothing jumps);
  // their history lines fill in when the background answers (data-history on the root says when),
  // so a slow history query never holds the cards back.
  const cardsReady = report !== null && sections.settled;

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

  const showTabs = background !== undefined && hasPageNotes(state.status);
  const cardCount = cards?.length;
  const tabs = [
    {
      id: 'people' as const,
      testId: 'tab-people',
      label: (
        <>
          People &amp; places{cardCount !== undefined && <span class="tab-count">{cardCount}</span>}
        </>
      ),
    },
    {
      id: 'notes' as const,
      testId: 'tab-notes',
      label: <>Notes{notesCount !== null && <span class="tab-count">{notesCount}</span>}</>,
    },
  ];

  const links = (
    <span class="popup-header-links">
      <LibraryLink />
      <SettingsLink />
    </span>
  );

  const body = (
    <Body
      state={state}
      busy={busy}
      onAnalyzeNow={analyzeNow}
      onPrefsChange={changePrefs}
      cards={cards ?? []}
      history={history}
      onReveal={reveal}
      background={background}
      sections={sections}
      query={query}
      onQuery={setQuery}
      onOpenEntity={openEntity}
    />
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
        {/* With tabs, Library and Settings sit at the tab row's end; the title takes the top. */}
        {!showTabs && (
          <div class="popup-header-row">
            <span class="brand">Lede</span>
            {links}
          </div>
        )}
        {'report' in state && state.report.title.trim() !== '' && <h1 class="title">{state.report.title}</h1>}
      </header>
      {showTabs ? (
        <>
          <div class="tabs-bar">
            <PopupTabs tabs={tabs} selected={tab} onSelect={setTab} label="What Lede shows" />
            {links}
          </div>
          <div class="panel" role="tabpanel" id={panelDomId('people')} aria-labelledby={tabDomId('people')} hidden={tab !== 'people'}>
            {body}
          </div>
          {/* The reader's notes; they need the background, which stores them. The panel takes focus
              itself (it may hold no button), as the tabs pattern asks. */}
          <div class="panel" role="tabpanel" id={panelDomId('notes')} aria-labelledby={tabDomId('notes')} hidden={tab !== 'notes'} tabIndex={0}>
            <NotesSection tab={send} background={background} notices={notices} onCount={setNotesCount} />
          </div>
        </>
      ) : (
        body
      )}
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
  sections: PopupPrefsState;
  query: string;
  onQuery: (query: string) => void;
  onOpenEntity?: (key: string) => void;
}

function Body({ state, busy, onAnalyzeNow, onPrefsChange, ...cards }: BodyProps) {
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

interface ResultsProps extends CardsProps {
  report: AnalysisReport;
  onPrefsChange: (prefs: HighlightPrefs) => void;
}

function Results({ report, onPrefsChange, cards, history, onReveal, background, sections, query, onQuery, onOpenEntity }: ResultsProps) {
  const analysis = report.analysis ?? { entities: [], quotes: [] };
  if (analysis.entities.length === 0 && analysis.quotes.length === 0) {
    return (
      <div class="message" role="status" data-testid="nothing-found">
        <h2 class="message-title">No people found</h2>
        <p>Lede found no people, places, organisations or quotes here.</p>
      </div>
    );
  }
  const quotes = summarizeQuotes(analysis, report.text ?? '');
  const toggle = sections.setCollapsed;
  return (
    <>
      {cards.length > 0 && <CardFilter query={query} onQuery={onQuery} />}
      <CardGroups
        cards={cards}
        histories={history.byName}
        query={query}
        collapsed={sections.collapsed}
        onToggleSection={toggle}
        onReveal={onReveal}
        background={background}
        onOpenEntity={onOpenEntity}
      />
      <FoldSection
        section="quotes"
        title="Quotes by speaker"
        swatch="lede-swatch-quote"
        count={String(quotes.length)}
        collapsed={sections.collapsed.has('quotes')}
        onToggle={toggle}
      >
        <QuoteGroups quotes={quotes} />
      </FoldSection>
      <FoldSection
        section="highlights"
        title="Highlights on the page"
        collapsed={sections.collapsed.has('highlights')}
        onToggle={toggle}
      >
        <TypeToggles
          prefs={report.highlightPrefs.prefs}
          counts={countsByType(analysis)}
          testIdPrefix="popup-toggle"
          disabled={!report.highlightsSupported}
          onChange={onPrefsChange}
        />
        {!report.highlightsSupported && <p class="note">This browser can’t paint highlights on the page.</p>}
      </FoldSection>
    </>
  );
}

/** Narrows the cards as the reader types: by name, role, description or type. */
function CardFilter({ query, onQuery }: { query: string; onQuery: (query: string) => void }) {
  return (
    <div class="filter">
      <input
        type="search"
        class="filter-input"
        data-testid="card-filter"
        placeholder="Filter by name, role or type"
        aria-label="Filter people, places and organisations by name, role or type"
        value={query}
        onInput={(event) => onQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && query !== '') {
            event.preventDefault();
            onQuery('');
          }
        }}
      />
    </div>
  );
}
