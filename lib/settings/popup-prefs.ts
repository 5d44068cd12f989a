// The popup's own layout choices: which of its sections the reader folded away. Stored by the
// background (the only writer) in the same storage area as the highlight preferences, and read
// by the popup when it opens, so a folded section stays folded on every page.

import type { KeyValueArea } from './storage-area';

/** The popup's foldable sections, in the order they appear. */
export const POPUP_SECTIONS = ['people', 'places', 'organizations', 'quotes', 'highlights'] as const;
export type PopupSection = (typeof POPUP_SECTIONS)[number];

export interface PopupPrefs {
  /** Folded sections, each once, in POPUP_SECTIONS order. */
  collapsed: PopupSection[];
}

/**
 * Folded until the reader opens them: every quote by speaker (each person's card has theirs) and
 * the page toggles (what the in-page legend already offers).
 */
export const DEFAULT_POPUP_PREFS: Readonly<PopupPrefs> = { collapsed: ['quotes', 'highlights'] };

export const POPUP_PREFS_KEY = 'popup:prefs';

export function isPopupSection(value: unknown): value is PopupSection {
  return typeof value === 'string' && (POPUP_SECTIONS as readonly string[]).includes(value);
}

/** What is wrong with a PopupPrefs value from outside, or null when it is one. */
export function popupPrefsProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object';
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== 'collapsed') return 'must have exactly the field collapsed';
  const { collapsed } = value as { collapsed: unknown };
  if (!Array.isArray(collapsed)) return '.collapsed must be a list';
  if (collapsed.length > POPUP_SECTIONS.length) return `.collapsed has more than ${POPUP_SECTIONS.length} sections`;
  if (!collapsed.every(isPopupSection)) return `.collapsed may only name ${POPUP_SECTIONS.join(', ')}`;
  if (new Set(collapsed).size !== collapsed.length) return '.collapsed names a section twice';
  return null;
}

/** Sections in their display order, each once. */
export function normalizeCollapsed(sections: Iterable<PopupSection>): PopupSection[] {
  const set = new Set(sections);
  return POPUP_SECTIONS.filter((section) => set.has(section));
}

/** Folds or unfolds one section. */
export function withSectionCollapsed(prefs: PopupPrefs, section: PopupSection, collapsed: boolean): PopupPrefs {
  const rest = prefs.collapsed.filter((s) => s !== section);
  return { collapsed: normalizeCollapsed(collapsed ? [...rest, section] : rest) };
}

/** Stored prefs, or the defaults when there are none or they are malformed. */
export function resolvePopupPrefs(stored: unknown): PopupPrefs {
  if (popupPrefsProblem(stored) !== null) return { collapsed: [...DEFAULT_POPUP_PREFS.collapsed] };
  return { collapsed: normalizeCollapsed((stored as PopupPrefs).collapsed) };
}

export class PopupPrefsStore {
  constructor(private readonly area: KeyValueArea) {}

  async load(): Promise<PopupPrefs> {
    const stored = await this.area.get([POPUP_PREFS_KEY]);
    return resolvePopupPrefs(stored[POPUP_PREFS_KEY]);
  }

  async save(prefs: PopupPrefs): Promise<PopupPrefs> {
    const copy: PopupPrefs = { collapsed: normalizeCollapsed(prefs.collapsed) };
    await this.area.set({ [POPUP_PREFS_KEY]: copy });
    return copy;
  }
}
