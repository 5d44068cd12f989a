import type { Analysis } from '@/lib/analysis/types';
import type { AnalysisReport, AnalysisStatus } from '@/lib/protocol/messages';
import type { ResolvedPrefs } from '@/lib/settings/highlight-prefs';
import type { RunVerdict } from '@/lib/settings/site-switches';

/** What the popup is told about Lede on this page (getAnalysis, analyzeNow). */
export interface SessionFacts {
  status: AnalysisStatus;
  url: string;
  title: string;
  message: string | undefined;
  analysis: Analysis | undefined;
  text: string | undefined;
  startToPaintMs: number | undefined;
  highlightsSupported: boolean;
  prefs: ResolvedPrefs;
  idleReason: Exclude<RunVerdict, 'run'> | undefined;
}

export function sessionReport(facts: SessionFacts): AnalysisReport {
  const report: AnalysisReport = {
    status: facts.status,
    url: facts.url,
    title: facts.title,
    timings: facts.startToPaintMs === undefined ? {} : { startToPaintMs: facts.startToPaintMs },
    highlightsSupported: facts.highlightsSupported,
    highlightPrefs: facts.prefs,
  };
  if (facts.status === 'analyzed' && facts.analysis && facts.text !== undefined) {
    report.analysis = facts.analysis;
    report.text = facts.text;
  }
  if (facts.message) report.message = facts.message;
  if (facts.idleReason) report.idleReason = facts.idleReason;
  return report;
}

/** Lede reads HTML documents with a body; images, XML and plain text are left alone. */
export function isReadableDocument(doc: Document): boolean {
  return doc.body !== null && /^(text\/html|application\/xhtml\+xml)$/.test(doc.contentType);
}
