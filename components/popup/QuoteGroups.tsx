import { groupQuotesBySpeaker, type QuoteSummary } from '@/lib/cards/article-summary';

/**
 * Every quote of the article grouped by speaker (unattributed last), each marked direct or
 * reported. The cards show each person's quotes; this keeps the unattributed ones too. The popup
 * puts it in a section the reader can fold.
 */
export function QuoteGroups({ quotes }: { quotes: readonly QuoteSummary[] }) {
  const groups = groupQuotesBySpeaker(quotes);
  if (groups.length === 0) return <p class="empty">No quotes found.</p>;
  return (
    <div class="all-quotes">
      {groups.map((group) => (
        <section class="speaker" key={group.speaker} data-testid="speaker-group" data-speaker={group.speaker}>
          <h3 class="speaker-name">
            {group.speaker} <span class="speaker-count">{group.quotes.length}</span>
          </h3>
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
    </div>
  );
}
