import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sendRequest, type Transport } from '@/lib/protocol/messages';
import type { HighlightPrefs } from '@/lib/settings/highlight-prefs';
import { fetchEntityHistory, HISTORY_LOADING, NO_HISTORY, type HistoryState } from './entity-history';
import type { PopupState } from './popup-state';

export interface PopupReport {
  state: PopupState;
  /** "Analyse this page" is running. */
  busy: boolean;
  /** "Also in N articles you've read", per name, from the background. */
  history: HistoryState;
  refresh: () => Promise<void>;
  analyzeNow: () => Promise<void>;
  changePrefs: (prefs: HighlightPrefs) => Promise<void>;
}

/** The tab's analysis as the popup shows it, the reading history of its names, and the actions on it. */
export function usePopupReport(send: Transport, background?: Transport): PopupReport {
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState<HistoryState>(NO_HISTORY);
  /** Counts refreshes, so a late history answer for an earlier analysis is dropped. */
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const current = ++generation.current;
    try {
      const report = await sendRequest(send, { type: 'getAnalysis' });
      // Asked before the cards render, so the background works while the popup draws.
      const names = report.status === 'analyzed' ? [...new Set(report.analysis?.entities.map((entity) => entity.name) ?? [])] : null;
      if (background && names) {
        setHistory(HISTORY_LOADING);
        void fetchEntityHistory(background, names, report.url).then((answer) => {
          if (generation.current === current) setHistory(answer);
        });
      } else {
        setHistory(NO_HISTORY);
      }
      setState({ status: report.status, report });
    } catch (error) {
      setHistory(NO_HISTORY);
      setState({ status: 'unreachable', reason: error instanceof Error ? error.message : String(error) });
    }
  }, [send, background]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const analyzeNow = async (): Promise<void> => {
    setBusy(true);
    try {
      await sendRequest(send, { type: 'analyzeNow' });
    } catch {
      // refresh() below shows what state the page is in.
    }
    await refresh();
    setBusy(false);
  };

  const changePrefs = async (prefs: HighlightPrefs): Promise<void> => {
    if (!('report' in state)) return;
    try {
      const highlightPrefs = await sendRequest(send, { type: 'setHighlightPrefs', prefs });
      setState({ status: state.status, report: { ...state.report, highlightPrefs } });
    } catch (error) {
      setState({ status: 'unreachable', reason: error instanceof Error ? error.message : String(error) });
    }
  };

  return { state, busy, history, refresh, analyzeNow, changePrefs };
}
