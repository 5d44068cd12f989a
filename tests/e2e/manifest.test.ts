// The built manifests (npm run build: .output/chrome-mv3 and .output/firefox-mv2) ask for exactly
// the permissions the features need, keep opt-in ones optional, state a strict CSP for extension
// pages, and open no door to web pages or other extensions. Then, in Chromium, the CSP is seen to
// hold: an extension page refuses inline script and eval.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type ExtensionBrowser } from '../../testing/harness/launch-browser';
import { chromeExtensionDir, repoRoot } from '../../testing/harness/paths';

const STRICT_CSP = "script-src 'self'; object-src 'self'";
const REQUIRED = ['alarms', 'contextMenus', 'storage', 'unlimitedStorage'];

type Manifest = Record<string, unknown> & { permissions?: string[]; optional_permissions?: string[] };

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

/** Every script-src/object-src/default-src source list in a CSP, by directive. */
function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

function expectStrictCsp(csp: unknown): void {
  expect(typeof csp).toBe('string');
  const parsed = directives(csp as string);
  expect(parsed.get('script-src')).toEqual(["'self'"]);
  expect(parsed.get('object-src')).toEqual(["'self'"]);
  expect(csp as string).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
}

function expectNoOpenDoors(manifest: Manifest, browser: 'chrome' | 'firefox'): void {
  // Web pages and other extensions cannot message Lede. The packaged files a page may load are
  // the note editor (a frame Lede opens in the page) and oauth.html (where a remoteStorage server
  // sends the reader back after the sign-in); Chrome serves them only under a per-session id, so a
  // page cannot probe for Lede with them.
  expect(manifest.externally_connectable).toBeUndefined();
  expect(manifest.web_accessible_resources).toEqual(
    browser === 'chrome' ? [{ resources: ['note-editor.html', 'oauth.html'], matches: ['<all_urls>'], use_dynamic_url: true }] : ['note-editor.html', 'oauth.html'],
  );
  // No host permissions granted at install beyond the content script's match; no nativeMessaging etc.
  const granted = [...(manifest.permissions ?? []), ...((manifest.host_permissions as string[] | undefined) ?? [])];
  expect(granted.filter((p) => p.includes('://') || p === '<all_urls>')).toEqual([]);
  for (const risky of ['tabs', 'history', 'cookies', 'webRequest', 'nativeMessaging', 'scripting', 'downloads', 'management', 'debugger']) {
    expect(manifest.permissions ?? [], risky).not.toContain(risky);
  }
}

/** Sync servers: any https origin, plain http only on this machine; one origin asked for when sync is set up. */
const SYNC_SERVER_ORIGINS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

describe('Chrome MV3 manifest', () => {
  const manifest = readManifest(chromeExtensionDir);

  it('asks at install only for storage, unlimitedStorage, contextMenus and alarms', () => {
    expect(manifest.manifest_version).toBe(3);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(REQUIRED);
  });

  it('keeps downloads (automatic backup), Wikipedia (summaries) and sync servers optional', () => {
    expect(manifest.optional_permissions).toEqual(['downloads']);
    expect(manifest.optional_host_permissions).toEqual(['https://*.wikipedia.org/*', ...SYNC_SERVER_ORIGINS]);
  });

  it('states a strict CSP for extension pages', () => {
    const csp = manifest.content_security_policy as { extension_pages?: string; sandbox?: string };
    expectStrictCsp(csp.extension_pages);
    expect(manifest.sandbox).toBeUndefined();
  });

  it('opens no door to web pages or other extensions', () => {
    expectNoOpenDoors(manifest, 'chrome');
  });
});

const firefoxDir = path.join(repoRoot, '.output/firefox-mv2');

// `npm run build` (and so `npm run test:e2e`) builds both browsers.
describe('Firefox MV2 manifest', () => {
  const manifest = readManifest(firefoxDir);

  it('asks for the same permissions, with Wikipedia, sync servers and downloads optional', () => {
    expect(manifest.manifest_version).toBe(2);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(REQUIRED);
    expect([...(manifest.optional_permissions ?? [])].sort()).toEqual(['downloads', 'https://*.wikipedia.org/*', ...SYNC_SERVER_ORIGINS].sort());
  });

  it('states the same strict CSP (MV2 string form)', () => {
    expectStrictCsp(manifest.content_security_policy);
  });

  it('opens no door to web pages or other extensions', () => {
    expectNoOpenDoors(manifest, 'firefox');
  });
});

describe('the CSP in force in Chromium', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the loaded extension reports the built manifest', async () => {
    const worker = await browser.serviceWorker();
    const { manifest, downloads } = await worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { getManifest(): Manifest }; permissions: { contains(p: { permissions: string[] }): Promise<boolean> } };
      };
      return { manifest: chrome.runtime.getManifest(), downloads: await chrome.permissions.contains({ permissions: ['downloads'] }) };
    });
    expect((manifest.content_security_policy as { extension_pages: string }).extension_pages).toBe(STRICT_CSP);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(REQUIRED);
    // downloads is not granted until the reader turns automatic backups on.
    expect(downloads).toBe(false);
  });

  it('an extension page runs no inline script, no eval and no remote script', async () => {
    const page = await browser.context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.waitForSelector('[data-testid="options"]');
    const result = await page.evaluate(async () => {
      const w = window as unknown as { ledeInline?: boolean };
      const inline = document.createElement('script');
      inline.textContent = 'window.ledeInline = true;';
      document.head.append(inline);
      const remote = document.createElement('script');
      remote.src = 'http://127.0.0.1:9/evil.js';
      const remoteDone = new Promise((resolve) => {
        remote.onerror = resolve;
        remote.onload = resolve;
      });
      document.head.append(remote);
      await remoteDone;
      let evalBlocked = false;
      try {
        // Indirect eval: the page's own code path, subject to the page's CSP.
        (0, eval)('1 + 1');
      } catch (error) {
        evalBlocked = error instanceof EvalError;
      }
      let functionBlocked = false;
      try {
        new Function('return 1')();
      } catch (error) {
        functionBlocked = error instanceof EvalError;
      }
      return { inline: w.ledeInline === true, evalBlocked, functionBlocked };
    });
    expect(result).toEqual({ inline: false, evalBlocked: true, functionBlocked: true });
    // The remote script was refused by the CSP (not merely unreachable).
    expect(violations.some((text) => text.includes('evil.js'))).toBe(true);
    await page.close();
  });
});
