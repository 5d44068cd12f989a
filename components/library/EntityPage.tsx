import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntityType } from '@/lib/analysis/types';
import type { EntityPageData, EntitySource } from '@/lib/protocol/history';
import { quotationLink, textFragmentUrl } from '@/lib/notes/quote-link';
import { formatDay, isoDay } from './format';
import type { EntityPageState } from './use-entity-page';

const TYPE_LABELS: Record<EntityType, string> = { person: 'Person', place: 'Place', organization: 'Organisation' };

/** Items of each list shown at first; the rest behind "Show all" or "Show more" (a long history names someone in thousands of articles). */
export const FIRST_SHOWN = 10;
/** Articles shown at first, and added by each "Show more". */
export const ARTICLES_SHOWN = 50;

const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export interface EntityPageProps {
  state: EntityPageState;
  /** The way back to the library's notes (a link to the page without its hash). */
  backHref: string;
  /** Asks the background for older articles, once those it sent are all shown. */
  onMore?: () => void;
}

/**
 * Everything the reader has read about one person, place or organisation: the articles that
 * mention them (newest first), how the press has described them, what they said (each with a link
 * that opens the article at the words), and the reader's own notes that name them.
 */
export function EntityPage({ state, backHref, onMore }: EntityPageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const ready = state.status === 'ready' ? state.data : null;
  // The page's heading takes focus when it arrives, so a screen reader starts at the name.
  useEffect(() => heading.current?.focus({ preventScroll: true }), [ready?.key]);

  return (
    <div class="library entity-page" data-testid="entity-page">
      <header class="library-header">
        <div>
          <div class="brand">Lede</div>
          <a class="entity-back" href={backHref} data-testid="entity-back">
            ← All notes
          </a>
        </div>
      </header>
      {state.status === 'loading' && (
        <p class="library-muted" role="status">
          Loading…
        </p>
      )}
      {state.status === 'failed' && (
        <p class="library-error" role="alert">
          Could not read what you have read about them: {state.message}
        </p>
      )}
      {ready && <EntityBody data={ready} headingRef={heading} onMore={onMore} loadingMore={state.status === 'ready' && state.loadingMore === true} />}
    </div>
  );
}

