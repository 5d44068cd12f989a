import { useState } from 'preact/hooks';
import type { Span } from '@/lib/analysis/types';
import { nextMentionIndex, type CardQuote, type EntityCard as EntityCardModel } from '@/lib/cards/cards';
import type { EntityHistory } from '@/lib/protocol/messages';
import type { Transport } from '@/lib/protocol/messages';
import { placeFacts } from '@/lib/cards/place-facts';
import { CardHistory } from './CardHistory';
import { EntityPageLink } from './EntityPageLink';
import { mentionsLabel, placeFactRows, TYPE_LABELS } from './card-text';
import { EncyclopediaSummary } from './EncyclopediaSummary';
import './cards.css';

export interface EntityCardProps {
  card: EntityCardModel;
  /** Unique in the popup: ties the card's heading to its landmarks. */
  domId: string;
  /** Other articles that mention the entity; undefined while unknown or when history is off. */
  history?: EntityHistory;
  /** Show the quotes open (the top cards); the rest start folded. */
  expanded: boolean;
  /** Asks the page to scroll to a span and flash it; resolves false when the page could not. */
  onReveal: (span: Span) => Promise<boolean>;
  /** Reaches the background; without it the card shows no encyclopedia summary. */
  background?: Transport;
}

/** What the last reveal did, said politely to screen readers and shown beside the mentions button. */
type RevealStatus = { text: string; failed: boolean } | null;

/** One entity of the article: who or what it is, how often and where it appears, what it said, where else the reader met it. */
export function EntityCard({ card, domId, history, expanded, onReveal, background }: EntityCardProps) {
  const [mentionIndex, setMentionIndex] = useState<number | null>(null);
  const [status, setStatus] = useState<RevealStatus>(null);
  const nameId = `${domId}-name`;

  const reveal = async (span: Span, shown: string): Promise<void> => {
    let revealed = false;
    try {
      revealed = await onReveal(span);
    } catch {
      revealed = false;
    }
    setStatus(revealed ? { text: shown, failed: false } : { text: 'Couldn’t find that on the page.', failed: true });
  };

  const revealNextMention = (): void => {
    const index = nextMentionIndex(card, mentionIndex);
    if (index === null) return;
    setMentionIndex(index);
    void reveal(card.mentions[index]!, `Mention ${index + 1} of ${card.mentionCount}`);
  };

  const facts = card.type === 'place' ? placeFacts(card.name) : null;

  return (
    <article
      class={`card card-${card.type}`}
      data-testid="entity-card"
      data-entity-id={card.id}
      data-type={card.type}
      data-name={card.name}
      aria-labelledby={nameId}
    >
      <div class="card-head">
        <span class={`lede-swatch lede-swatch-${card.type}`} aria-hidden="true" />
        <h3 class="card-name" id={nameId}>
          {card.name}
        </h3>
        {card.mentionCount > 0 && (
          <button
            type="button"
            class="card-mentions"
            data-testid="card-mentions"
            aria-label={`${mentionsLabel(card.mentionCount)} of ${card.name}: show the next in the page`}
            title="Show the next mention in the page"
            onClick={revealNextMention}
          >
            {mentionsLabel(card.mentionCount)}
          </button>
        )}
      </div>
      <p class="card-meta">
        <span class="card-type">{TYPE_LABELS[card.type]}</span>
        {card.role && (
          <>
            <span aria-hidden="true"> · </span>
            <span class="card-role" data-testid="card-role">
              {card.role}
            </span>
          </>
        )}
      </p>
      {card.description && (
        <p class="card-description" data-testid="card-description">
          {card.description}
        </p>
      )}
      {facts && (
        <dl class="card-facts" data-testid="card-place-facts" aria-label={`Facts about ${card.name}`}>
          {placeFactRows(facts, card.name).map(([label, value]) => (
            <div class="card-fact" key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <p class={`card-status${status?.failed ? ' card-status-failed' : ''}`} role="status">
        {status?.text ?? ''}
      </p>
      {card.quotes.length > 0 && <CardQuotes quotes={card.quotes} name={card.name} open={expanded} onReveal={reveal} />}
      {history && history.total > 0 && <CardHistory history={history} current={card} />}
      <EntityPageLink type={card.type} name={card.name} />
      {/* The encyclopedia summary (components/popup/EncyclopediaSummary.tsx); it renders nothing while summaries are off. */}
      {background && <EncyclopediaSummary name={card.name} type={card.type} send={background} />}
    </article>
  );
}

interface CardQuotesProps {
  quotes: readonly CardQuote[];
  name: string;
  open: boolean;
  onReveal: (span: Span, shown: string) => Promise<void>;
}

function CardQuotes({ quotes, name, open, onReveal }: CardQuotesProps) {
  const direct = quotes.filter((quote) => quote.kind === 'direct').length;
  const reported = quotes.length - direct;
  const counts = [direct > 0 ? `${direct} direct` : '', reported > 0 ? `${reported} reported` : ''].filter(Boolean).join(', ');
  return (
    <details class="card-section card-quotes" open={open}>
      <summary>
        <span class="card-section-title">What {name} said here</span> <span class="card-section-count">{counts}</span>
      </summary>
      <ul class="card-quote-list">
        {quotes.map((quote, index) => (
          <li key={quote.start}>
            <button
              type="button"
              class={`card-quote card-quote-${quote.kind}`}
              data-testid="card-quote"
              data-kind={quote.kind}
              title="Show this quote in the page"
              onClick={() => void onReveal(quote, `Quote ${index + 1} of ${quotes.length}`)}
            >
              <span class="quote-kind">{quote.kind === 'direct' ? 'Direct quote' : 'Reported speech'}</span>
              {quote.kind === 'direct' ? <q class="card-quote-text">{quote.text}</q> : <span class="card-quote-text">{quote.text}</span>}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
