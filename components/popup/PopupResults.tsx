import { CardGroups } from '@/components/popup/CardGroups';
import { FoldSection } from '@/components/popup/FoldSection';
import type { PopupPrefsState } from '@/components/popup/use-popup-prefs';
import { QuoteGroups } from '@/components/popup/QuoteGroups';
import { TypeToggles } from '@/components/TypeToggles';
import type { Span } from '@/lib/analysis/types';
import { summarizeQuotes } from '@/lib/cards/article-summary';
import type { EntityCard } from '@/lib/cards/cards';
import type { AnalysisReport, Transport } from '@/lib/protocol/messages';
import { countsByType } from '@/lib/page/paint';
import type { HighlightPrefs } from '@/lib/settings/highlight-prefs';
import type { HistoryState } from './entity-history';

/** What the cards need: the cards, their history, and the popup's folds and filter. */
export interface CardsProps {
  cards: readonly EntityCard[];
  history: HistoryState;
  onReveal: (span: Span) => Promise<boolean>;
  background?: Transport;
  sections: PopupPrefsState;
  query: string;
  onQuery: (query: string) => void;
  onOpenEntity?: (key: string) => void;
}

export interface ResultsProps extends CardsProps {
  report: AnalysisReport;
  onPrefsChange: (prefs: HighlightPrefs) => void;
}

export function Results({ report, onPrefsChange, cards, history, onReveal, background, sections, query, onQuery, onOpenEntity }: ResultsProps) {
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
