// Dates as the library shows them: short and in the reader's locale.

const DAY = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

export function formatDay(value: string | number): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : DAY.format(date);
}

/** `YYYY-MM-DD` for a <time datetime>. */
export function isoDay(value: string | number): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}
