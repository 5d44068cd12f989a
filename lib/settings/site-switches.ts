// Where Lede runs on its own: everywhere it finds an article, unless the reader paused it (all sites)
// or switched it off for one site. The model, its validation and its store live here; the
// background hands over browser.storage.local, so this module stays free of extension APIs.
//
// Sites are the keys of lib/shared/page-address.ts siteOf(): a host name without "www." ("bbc.co.uk"), or a
// scheme for non-web pages ("file").

import type { KeyValueArea } from './storage-area';

export interface SiteSwitches {
  /** Lede runs nowhere on its own while paused ("Analyse this page" still works, once). */
  paused: boolean;
  /** Sites the reader switched Lede off on: sorted, no duplicates. */
  offSites: string[];
}

/** Whether Lede analyses a page on its own: 'run' (if it is an article), or why it stays idle. */
export type RunVerdict = 'run' | 'paused' | 'site-off';

export const SITE_SWITCHES_KEY = 'siteSwitches';

export const DEFAULT_SITE_SWITCHES: Readonly<SiteSwitches> = Object.freeze({ paused: false, offSites: [] });

/** Host names are at most 253 characters; a site key longer than that is not one. */
export const MAX_SITE_LENGTH = 253;
/** A generous cap so storage (and the broadcast to every tab) never grows without bound. */
export const MAX_OFF_SITES = 5000;

/** Lower-case host name characters, IPv6 brackets and colons (`[::1]`), or a bare scheme. */
const SITE_PATTERN = /^[a-z0-9._\-[\]:]+$/;

/** What is wrong with a site key from a message, or null when it is one. */
export function siteProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a string';
  if (value === '') return 'must not be empty';
  if (value.length > MAX_SITE_LENGTH) return `is longer than ${MAX_SITE_LENGTH} characters`;
  if (!SITE_PATTERN.test(value)) return 'must be a lower-case host name';
  return null;
}

export function isSite(value: unknown): value is string {
  return siteProblem(value) === null;
}

export function verdictFor(switches: SiteSwitches, site: string): RunVerdict {
  if (switches.paused) return 'paused';
  return switches.offSites.includes(site) ? 'site-off' : 'run';
}

export function isSiteOn(switches: SiteSwitches, site: string): boolean {
  return !switches.offSites.includes(site);
}

/** The switches with one site turned on (removed from the list) or off (added). */
export function withSite(switches: SiteSwitches, site: string, enabled: boolean): SiteSwitches {
  const others = switches.offSites.filter((known) => known !== site);
  return { paused: switches.paused, offSites: enabled ? others : [...others, site].sort() };
}

export function withPaused(switches: SiteSwitches, paused: boolean): SiteSwitches {
  return { paused, offSites: [...switches.offSites] };
}

/**
 * The switches as read back from storage, or as received in a message from the background.
 * Storage may hold anything (an older version, a hand edit): bad sites are dropped one by one.
 */
export function parseSiteSwitches(value: unknown): SiteSwitches {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ...DEFAULT_SITE_SWITCHES, offSites: [] };
  const record = value as Record<string, unknown>;
  const listed = Array.isArray(record.offSites) ? record.offSites.filter(isSite) : [];
  return { paused: record.paused === true, offSites: [...new Set(listed)].sort().slice(0, MAX_OFF_SITES) };
}

/** Strict check for a message field: exactly `paused` and `offSites`, every site valid. */
export function siteSwitchesProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object';
  const record = value as Record<string, unknown>;
  const extra = Object.keys(record).filter((key) => key !== 'paused' && key !== 'offSites');
  if (extra.length > 0) return `has unexpected field(s) ${extra.join(', ')}`;
  if (typeof record.paused !== 'boolean') return '.paused must be a boolean';
  if (!Array.isArray(record.offSites)) return '.offSites must be an array';
  if (record.offSites.length > MAX_OFF_SITES) return `.offSites has more than ${MAX_OFF_SITES} sites`;
  for (const [i, site] of record.offSites.entries()) {
    const problem = siteProblem(site);
    if (problem) return `.offSites[${i}] ${problem}`;
  }
  return null;
}

/** Reads and writes the switches under their one storage key. */
export class SiteSwitchStore {
  constructor(private readonly area: KeyValueArea) {}

  async load(): Promise<SiteSwitches> {
    const stored = await this.area.get([SITE_SWITCHES_KEY]);
    return parseSiteSwitches(stored[SITE_SWITCHES_KEY]);
  }

  async setPaused(paused: boolean): Promise<SiteSwitches> {
    return this.write(withPaused(await this.load(), paused));
  }

  async setSite(site: string, enabled: boolean): Promise<SiteSwitches> {
    const current = await this.load();
    if (!enabled && current.offSites.length >= MAX_OFF_SITES && isSiteOn(current, site)) {
      throw new Error(`Lede can remember at most ${MAX_OFF_SITES} switched-off sites`);
    }
    return this.write(withSite(current, site, enabled));
  }

  private async write(next: SiteSwitches): Promise<SiteSwitches> {
    await this.area.set({ [SITE_SWITCHES_KEY]: next });
    return next;
  }
}

/** What the popup says on a page where Lede stays idle because of the reader's switches. */
export function idleMessage(reason: Exclude<RunVerdict, 'run'>): string {
  return reason === 'paused'
    ? 'Lede is paused: it analyses no page on its own until you resume it.'
    : 'Lede is off on this site: it analyses no page here on its own.';
}
