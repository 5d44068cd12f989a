// The popup's folded sections: asked of the background when the popup opens (it stores them),
// changed at once on screen when the reader folds one, and saved through the background.

import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { sendRequest, type Transport } from '@/lib/protocol/messages';
import { DEFAULT_POPUP_PREFS, resolvePopupPrefs, withSectionCollapsed, type PopupPrefs, type PopupSection } from '@/lib/settings/popup-prefs';

/** The first screen waits this long at most for the stored prefs before showing the defaults. */
export const POPUP_PREFS_TIMEOUT_MS = 400;

export interface PopupPrefsState {
  /** True once the stored prefs are in (or known to be unavailable): the sections won't jump after. */
  settled: boolean;
  collapsed: ReadonlySet<PopupSection>;
  setCollapsed: (section: PopupSection, collapsed: boolean) => void;
}

export function usePopupPrefs(background: Transport | undefined): PopupPrefsState {
  const [prefs, setPrefs] = useState<PopupPrefs>(DEFAULT_POPUP_PREFS);
  const [settled, setSettled] = useState(background === undefined);

  useEffect(() => {
    if (!background) return undefined;
    let live = true;
    const timer = setTimeout(() => live && setSettled(true), POPUP_PREFS_TIMEOUT_MS);
    sendRequest(background, { type: 'getPopupPrefs' })
      .then((stored) => live && setPrefs(resolvePopupPrefs(stored)))
      .catch((error: unknown) => console.warn('Lede could not read the popup’s folded sections:', error))
      .finally(() => {
        clearTimeout(timer);
        if (live) setSettled(true);
      });
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [background]);

  const setCollapsed = useCallback(
    (section: PopupSection, collapsed: boolean): void => {
      const next = withSectionCollapsed(prefs, section, collapsed);
      setPrefs(next);
      if (!background) return;
      sendRequest(background, { type: 'savePopupPrefs', prefs: next }).catch((error: unknown) =>
        console.warn('Lede could not remember the folded section:', error),
      );
    },
    [background, prefs],
  );

  const collapsed = useMemo(() => new Set(prefs.collapsed), [prefs]);
  return { settled, collapsed, setCollapsed };
}
