import type { EntityHistory, HistoryArticle } from '@/lib/protocol/messages';
import { historyHeading, otherArticleSays, pieceLabel, shortDate, siteLabel } from './card-text';

export interface CardHistoryProps {
  history: EntityHistory;
  /** What this article says of the entity: the same words from another article are not repeated. */
  current: { description?: string; role?: string };
}

/** "Also in N articles you’ve read": links to them, with what each said about the entity. */
export function CardHistory({ history, current }: CardHistoryProps) {
  const more = history.total - history.articles.length;
  return (
    <details class="card-section card-history" data-testid="card-history" open>
      <summary>
        <span class="card-section-title">{historyHeading(history.total)}</span>
      </summary>
      <ul class="history-list">
        {history.articles.map((article) => (
          <HistoryItem key={article.url} article={article} current={current} />
        ))}
      </ul>
      {more > 0 && <p class="history-more">and {more} more</p>}
    </details>
  );
}

function HistoryItem({ article, current }: { article: HistoryArticle; current: CardHistoryProps['current'] }) {
  const says = otherArticleSays(article);
  const repeated = says !== null && (says === current.description || says === current.role);
  const date = new Date(article.seenAt).toISOString();
  return (
    <li class="history-item">
      <a class="history-link" href={article.url} target="_blank" rel="noopener noreferrer">
        {article.title.trim() || article.url}
        <span class="visually-hidden"> (opens in a new tab)</span>
      </a>
      {says && !repeated ? (
        <p class="history-said">
          {pieceLabel(article)}: <span class="history-said-words">“{says}”</span>
        </p>
      ) : (
        <p class="history-meta">
          {siteLabel(article.site)} · <time dateTime={date}>{shortDate(article.seenAt)}</time>
        </p>
      )}
    </li>
  );
}
