import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { EntityType, Span } from '@/lib/analysis/types';
import type { HighlightType } from '@/lib/page/highlight-types';
import type { Rect } from '@/lib/page/hit-test';
import type { HoverCardModel, HoverCardQuote } from './model';
import { entityKey } from '@/lib/cards/entity-key';
import { placeCard, type Placement } from './placement';

export interface HoverCardProps {
  model: HoverCardModel;
  /** The highlighted line box the card belongs to, in viewport coordinates. */
  anchor: Rect;
  /** The highlight's span of the article text and its kind (the card's data-start, data-end, data-highlight). */
  target: Span & { type: HighlightType };
  /** Move focus into the card (keyboard navigation), so screen readers read it out. */
  takeFocus: boolean;
  /** The keys that step through highlights, for the card's footer. */
  keyHint: string;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  /** Opens the library at the entity's page (by key); without it the card has no "All about" link. */
  onOpenEntity?: (key: string) => void;
}

const TYPE_LABELS: Record<EntityType, string> = { person: 'Person', place: 'Place', organization: 'Organisation' };

const plural = (count: number, one: string, many: string = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/**
 * The compact in-page context card. Fixed to the viewport beside its highlight, so it never
 * moves the page's text; measured once rendered, then placed (hidden until placed).
 *
 * It shows only what the article itself says, never the reader's history or notes: the page can
 * map the card's box through its closed shadow root (elementFromPoint), find text in it
 * (window.find) and time its appearance, so anything from the history here would tell the page
 * whether the reader has read about the person it names. "Also in N articles you've read" is in
 * the toolbar popup, which no page can see.
 */
export function HoverCard({ model, anchor, target, takeFocus, keyHint, onPointerEnter, onPointerLeave, onOpenEntity }: HoverCardProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [placement, setPlacement] = useState<Placement | null>(null);

  useLayoutEffect(() => {
    const card = ref.current;
    if (!card) return;
    const { width, height } = card.getBoundingClientRect();
    const view = card.ownerDocument.defaultView;
    setPlacement(placeCard(anchor, { width, height }, { width: view?.innerWidth ?? width, height: view?.innerHeight ?? height }));
  }, [model.key, anchor.left, anchor.top, anchor.right, anchor.bottom]);

  useLayoutEffect(() => {
    if (takeFocus && placement) ref.current?.focus({ preventScroll: true });
  }, [takeFocus, model.key, placement !== null]);

  const nameId = 'lede-hovercard-name';
  const aboutId = 'lede-hovercard-about';
  const style = placement
    ? { left: `${placement.left}px`, top: `${placement.top}px` }
    : { left: '0px', top: '0px', visibility: 'hidden' as const };
  const others = model.quoteCount - model.quotes.length;

  return (
    <div
      ref={ref}
      class={`lede-hovercard lede-hovercard-${model.type ?? 'speaker'}`}
      style={style}
      role="dialog"
      aria-modal="false"
      aria-labelledby={nameId}
      aria-describedby={aboutId}
      tabIndex={-1}
      data-testid="hovercard"
      data-entity-id={model.entityId ?? ''}
      data-start={target.start}
      data-end={target.end}
      data-highlight={target.type}
      data-side={placement?.side ?? ''}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
    >
      <header class="lede-hovercard-head">
        <span class="lede-hovercard-name" id={nameId} data-testid="hovercard-name">
          {model.name}
        </span>
        <span class={`lede-hovercard-type lede-type-${model.type ?? 'speaker'}`} data-testid="hovercard-type">
          {model.type ? TYPE_LABELS[model.type] : 'Speaker'}
        </span>
      </header>
      <div id={aboutId} class="lede-hovercard-about">
        {model.role && (
          <p class="lede-hovercard-role" data-testid="hovercard-role">
            {model.role}
          </p>
        )}
        {model.description && (
          <p class="lede-hovercard-description" data-testid="hovercard-description">
            {model.description}
          </p>
        )}
        {model.mentionCount !== null && (
          <p class="lede-hovercard-counts" data-testid="hovercard-counts">
            {plural(model.mentionCount, 'mention')}
            {model.type === 'person' && ` · ${plural(model.quoteCount, 'quote')}`}
          </p>
        )}
      </div>
      {model.quotes.length > 0 && (
        <ul class="lede-hovercard-quotes" aria-label="Quotes in this article">
          {model.quotes.map((quote) => (
            <QuoteItem key={`${quote.start}-${quote.end}`} quote={quote} />
          ))}
          {others > 0 && <li class="lede-hovercard-more">and {plural(others, 'more quote')} in the popup</li>}
        </ul>
      )}
      {onOpenEntity && model.type && <OpenEntity type={model.type} name={model.name} open={onOpenEntity} />}
      <p class="lede-hovercard-keys" aria-hidden="true">
        {keyHint} · Esc closes
      </p>
    </div>
  );
}

/**
 * "All about X": always shown for an entity, whatever the reader has read (the link says nothing
 * about the history: the library opens in its own tab, which the page cannot see).
 */
function OpenEntity({ type, name, open }: { type: EntityType; name: string; open: (key: string) => void }) {
  const key = entityKey(type, name);
  if (key === null) return null;
  return (
    <button type="button" class="lede-hovercard-open" data-testid="hovercard-open-entity" onClick={() => open(key)}>
      All about {name}
    </button>
  );
}

function QuoteItem({ quote }: { quote: HoverCardQuote }) {
  return (
    <li
      class={`lede-hovercard-quote${quote.marked ? ' lede-hovercard-quote-marked' : ''}`}
      data-testid="hovercard-quote"
      data-kind={quote.kind}
      data-marked={quote.marked ? 'true' : 'false'}
      aria-current={quote.marked ? 'true' : undefined}
    >
      <span class="lede-hovercard-kind">
        {quote.kind === 'direct' ? 'Direct' : 'Reported'}
        {quote.marked && <span class="lede-hovercard-this"> · this quote</span>}
      </span>
      {/* Reported speech is the writer's paraphrase: no quotation marks around it. */}
      {quote.kind === 'direct' ? (
        <q class="lede-hovercard-quote-text">{quote.text}</q>
      ) : (
        <span class="lede-hovercard-quote-text">{quote.text}</span>
      )}
    </li>
  );
}
