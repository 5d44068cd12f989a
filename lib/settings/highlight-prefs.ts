// Highlight preferences: which of the four types are painted. A global default applies
// everywhere unless the reader chose "remember for this site", which stores a per-site override.
// The storage itself is passed in (the background hands over browser.storage.local), so this
// module stays free of extension APIs and is testable on its own.

import { HIGHLIGHT_TYPES, type HighlightType } from '../page/highlight-types';
import type { KeyValueArea } from './storage-area';

export type HighlightPrefs = Record<HighlightType, boolean>;

/** Where a preference lives: the global default, or an override for one site. */
export type PrefsScope = 'global' | 'site';

export interface ResolvedPrefs {
  prefs: HighlightPrefs;
  /** 'site' when this site has its own override, else 'global'. */
  scope: PrefsScope;
}

export const DEFAULT_PREFS: Readonly<HighlightPrefs> = {
  person: true,
  place: true,
  organization: true,
  quote: true,
};

export const GLOBAL_PREFS_KEY = 'prefs:global';

export function sitePrefsKey(site: string): string {
  return `prefs:site:${site}`;
}

export function isPrefsScope(value: unknown): value is PrefsScope {
  return value === 'global' || value === 'site';
}

/** Exactly the four types, each a boolean. Extra keys are refused so storage never fills with junk. */
export function isHighlightPrefs(value: unknown): value is HighlightPrefs {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  return (
    keys.length === HIGHLIGHT_TYPES.length &&
    HIGHLIGHT_TYPES.every((type) => typeof record[type] === 'boolean')
  );
}

export function withType(prefs: HighlightPrefs, type: HighlightType, enabled: boolean): HighlightPrefs {
  return { ...prefs, [type]: enabled };
}

export function withAll(enabled: boolean): HighlightPrefs {
  return { person: enabled, place: enabled, organization: enabled, quote: enabled };
}

export function allEnabled(prefs: HighlightPrefs): boolean {
  return HIGHLIGHT_TYPES.every((type) => prefs[type]);
}

export function noneEnabled(prefs: HighlightPrefs): boolean {
  return HIGHLIGHT_TYPES.every((type) => !prefs[type]);
}


/** A site override wins over the global default; anything malformed in storage is ignored. */
export function resolvePrefs(globalValue: unknown, siteValue: unknown): ResolvedPrefs {
  if (isHighlightPrefs(siteValue)) return { prefs: { ...siteValue }, scope: 'site' };
  if (isHighlightPrefs(globalValue)) return { prefs: { ...globalValue }, scope: 'global' };
  return { prefs: { ...DEFAULT_PREFS }, scope: 'global' };
}

export class PrefsStore {
  constructor(private readonly area: KeyValueArea) {}

  async load(site: string): Promise<ResolvedPrefs> {
    const siteKey = sitePrefsKey(site);
    const stored = await this.area.get([GLOBAL_PREFS_KEY, siteKey]);
    return resolvePrefs(stored[GLOBAL_PREFS_KEY], stored[siteKey]);
  }

  /**
   * Saving globally also drops this site's override: the reader just said "for all sites",
   * and an old override would otherwise keep winning here.
   */
  async save(scope: PrefsScope, site: string, prefs: HighlightPrefs): Promise<ResolvedPrefs> {
    const copy = { ...prefs };
    if (scope === 'site') {
      await this.area.set({ [sitePrefsKey(site)]: copy });
    } else {
      await this.area.set({ [GLOBAL_PREFS_KEY]: copy });
      await this.area.remove(sitePrefsKey(site));
    }
    return { prefs: copy, scope };
  }
}
