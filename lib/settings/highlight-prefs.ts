// Highlight preferences: which of the highlight types are painted. A global default applies
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
  reported: true,
};

/**
 * Types added after prefs were first saved, with the value an older saved choice gets for them.
 * Reported speech used to paint with the quotes; it starts on, as it always showed.
 */
const ADDED_TYPES: Readonly<Partial<HighlightPrefs>> = { reported: true };

export const GLOBAL_PREFS_KEY = 'prefs:global';
/** Whether the reader left the in-page legend open (true) or as its pill (false, the default). */
export const LEGEND_OPEN_KEY = 'legend:open';

export function sitePrefsKey(site: string): string {
  return `prefs:site:${site}`;
}

export function isPrefsScope(value: unknown): value is PrefsScope {
  return value === 'global' || value === 'site';
}

/** Exactly the current types, each a boolean. Extra keys are refused so storage never fills with junk. */
export function isHighlightPrefs(value: unknown): value is HighlightPrefs {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  return (
    keys.length === HIGHLIGHT_TYPES.length &&
    HIGHLIGHT_TYPES.every((type) => typeof record[type] === 'boolean')
  );
}

/**
 * Stored prefs as the current shape: current prefs as they are, prefs saved before a type was added
 * with that type at its default. Anything else (junk, unknown keys, non-booleans) is null.
 */
export function migrateHighlightPrefs(value: unknown): HighlightPrefs | null {
  if (isHighlightPrefs(value)) return { ...value };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const filled = { ...ADDED_TYPES, ...(value as Record<string, unknown>) };
  return isHighlightPrefs(filled) ? { ...filled } : null;
}

export function withType(prefs: HighlightPrefs, type: HighlightType, enabled: boolean): HighlightPrefs {
  return { ...prefs, [type]: enabled };
}

export function withAll(enabled: boolean): HighlightPrefs {
  return { person: enabled, place: enabled, organization: enabled, quote: enabled, reported: enabled };
}

export function allEnabled(prefs: HighlightPrefs): boolean {
  return HIGHLIGHT_TYPES.every((type) => prefs[type]);
}

export function noneEnabled(prefs: HighlightPrefs): boolean {
  return HIGHLIGHT_TYPES.every((type) => !prefs[type]);
}


/** A site override wins over the global default; older saved prefs are migrated, anything malformed is ignored. */
export function resolvePrefs(globalValue: unknown, siteValue: unknown): ResolvedPrefs {
  const site = migrateHighlightPrefs(siteValue);
  if (site) return { prefs: site, scope: 'site' };
  const global = migrateHighlightPrefs(globalValue);
  if (global) return { prefs: global, scope: 'global' };
  return { prefs: { ...DEFAULT_PREFS }, scope: 'global' };
}

export class PrefsStore {
  constructor(private readonly area: KeyValueArea) {}

  async load(site: string): Promise<ResolvedPrefs> {
    const siteKey = sitePrefsKey(site);
    const stored = await this.area.get([GLOBAL_PREFS_KEY, siteKey]);
    return resolvePrefs(stored[GLOBAL_PREFS_KEY], stored[siteKey]);
  }

  /** The legend starts as a pill until the reader opens it; then it stays open on every page until closed. */
  async loadLegendOpen(): Promise<boolean> {
    const stored = await this.area.get([LEGEND_OPEN_KEY]);
    return stored[LEGEND_OPEN_KEY] === true;
  }

  async saveLegendOpen(open: boolean): Promise<boolean> {
    await this.area.set({ [LEGEND_OPEN_KEY]: open });
    return open;
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