function EntityBody({ data, headingRef, onMore, loadingMore }: { data: EntityPageData; headingRef: { current: HTMLHeadingElement | null }; onMore?: () => void; loadingMore: boolean }) {
  const others = data.names.filter((name) => name !== data.name);
  const shown = useShown(data.key);
  const articles = usePages<HTMLOListElement>(data.key, ARTICLES_SHOWN);
  const quotes = usePages<HTMLUListElement>(data.key, FIRST_SHOWN);
  const quoteCount = data.complete ? count(data.quotes.length, 'quote') : `${count(data.quotes.length, 'quote')} in the newest ${data.articles.length.toLocaleString('en-US')} articles`;
  const summary = [count(data.totalArticles, 'article'), quoteCount, count(data.notes.length, 'note')].join(' · ');
  return (
    <main class="entity-main" aria-labelledby="entity-name">
      <div class="entity-title">
        <span class={`entity-swatch entity-swatch-${data.type}`} aria-hidden="true" />
        <h1 id="entity-name" tabIndex={-1} ref={headingRef} data-testid="entity-name">
          All about {data.name}
        </h1>
      </div>
      <p class="entity-meta">
        <span data-testid="entity-type">{TYPE_LABELS[data.type]}</span>
        {others.length > 0 && <span data-testid="entity-names"> · also written {others.map((name) => `“${name}”`).join(', ')}</span>}
        <span data-testid="entity-summary"> · {summary}</span>
      </p>
      {!data.historyOn && (
        <p class="entity-notice" role="note" data-testid="entity-history-off">
          Reading history is off, so Lede keeps no record of the articles you read. Turn it on in Settings to see them here.
        </p>
      )}
      {data.historyOn && data.totalArticles <= 1 && (
        <p class="library-empty entity-empty" data-testid="entity-empty">
          You haven’t read about {data.name} elsewhere yet.
        </p>
      )}

      {data.articles.length > 0 && (
        <Section id="entity-articles" title={`Articles (${data.totalArticles.toLocaleString('en-US')})`}>
          <ol class="entity-list" data-testid="entity-articles" ref={articles.list}>
            {data.articles.slice(0, articles.count).map((article) => (
              <li key={article.url} class="entity-item" data-testid="entity-article">
                <SourceLink source={article} />
                <p class="entity-source-meta">
                  <SourceMeta source={article} />
                  {article.name !== data.name && <> · as “{article.name}”</>}
                  {` · ${count(article.mentions, 'mention')}`}
                </p>
              </li>
            ))}
          </ol>
          <ShowMore list="articles" pages={articles} loaded={data.articles.length} total={data.totalArticles} complete={data.complete} onMore={onMore} loading={loadingMore} />
        </Section>
      )}

      {data.descriptions.length > 0 && (
        <Section id="entity-descriptions" title="How the press described them">
          <ul class="entity-list" data-testid="entity-descriptions">
            {shown.descriptions(data.descriptions).map((description) => (
              <li key={`${description.kind}:${description.text}`} class="entity-item" data-testid="entity-description">
                <p class="entity-description">
                  {description.text}
                  {description.kind === 'role' && <span class="library-muted"> (title)</span>}
                </p>
                <p class="entity-source-meta">
                  <SourceLink source={description.first} /> · <SourceMeta source={description.first} />
                  {description.count > 1 && (
                    <>
                      {` · and ${count(description.count - 1, 'other article')}, last `}
                      <time dateTime={isoDay(description.last.seenAt)}>{formatDay(description.last.seenAt)}</time>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
          <ShowAll list="descriptions" total={data.descriptions.length} shown={shown} />
          {!data.complete && (
            <p class="library-muted" data-testid="entity-descriptions-window">
              From the newest {count(data.articles.length, 'article')}; show more articles to look further back.
            </p>
          )}
        </Section>
      )}

      {data.quotes.length > 0 && (
        <Section id="entity-quotes" title={`What ${data.name} said`}>
          <ul class="entity-list" data-testid="entity-quotes" ref={quotes.list}>
            {data.quotes.slice(0, quotes.count).map((quote, i) => (
              <li key={i} class="entity-item" data-testid="entity-quote">
                <blockquote class="library-quote">{quote.kind === 'direct' ? `“${quote.text.replace(/^[“"]|[”"]$/g, '')}”` : quote.text}</blockquote>
                <p class="entity-source-meta">
                  <a href={quotationLink(quote.source.url, quote.text)} target="_blank" rel="noopener noreferrer" data-testid="entity-quote-link">
                    Go to the passage<span class="visually-hidden"> in {quote.source.title || quote.source.url} (opens in a new tab)</span>
                  </a>
                  {' · '}
                  {quote.source.title || quote.source.url} · <SourceMeta source={quote.source} />
                  {quote.kind === 'reported' && ' · reported speech'}
                </p>
              </li>
            ))}
          </ul>
          <ShowMore list="quotes" pages={quotes} loaded={data.quotes.length} complete={data.complete} onMore={onMore} loading={loadingMore} />
        </Section>
      )}

      {data.notes.length > 0 && (
        <Section id="entity-notes" title="Your notes">
          <ul class="entity-list" data-testid="entity-notes">
            {shown.notes(data.notes).map((note) => (
              <li key={note.id} class="entity-item" data-testid="entity-note">
                {note.exact && <blockquote class="library-quote">{note.exact}</blockquote>}
                {note.body && <p class="entity-note-body">{note.body}</p>}
                <p class="entity-source-meta">
                  <a href={textFragmentUrl(note.source.url, note.exact)} target="_blank" rel="noopener noreferrer">
                    Go to the passage<span class="visually-hidden"> (opens in a new tab)</span>
                  </a>
                  {' · '}
                  {note.source.title || note.source.url} · <time dateTime={note.modified}>{formatDay(note.modified)}</time>
                </p>
              </li>
            ))}
          </ul>
          <ShowAll list="notes" total={data.notes.length} shown={shown} />
        </Section>
      )}
    </main>
  );
}

type ListName = 'descriptions' | 'notes';

interface Shown {
  all: ReadonlySet<ListName>;
  showAll: (list: ListName) => void;
  descriptions: <T>(items: readonly T[]) => readonly T[];
  notes: <T>(items: readonly T[]) => readonly T[];
}

/** Which lists the reader opened in full; back to the first FIRST_SHOWN of each for another entity. */
function useShown(key: string): Shown {
  const [all, setAll] = useState<{ key: string; lists: ReadonlySet<ListName> }>({ key, lists: new Set() });
  const lists = all.key === key ? all.lists : new Set<ListName>();
  const cut = (list: ListName) => <T,>(items: readonly T[]): readonly T[] => (lists.has(list) ? items : items.slice(0, FIRST_SHOWN));
  return {
    all: lists,
    showAll: (list) => setAll({ key, lists: new Set([...lists, list]) }),
    descriptions: cut('descriptions'),
    notes: cut('notes'),
  };
}

interface Pages<E extends HTMLElement = HTMLElement> {
  /** How many items are shown. */
  count: number;
  /** Shows `step` more, and moves the focus to the first of them once it is on screen. */
  more: () => void;
  step: number;
  list: { current: E | null };
}

/** A list shown `step` items at a time (back to the first `step` for another entity). */
function usePages<E extends HTMLElement>(key: string, step: number): Pages<E> {
  const [state, setState] = useState({ key, count: step, focus: -1 });
  const list = useRef<E>(null);
  const current = state.key === key ? state : { key, count: step, focus: -1 };
  // The keyboard's place follows "Show more": the first new item takes the focus when it is shown
  // (which may wait for the background's answer).
  useEffect(() => {
    if (current.focus < 0) return;
    const item = list.current?.children[current.focus];
    const target = item?.querySelector<HTMLElement>('a, button');
    if (!target) return;
    target.focus();
    setState({ ...current, focus: -1 });
  });
  return { count: current.count, step, list, more: () => setState({ key, count: current.count + step, focus: current.count }) };
}

/** "Show more": the next items already sent, else asks the background for older articles. */
function ShowMore({ list, pages, loaded, total, complete, onMore, loading }: { list: 'articles' | 'quotes'; pages: Pages<HTMLElement>; loaded: number; total?: number; complete: boolean; onMore?: () => void; loading: boolean }) {
  const canAsk = !complete && onMore !== undefined;
  if (pages.count >= loaded && !canAsk) return null;
  const hidden = total !== undefined ? total - Math.min(pages.count, loaded) : loaded - pages.count;
  const click = (): void => {
    if (loading) return;
    // Running out of what the background sent: ask for older articles too.
    if (pages.count + pages.step > loaded && canAsk) onMore();
    pages.more();
  };
  return (
    <button type="button" class="library-button entity-show-all" data-testid={`entity-show-more-${list}`} onClick={click} aria-busy={loading}>
      {loading ? 'Loading…' : hidden > 0 ? `Show more (${hidden.toLocaleString('en-US')} not shown)` : 'Show more'}
    </button>
  );
}

function ShowAll({ list, total, shown }: { list: ListName; total: number; shown: Shown }) {
  if (total <= FIRST_SHOWN || shown.all.has(list)) return null;
  return (
    <button type="button" class="library-button entity-show-all" data-testid={`entity-show-all-${list}`} onClick={() => shown.showAll(list)}>
      Show all {total.toLocaleString('en-US')}
    </button>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="entity-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} class="library-section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

function SourceLink({ source }: { source: EntitySource }) {
  return (
    <a class="entity-article-link" href={source.url} target="_blank" rel="noopener noreferrer">
      {source.title.trim() || source.url}
      <span class="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}

function SourceMeta({ source }: { source: EntitySource }) {
  return (
    <>
      <span class="entity-site">{source.site}</span> · <time dateTime={isoDay(source.seenAt)}>{formatDay(source.seenAt)}</time>
    </>
  );
}
