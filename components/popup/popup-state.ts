import type { AnalysisReport, AnalysisStatus } from '@/lib/protocol/messages';

/** `unreachable`: no content script answered (browser pages, the web store, tabs opened before install). */
export type PopupState =
  | { status: 'loading' }
  | { status: 'unreachable'; reason: string }
  | { status: AnalysisStatus; report: AnalysisReport };
