import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/swatches.css';
import type { Transport } from '@/lib/protocol/messages';
import { App } from './App';
import { resolveTargetTab } from './target-tab';
import './style.css';

const tabId = resolveTargetTab(location.search, async () => {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
});

const sendToTab: Transport = async (message) => {
  const id = await tabId;
  if (id === null) throw new Error('No tab to read');
  return browser.tabs.sendMessage(id, message);
};

const toBackground: Transport = (message) => browser.runtime.sendMessage(message);

render(<App send={sendToTab} background={toBackground} />, document.getElementById('app')!);
