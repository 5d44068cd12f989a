// The side panel's export: which notes (all, the current results, the selection) in which format.

import type { ExportFormat } from '@/components/library/export-notes';

export type Scope = 'all' | 'results' | 'selection';

const EXPORT_LABELS: Record<ExportFormat, string> = { jsonld: 'JSON-LD', markdown: 'Markdown', csv: 'CSV' };

export interface ExportPanelProps {
  scope: Scope;
  onScope: (scope: Scope) => void;
  /** How many notes each scope holds. */
  counts: Record<Scope, number>;
  onExport: (format: ExportFormat) => void;
}

export function ExportPanel({ scope, onScope, counts, onExport }: ExportPanelProps) {
  return (
    <section class="library-export" aria-labelledby="export-heading">
      <h2 id="export-heading" class="library-section-title">
        Export
      </h2>
      <label class="library-field library-field-wide">
        <span>Which notes</span>
        <select data-testid="export-scope" value={scope} onChange={(event) => onScope(event.currentTarget.value as Scope)}>
          <option value="all">All notes ({counts.all})</option>
          <option value="results">Current results ({counts.results})</option>
          <option value="selection">Selection ({counts.selection})</option>
        </select>
      </label>
      <div class="library-export-buttons">
        {(['jsonld', 'markdown', 'csv'] as const).map((format) => (
          <button
            type="button"
            key={format}
            class="library-button"
            data-testid={`export-${format}`}
            disabled={counts[scope] === 0}
            onClick={() => onExport(format)}
          >
            {EXPORT_LABELS[format]}
          </button>
        ))}
      </div>
      <p class="library-hint">
        JSON-LD is a complete backup Lede can import again. Markdown gives one file per article (a .zip for several), named the same on every
        export, so unzipping it into a note vault again updates those files; CSV opens in a spreadsheet.
      </p>
    </section>
  );
}
