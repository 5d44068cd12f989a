// What the sync settings show, as plain functions (tested without a browser): relative times,
// the pending count, progress, and the one origin Lede asks access to for a server.

import type { SyncProgressInfo, SyncServerInfo, SyncServerInput } from '@/lib/protocol/sync';

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago", then the date. */
export function relativeTime(at: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return minutes === 1 ? 'a minute ago' : `${minutes} minutes ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return hours === 1 ? 'an hour ago' : `${hours} hours ago`;
  const days = Math.round(hours / 24);
  if (days < 7) return days === 1 ? 'yesterday' : `${days} days ago`;
  return new Date(at).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

export function lastSyncedLine(lastSynced: number | null, now: number): string {
  return lastSynced === null ? 'Not synced yet.' : `Last synced ${relativeTime(lastSynced, now)}.`;
}

export function pendingLine(pending: number): string {
  if (pending === 0) return 'Every change here is on the server.';
  return pending === 1 ? '1 change waiting to sync.' : `${pending} changes waiting to sync.`;
}

export function progressLine(progress: SyncProgressInfo): string {
  if (progress.total === 0) return 'Syncing…';
  const verb = progress.phase === 'pull' ? 'Reading' : 'Saving';
  return `Syncing… ${verb} ${Math.min(progress.done + 1, progress.total)} of ${progress.total} files`;
}

/** The host permission pattern for exactly this server's origin, or null for an address that isn't http(s). */
export function originPattern(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    // Match patterns take no port: access to the host covers its ports.
    return `${parsed.protocol}//${parsed.hostname}/*`;
  } catch {
    return null;
  }
}

/** Where a server's files are, for its permission: the WebDAV address or the remoteStorage root. */
export function serverUrl(server: SyncServerInfo | SyncServerInput): string {
  return server.kind === 'webdav' ? server.url : server.storageRoot;
}

export function serverLine(server: SyncServerInfo): string {
  return server.kind === 'webdav' ? `WebDAV: ${server.user} at ${server.url}` : `remoteStorage: ${server.address}`;
}

/** https anywhere; plain http only to this machine (a password must not cross a network in clear). */
export function isAllowedServer(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:') return true;
    return parsed.protocol === 'http:' && (parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost');
  } catch {
    return false;
  }
}
