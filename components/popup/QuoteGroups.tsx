import { groupQuotesBySpeaker, type QuoteSummary } from '@/lib/cards/article-summary';

/**
 * Every quote of the article grouped by speaker (unattributed last), each marked direct or
 * reported. Folded: the cards show each person's quotes; this keeps the unattributed ones too.
 */
export function QuoteGroups({ quotes }: { quotes: readonly QuoteSummary[] }) {
  const groups = groupQuotesBySpeaker(quotes);
  return (
    <section class="group" aria-labelledby="group-quote">
      <h2 id="group-quote" class="group-title">
        <span class="lede-swatch lede-swatch-quote" aria-hidden="true" />
        Quotes by speaker
        <span class="group-count">{quotes.length}</span>
      </h2>
      {groups.length === 0 && <p class="empty">None found.</p>}
      {groups.length > 0 && (
        <details class="all-quotes">
          <summary>Show all {quotes.length === 1 ? 'the quote' : `${quotes.length} quotes`}</summary>
          {groups.map((group) => (
            <section class="speaker" key={group.speaker} data-testid="speaker-group" data-speaker={group.speaker}>
              <h3 class="speaker-name">{group.speaker}</h3>
              <ul class="quotes">
                {group.quotes.map((quote, index) => (
                  <li key={index} class={`quote quote-${quote.kind}`} data-testid="quote" data-kind={quote.kind}>
                    <span class="quote-kind">{quote.kind === 'direct' ? 'Direct' : 'Reported'}</span>
                    {quote.kind === 'direct' ? <q class="quote-text">{quote.text}</q> : <span class="quote-text">{quote.text}</span>}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </details>
      )}
    </section>
  );
}
