import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendRequest, type Transport } from '@/lib/protocol/messages';
import {
  ENCYCLOPEDIA_ORIGINS,
  encyclopediaBaseUrl,
  isLoopbackBaseUrl,
  type UserSettings,
  type UserSettingsPatch,
} from '@/lib/settings/user-settings';
import { SitesSection } from '@/components/options/SitesSection';
import { BackupSection, type ApiPermissions } from '@/components/options/BackupSection';
import { SyncSection, type SyncSectionProps } from '@/components/options/SyncSection';
import { EncyclopediaSection, type EncyclopediaNotice } from './EncyclopediaSection';
import { HistorySection } from './HistorySection';

/** browser.permissions for host origins, passed in so tests can stand in for the browser. */
export interface HostPermissions {
  request(origins: string[]): Promise<boolean>;
  remove(origins: string[]): Promise<boolean>;
  contains(origins: string[]): Promise<boolean>;
}

export interface OptionsAppProps {
  /** Sends to the background. */
  send: Transport;
  permissions: HostPermissions;
  /** For the optional `downloads` permission (automatic backup); absent, the backup section is left out. */
  apiPermissions?: ApiPermissions;
  /** Sync's browser parts (permissions, the library's address, remoteStorage's sign-in); absent, the sync section is left out. */
  sync?: Pick<SyncSectionProps, 'permissions' | 'libraryUrl' | 'auth'>;
  /** The background's notices that the reading history or the settings changed (elsewhere too); returns how to stop. */
  notices?: (on: { historyChanged: () => void; settingsChanged: () => void }) => () => void;
}

type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; settings: UserSettings };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function OptionsApp({ send, permissions, apiPermissions, sync, notices }: OptionsAppProps) {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [count, setCount] = useState<number | null>(null);
  const [saving, setSaving] = useState<{ history: boolean; encyclopedia: boolean }>({ history: false, encyclopedia: false });
  const [historyError, setHistoryError] = useState<string | null>(null);
  const [notice, setNotice] = useState<EncyclopediaNotice>({ kind: 'none' });

  const refreshCount = useCallback(async () => {
    try {
      setCount((await sendRequest(send, { type: 'getHistoryCount' })).count);
    } catch {
      setCount(null);
    }
  }, [send]);

  useEffect(() => {
    void (async () => {
      try {
        const settings = await sendRequest(send, { type: 'getSettings' });
        setState({ status: 'ready', settings });
        // The reader may have taken the permission back in the browser's own settings.
        const base = encyclopediaBaseUrl(settings);
        if (settings.encyclopedia && !isLoopbackBaseUrl(base) && !(await permissions.contains([...ENCYCLOPEDIA_ORIGINS]))) {
          setNotice({ kind: 'permission-lost' });
        }
      } catch (error) {
        setState({ status: 'error', message: messageOf(error) });
      }
    })();
    void refreshCount();
    // The count changes while the reader browses in other tabs.
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') void refreshCount();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [send, permissions, refreshCount]);

  // Changed in another window, or history cleared or imported in the library: show it as it now is.
  useEffect(() => {
    if (!notices) return undefined;
    return notices({
      historyChanged: () => void refreshCount(),
      settingsChanged: () =>
        void sendRequest(send, { type: 'getSettings' })
          .then((settings) => setState({ status: 'ready', settings }))
          .catch(() => {}),
    });
  }, [notices, send, refreshCount]);

  if (state.status === 'loading') {
    return (
      <Shell busy>
        <p class="message" role="status">Loading settings…</p>
      </Shell>
    );
  }
  if (state.status === 'error') {
    return (
      <Shell>
        <p class="message error" role="alert">Lede couldn’t load its settings: {state.message}</p>
      </Shell>
    );
  }
  const settings = state.settings;

  const save = async (patch: UserSettingsPatch): Promise<UserSettings> => {
    const saved = await sendRequest(send, { type: 'saveSettings', settings: patch });
    setState({ status: 'ready', settings: saved });
    return saved;
  };

  const toggleHistory = (enabled: boolean): void => {
    setSaving((s) => ({ ...s, history: true }));
    setHistoryError(null);
    // Show the new position at once (no flicker back while saving); put it back if the save fails.
    setState({ status: 'ready', settings: { ...settings, history: enabled } });
    save({ history: enabled })
      .catch((error: unknown) => {
        setState({ status: 'ready', settings });
        setHistoryError(messageOf(error));
      })
      .finally(() => setSaving((s) => ({ ...s, history: false })));
  };

  // Runs in the click's event handler: permissions.request must be called during the user
  // gesture, so nothing is awaited before it.
  const toggleEncyclopedia = (enabled: boolean): void => {
    const needsPermission = !isLoopbackBaseUrl(encyclopediaBaseUrl(settings));
    setSaving((s) => ({ ...s, encyclopedia: true }));
    const done = (): void => setSaving((s) => ({ ...s, encyclopedia: false }));
    if (enabled) {
      const granted = needsPermission ? permissions.request([...ENCYCLOPEDIA_ORIGINS]) : Promise.resolve(true);
      setNotice(needsPermission ? { kind: 'waiting' } : { kind: 'none' });
      granted
        .then(async (ok) => {
          if (!ok) {
            setNotice({ kind: 'refused' });
            return;
          }
          await save({ encyclopedia: true });
          setNotice({ kind: 'none' });
        })
        .catch((error: unknown) => setNotice({ kind: 'error', message: messageOf(error) }))
        .finally(done);
    } else {
      save({ encyclopedia: false })
        .then(async () => {
          setNotice({ kind: 'none' });
          // Give the permission back: Lede has no use for it while summaries are off.
          if (needsPermission) await permissions.remove([...ENCYCLOPEDIA_ORIGINS]).catch(() => false);
        })
        .catch((error: unknown) => setNotice({ kind: 'error', message: messageOf(error) }))
        .finally(done);
    }
  };

  const clearHistory = async (): Promise<number> => {
    const { cleared } = await sendRequest(send, { type: 'clearHistory' });
    setCount(0);
    return cleared;
  };

  return (
    <Shell>
      <SitesSection send={send} />
      <HistorySection
        enabled={settings.history}
        count={count}
        saving={saving.history}
        onToggle={toggleHistory}
        onClear={clearHistory}
      />
      {historyError && (
        <p class="message error" role="alert">
          Lede couldn’t change this setting: {historyError}
        </p>
      )}
      <EncyclopediaSection
        enabled={settings.encyclopedia}
        notice={notice}
        saving={saving.encyclopedia}
        onToggle={toggleEncyclopedia}
      />
      {apiPermissions && <BackupSection send={send} permissions={apiPermissions} />}
      {sync && <SyncSection send={send} {...sync} />}
    </Shell>
  );
}

function Shell({ busy, children }: { busy?: boolean; children: ComponentChildren }) {
  return (
    <main class="options" data-testid="options" aria-busy={busy ? 'true' : 'false'}>
      <header class="options-header">
        <span class="brand">Lede</span>
        <h1>Settings</h1>
      </header>
      {children}
    </main>
  );
}
