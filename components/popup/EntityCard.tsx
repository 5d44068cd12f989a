import { useState } from 'preact/hooks';
import type { Span } from '@/lib/analysis/types';
import { nextMentionIndex, type CardQuote, type EntityCard as EntityCardModel } from '@/lib/cards/cards';
import type { EntityHistory } from '@/lib/protocol/messages';
import type { Transport } from '@/lib/protocol/messages';
import { placeFacts } from '@/lib/cards/place-facts';
import { CardHistory } from './CardHistory';
import { entityKey } from '@/lib/cards/entity-key';
import { mentionsLabel, placeFactRows, plural, TYPE_LABELS } from './card-text';
import { EncyclopediaSummary } from './EncyclopediaSummary';
import { useFirstScreen } from './first-screen';
import './cards.css';

/** A row (people: name and who they are on the first screen) or a chip (places, organisations: the name only). */
export type CardLook = 'row' | 'chip';

export interface EntityCardProps {
  card: EntityCardModel;
  /** Unique in the popup: ties the card's heading to its landmarks. */
  domId: string;
  /** Other articles that mention the entity; undefined while unknown or when history is off. */
  history?: EntityHistory;
  /** Whether the card starts unfolded (its mentions, quotes and history shown). */
  expanded: boolean;
  look?: CardLook;
  /** Asks the page to scroll to a span and flash it; resolves false when the page could not. */
  onReveal: (span: Span) => Promise<boolean>;
  /** Reaches the background; without it the card shows no encyclopedia summary. */
  background?: Transport;
  /** Opens the entity's page in the library by its key (lib/cards/entity-key.ts, openEntityPage); no button without it. */
  onOpenEntity?: (key: string) => void;
}

/** What the last reveal did, said politely to screen readers and shown beside the mentions button. */
type RevealStatus = { text: string; failed: boolean } | null;

/**
 * One entity of the article. Folded, it says who or what it is in a line (a chip for places and
 * organisations); unfolded (its name is a button with aria-expanded), its mentions in the page,
 * what it said, where else the reader met it and, when the reader turned them on, an encyclopedia
 * summary. Folded details stay in the DOM, hidden.
 */
export function EntityCard({ card, domId, history, expanded, look = 'row', onReveal, background, onOpenEntity }: EntityCardProps) {
  const [open, setOpen] = useState(expanded);
  const firstScreen = useFirstScreen();
  const [mentionIndex, setMentionIndex] = useState<number | null>(null);
  const [status, setStatus] = useState<RevealStatus>(null);
  const nameId = `${domId}-name`;
  const detailsId = `${domId}-details`;

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
  const historyCount = history?.total ?? 0;
  const who = (card.role || card.description) && (
    <span class="card-line">
      {card.role && (
        <span class="card-role" data-testid="card-role">
          {card.role}
        </span>
      )}
      {card.role && card.description && <span aria-hidden="true"> · </span>}
      {card.description && (
        <span class="card-description" data-testid="card-description">
          {card.description}
        </span>
      )}
    </span>
  );
  const mentionsButton = card.mentionCount > 0 && (
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
  );

  return (
    <article
      class={`card card-${look} card-${card.type}${open ? ' is-open' : ''}`}
      data-testid="entity-card"
      data-entity-id={card.id}
      data-type={card.type}
      data-name={card.name}
      data-expanded={open ? 'true' : 'false'}
      aria-labelledby={nameId}
    >
      <div class="card-head">
        <h3 class="card-heading">
          <button
            type="button"
            class="card-toggle"
            data-testid="card-toggle"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen(!open)}
          >
            <span class={`lede-swatch lede-swatch-${card.type}`} aria-hidden="true" />
            <span class="card-title">
              <span class="card-name-line">
                <span class="card-name" id={nameId}>
                  {card.name}
                </span>
                {look === 'row' && card.quotes.length > 0 && (
                  <span class="card-quote-count" aria-label={plural(card.quotes.length, 'quote')} title={plural(card.quotes.length, 'quote')}>
                    <span aria-hidden="true">❝</span>
                    {card.quotes.length}
                  </span>
                )}
              </span>
              {look === 'row' && who}
            </span>
            {look === 'chip' && (
              <span class="chip-count" aria-label={mentionsLabel(card.mentionCount)}>
                {card.mentionCount}
              </span>
            )}
          </button>
        </h3>
        {look === 'row' && mentionsButton}
      </div>
      <div class="card-details" id={detailsId} hidden={!open}>
        {(open || !firstScreen) && <>
        {look === 'chip' && (
          <div class="chip-meta-row">
            <p class="card-meta">
              <span class="card-type">{TYPE_LABELS[card.type]}</span>
              {who}
            </p>
            {mentionsButton}
          </div>
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
        {history && historyCount > 0 && <CardHistory history={history} current={card} />}
        {card.quotes.length > 0 && <CardQuotes quotes={card.quotes} name={card.name} open={open} onReveal={reveal} />}
        {/* Asked for only once the card is open: the summary renders nothing while summaries are off. */}
        {background && open && <EncyclopediaSummary name={card.name} type={card.type} send={background} />}
        {onOpenEntity && (
          <button type="button" class="card-open-entity" data-testid="card-open-entity" onClick={() => onOpenEntity(entityKey(card.type, card.name) ?? card.name)}>
            All about {card.name}
          </button>
        )}
        </>}
      </div>
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
