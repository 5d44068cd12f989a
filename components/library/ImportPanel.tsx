import { useState } from 'preact/hooks';
import type { LedeDB } from '@/lib/db';
import { DEFAULT_MAX_IMPORT_BYTES, ImportError, importAnnotations, parseImport, type ImportSummary } from '@/lib/exchange';

export interface ImportPanelProps {
  db: LedeDB;
  /** Called after a successful import so the list shows the new notes. */
  onImported: () => void;
}

type ImportState =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string }
  | { kind: 'importing'; done: number; total: number }
  | { kind: 'done'; summary: ImportSummary }
  | { kind: 'error'; message: string };

const MEGABYTE = 1024 * 1024;

/** Import a Lede JSON-LD backup or a Hypothesis export: validate, then write all or nothing. */
export function ImportPanel({ db, onImported }: ImportPanelProps) {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const busy = state.kind === 'reading' || state.kind === 'importing';

  const importFile = async (file: File): Promise<void> => {
    // Refuse a huge file before reading it: File.text() would hold it all in memory.
    if (file.size > DEFAULT_MAX_IMPORT_BYTES) {
      const size = Math.round(file.size / MEGABYTE);
      setState({ kind: 'error', message: `“${file.name}” is ${size} MB; Lede imports files up to ${DEFAULT_MAX_IMPORT_BYTES / MEGABYTE} MB.` });
      return;
    }
    setState({ kind: 'reading', name: file.name });
    try {
      const parsed = parseImport(await file.text());
      setState({ kind: 'importing', done: 0, total: parsed.annotations.length });
      const summary = await importAnnotations(db, parsed, (done: number, total: number) => setState({ kind: 'importing', done, total }));
      setState({ kind: 'done', summary });
      onImported();
    } catch (error) {
      const message =
        error instanceof ImportError
          ? error.message
          : `Nothing was imported: ${error instanceof Error ? error.message : String(error)}`;
      setState({ kind: 'error', message });
    }
  };

  return (
    <section class="library-import" aria-labelledby="import-heading">
      <h2 id="import-heading" class="library-section-title">
        Import
      </h2>
      <label class="library-file">
        <span>Lede backup (.jsonld) or Hypothesis export (.json)</span>
        <input
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          data-testid="import-file"
          disabled={busy}
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            if (file) void importFile(file).finally(() => (input.value = ''));
          }}
        />
      </label>
      {state.kind === 'reading' && <p role="status">Reading “{state.name}”…</p>}
      {state.kind === 'importing' && (
        <div class="library-progress-wrap">
          <div
            class="library-progress"
            role="progressbar"
            data-testid="import-progress"
            aria-label="Import progress"
            aria-valuemin={0}
            aria-valuemax={state.total}
            aria-valuenow={state.done}
          >
            <div class="library-progress-bar" style={{ width: `${state.total ? (100 * state.done) / state.total : 0}%` }} />
          </div>
          <span class="library-muted">
            {state.done} of {state.total}
          </span>
        </div>
      )}
      {state.kind === 'done' && <ImportSummaryView summary={state.summary} />}
      {state.kind === 'error' && (
        <p class="library-error" role="alert" data-testid="import-error">
          {state.message}
        </p>
      )}
    </section>
  );
}

function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const rejected = summary.rejected.length;
  return (
    <div class="library-summary" role="status" data-testid="import-summary">
      <p>
        Added {summary.added}, skipped {summary.skipped} {summary.skipped === 1 ? 'duplicate' : 'duplicates'}, rejected {rejected}.
        {summary.articlesAdded > 0 && ` Also added ${summary.articlesAdded} ${summary.articlesAdded === 1 ? 'article' : 'articles'} to your reading history.`}
      </p>
      {rejected > 0 && (
        <ul class="library-reasons" aria-label="Why items were rejected">
          {summary.rejected.slice(0, 50).map((item) => (
            <li key={`${item.item}-${item.index}`}>{item.reason}</li>
          ))}
          {rejected > 50 && <li>…and {rejected - 50} more.</li>}
        </ul>
      )}
    </div>
  );
}
