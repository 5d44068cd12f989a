// A few lines that say what Lede found on a page, as the reader sees it (highlights and popup).
import type { ReaderView } from '../../testing/harness/reader-view';

function countBy<T>(items: readonly T[], key: (item: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ') || 'none';
}

export function summarizeView(view: ReaderView): string[] {
  const { popup, highlights } = view;
  const people = popup.entities.filter((e) => e.type === 'person').map((e) => `${e.name} (${e.mentions})`);
  const speakers = [...new Set(popup.quotes.map((q) => q.speaker ?? 'unattributed'))];
  const time = view.timeToHighlightsMs === null ? 'not measured' : `${view.timeToHighlightsMs.toFixed(1)} ms`;
  return [
    `popup status: ${popup.status ?? 'no popup root'}; painted: ${view.painted ? 'yes' : 'no'}; time to highlights: ${time}`,
    `highlight ranges: ${Object.entries(highlights).map(([name, ranges]) => `${name} ${ranges.length}`).join(', ')}`,
    `entities: ${countBy(popup.entities, (e) => e.type)}`,
    `people: ${people.join(', ') || 'none'}`,
    `quotes: ${countBy(popup.quotes, (q) => q.kind)}; speakers: ${speakers.join(', ') || 'none'}`,
    ...[...view.opened.errors, ...view.popupErrors].map((error) => `ERROR ${error}`),
  ];
}
