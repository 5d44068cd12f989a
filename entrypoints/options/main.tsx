import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { Transport } from '@/lib/messages';
import { OptionsApp, type HostPermissions } from './OptionsApp';
import './style.css';

const toBackground: Transport = (message) => browser.runtime.sendMessage(message);

const permissions: HostPermissions = {
  request: (origins) => browser.permissions.request({ origins }),
  remove: (origins) => browser.permissions.remove({ origins }),
  contains: (origins) => browser.permissions.contains({ origins }),
};

render(<OptionsApp send={toBackground} permissions={permissions} />, document.getElementById('app')!);
