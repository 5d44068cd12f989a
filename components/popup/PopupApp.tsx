import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PopupTabs, panelDomId, tabDomId } from '@/components/popup/PopupTabs';
import { usePopupPrefs } from '@/components/popup/use-popup-prefs';
import { openEntityPage } from '@/components/library/open-library';
import { NotesSection } from '@/components/popup/notes/NotesSection';
import type { NotesNotices } from '@/components/popup/notes/use-page-notes';
import { SettingsLink } from '@/components/popup/SettingsLink';
import { SiteSwitches } from '@/components/popup/SiteSwitches';
import { LibraryLink } from '@/components/library/LibraryLink';
import type { Span } from '@/lib/analysis/types';
import { buildEntityCards } from '@/lib/cards/cards';
import { sendRequest, type Transport } from '@/lib/protocol/messages';
import { siteOf } from '@/lib/shared/page-address';
import { usePopupReport } from './use-popup-report';
import { Body, hasPageNotes } from './PopupBody';
import { FirstScreen } from './first-screen';

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
  const [tab, setTab] = useState<PopupTabId>('people');
  const [notesCount, setNotesCount] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const sections = usePopupPrefs(background);
  const { state, busy, history, refresh, analyzeNow, changePrefs } = usePopupReport(send, background);

  const report = state.status === 'analyzed' && 'report' in state ? state.report : null;
  const analysis = report?.analysis;
  const text = report?.text;
  // Keyed on the analysis itself, so a change of highlight toggles doesn't rebuild the cards.
  const cards = useMemo(() => (analysis ? buildEntityCards(analysis, text ?? '') : null), [analysis, text]);
  // Ready once the cards are rendered (which waits for the folded sections, so nothing jumps);
  // their history lines fill in when the background answers (data-history on the root says when),
  // so a slow history query never holds the cards back.
  const cardsReady = report !== null && sections.settled;
  /** The hidden parts are rendered too: set once the first screen of cards is shown. */
  const [rest, setRest] = useState(false);
  // The notes and the site switches wait for that first screen: their answers would otherwise
  // re-render the popup while it draws the cards.
  const afterFirstScreen = state.status !== 'loading' && (state.status !== 'analyzed' || rest);

  // The bench (scripts/lib/bench-popup.ts) reads this mark: popup opened -> cards shown.
  // The first screen (hidden parts left out, first-screen.ts) is marked once painted; the hidden
  // parts follow in the next render, and only then does data-cards-ready say the cards are all there.
  const marked = useRef(false);
  useEffect(() => {
    if (!cardsReady || marked.current) return;
    marked.current = true;
    performance.mark(CARDS_READY_MARK);
    setRest(true);
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
    <FirstScreen.Provider value={!rest}>
      <main
        class="popup"
        data-testid="popup"
        data-status={state.status}
        data-cards-ready={cardsReady && rest ? 'true' : undefined}
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
              {(afterFirstScreen || tab === 'notes') && <NotesSection tab={send} background={background} notices={notices} onCount={setNotesCount} />}
            </div>
          </>
        ) : (
          body
        )}
        {/* Where Lede runs on its own: this site, or anywhere (the background stores it and tells the tabs). */}
        {background && afterFirstScreen && 'report' in state && state.status !== 'unsupported' && (
          <SiteSwitches background={background} site={siteOf(state.report.url)} onChanged={() => void refresh()} />
        )}
      </main>
    </FirstScreen.Provider>
  );
}
