import { useMemo, useState } from 'preact/hooks';
import { normalizeText } from '@/lib/library/library-index';
import type { SpeakerQuotes } from '@/lib/library/library-data';
import { formatDay, isoDay } from './format';

/** How many speakers show before "Show more": a long reading history quotes thousands of people. */
const SPEAKER_PAGE = 100;

/** "Everything Kerry said in the articles I read": attributed quotes from stored analyses, by speaker. */
export function QuotesBySpeaker({ speakers }: { speakers: SpeakerQuotes[] }) {
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(SPEAKER_PAGE);
  const matching = useMemo(() => {
    const wanted = normalizeText(query.trim());
    return wanted ? speakers.filter((s) => normalizeText(s.speaker).includes(wanted)) : speakers;
  }, [speakers, query]);

  return (
    <section class="library-quotes" data-testid="library-quotes" aria-labelledby="quotes-heading">
      <h2 id="quotes-heading" class="visually-hidden">
        Quotes by speaker
      </h2>
      <label class="library-field library-field-wide">
        <span>Find a speaker</span>
        <input
          type="search"
          data-testid="quotes-search"
          value={query}
          placeholder="Speaker name"
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setLimit(SPEAKER_PAGE);
          }}
        />
      </label>
      {speakers.length === 0 ? (
        <p class="library-empty">No attributed quotes yet. Quotes appear here once Lede has analysed articles that quote someone.</p>
      ) : matching.length === 0 ? (
        <p class="library-empty" role="status">
          No speaker matches “{query}”.
        </p>
      ) : (
        <>
          <p class="library-count" role="status">
            {matching.length} {matching.length === 1 ? 'speaker' : 'speakers'}
          </p>
          <ul class="library-speakers">
            {matching.slice(0, limit).map((speaker) => (
              <li key={speaker.speaker} data-testid="library-speaker">
                <details>
                  <summary>
                    <span class="library-speaker-name">{speaker.speaker}</span>{' '}
                    <span class="library-muted">
                      {speaker.quotes.length} {speaker.quotes.length === 1 ? 'quote' : 'quotes'} in {speaker.articleCount}{' '}
                      {speaker.articleCount === 1 ? 'article' : 'articles'}
                    </span>
                  </summary>
                  <ul class="library-speaker-quotes">
                    {speaker.quotes.map((quote, i) => (
                      <li key={i}>
                        <blockquote class="library-quote">{quote.kind === 'direct' ? `“${quote.text}”` : quote.text}</blockquote>
                        <p class="library-note-meta">
                          <a href={quote.url} target="_blank" rel="noopener noreferrer">
                            {quote.title || quote.url}
                          </a>
                          {` · ${quote.site} · `}
                          <time dateTime={isoDay(quote.seenAt)}>{formatDay(quote.seenAt)}</time>
                          {quote.kind === 'reported' && ' · reported speech'}
                        </p>
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
          {matching.length > limit && (
            <button type="button" class="library-button" onClick={() => setLimit(limit + SPEAKER_PAGE)}>
              Show more speakers ({matching.length - limit} more)
            </button>
          )}
        </>
      )}
    </section>
  );
}
