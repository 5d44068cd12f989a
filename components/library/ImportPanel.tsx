import { useState } from 'preact/hooks';
import { ImportError } from '@/lib/exchange/import-error';
import { readImport, type ImportProgress, type ReadImportOptions } from '@/lib/exchange/read-import';
import { Slicer } from '@/lib/exchange/steps';
import type { ImportSummary, ParsedImport } from '@/lib/exchange/types';

/** How the file is read: tests lower the sizes to take the chunked path with a small file. */
export type ImportReadOptions = Pick<ReadImportOptions, 'chunkBytes' | 'wholeFileBytes' | 'maxBytes'>;

export interface ImportPanelProps {
  /**
   * Hands the checked file to the background, which writes it all or nothing; progress in notes
   * written. The caller reads the library again after it.
   */
  upload: (parsed: ParsedImport, onProgress: (done: number, total: number) => void) => Promise<ImportSummary>;
  readOptions?: ImportReadOptions;
}

type ImportState =
  | { kind: 'idle' }
  | { kind: 'working'; name: string; progress: ImportProgress }
  | { kind: 'done'; summary: ImportSummary }
  | { kind: 'error'; message: string };

const PHASE_LABELS: Record<ImportProgress['phase'], string> = {
  reading: 'Reading the file',
  parsing: 'Reading the notes',
  checking: 'Checking the notes',
  writing: 'Saving the notes',
};
// Each phase's share of the one progress bar (writing is the slowest).
const PHASE_SPANS: Record<ImportProgress['phase'], [number, number]> = {
  reading: [0, 20],
  parsing: [20, 35],
  checking: [35, 50],
  writing: [50, 100],
};

/**
 * Import a Lede backup (JSON-LD, plain or zipped, any size) or a Hypothesis export: read and
 * check in slices that keep the page responsive, then write all or nothing.
 */
export function ImportPanel({ upload, readOptions }: ImportPanelProps) {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const busy = state.kind === 'working';

  const importFile = async (file: File): Promise<void> => {
    const slicer = new Slicer();
    const show = (progress: ImportProgress): void => setState({ kind: 'working', name: file.name, progress });
    show({ phase: 'reading', done: 0, total: file.size });
    // Reads and starts the upload in a function of its own that is over before the long wait for
    // the background's write: nothing of this one holds the parsed file meanwhile, so a large
    // import's notes can be freed once they are sent rather than in one long pause at the end.
    const readAndStart = async (): Promise<{ uploaded: Promise<ImportSummary> }> => {
      const parsed = await readImport(file, { ...readOptions, slicer, onProgress: show });
      show({ phase: 'writing', done: 0, total: parsed.annotations.length });
      await slicer.pause(); // let the bar show before the write starts
      return { uploaded: upload(parsed, (done, all) => show({ phase: 'writing', done, total: all })) };
    };
    try {
      const { uploaded } = await readAndStart();
      const summary = await uploaded;
      setState({ kind: 'done', summary });
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
        <span>Lede backup (.jsonld or .zip) or Hypothesis export (.json)</span>
        <input
          type="file"
          accept=".json,.jsonld,.zip,application/json,application/ld+json,application/zip"
          data-testid="import-file"
          disabled={busy}
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            if (file) void importFile(file).finally(() => (input.value = ''));
          }}
        />
      </label>
      {state.kind === 'working' && <ProgressView name={state.name} progress={state.progress} />}
      {state.kind === 'done' && <ImportSummaryView summary={state.summary} />}
      {state.kind === 'error' && (
        <p class="library-error" role="alert" data-testid="import-error">
          {state.message}
        </p>
      )}
    </section>
  );
}

function ProgressView({ name, progress }: { name: string; progress: ImportProgress }) {
  const [from, to] = PHASE_SPANS[progress.phase];
  const share = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  const percent = Math.round(from + (to - from) * share);
  const counted =
    progress.phase === 'reading'
      ? `${megabytes(progress.done)} of ${megabytes(progress.total)}`
      : `${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')}`;
  return (
    <div class="library-progress-wrap">
      <div
        class="library-progress"
        role="progressbar"
        data-testid="import-progress"
        data-phase={progress.phase}
        aria-label={`Importing “${name}”`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${PHASE_LABELS[progress.phase]}: ${counted}`}
      >
        <div class="library-progress-bar" style={{ width: `${percent}%` }} />
      </div>
      <span class="library-muted" role="status" data-testid="import-progress-text">
        {PHASE_LABELS[progress.phase]}: {counted}
      </span>
    </div>
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
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
