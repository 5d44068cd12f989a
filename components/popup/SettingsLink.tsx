import { browser } from 'wxt/browser';
import './settings-link.css';

export interface SettingsLinkProps {
  /** Defaults to browser.runtime.openOptionsPage. */
  open?: () => void;
}

const openOptionsPage = (): void => void browser.runtime.openOptionsPage();

/** The popup header's way to Lede's settings (reading history, encyclopedia summaries). */
export function SettingsLink({ open = openOptionsPage }: SettingsLinkProps) {
  return (
    <button type="button" class="settings-link" data-testid="open-settings" onClick={open}>
      Settings
    </button>
  );
}
