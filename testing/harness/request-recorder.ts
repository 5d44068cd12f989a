// Records the network requests the extension itself makes, told apart from the pages' own:
// - its service worker's requests (Playwright reports them with request.serviceWorker());
// - requests from its own pages (popup, options), whose frame is a chrome-extension:// document;
// - its content scripts' requests, which Chromium files under the page: the DevTools protocol's
//   initiator names the script that made them (a chrome-extension:// URL in the call stack), or
//   the extension stylesheet that asked for them.
// Loading its own files (chrome-extension:// URLs) is not a network request and is left out.
import type { BrowserContext, Page, Request } from 'playwright-core';

export type RequestSource = 'service-worker' | 'extension-page' | 'content-script';

export interface ExtensionRequest {
  source: RequestSource;
  url: string;
  /** The page the content script ran in, or the extension page's URL; '' for the service worker. */
  context: string;
}

interface CallFrame {
  url?: string;
}
interface StackTrace {
  callFrames?: CallFrame[];
  parent?: StackTrace;
}
/** The part of DevTools' Network.requestWillBeSent event that says who asked. */
interface RequestWillBeSent {
  request: { url: string };
  documentURL?: string;
  initiator?: { type?: string; url?: string; stack?: StackTrace };
}

const isExtensionUrl = (url: string | undefined): boolean => typeof url === 'string' && url.startsWith('chrome-extension://');

function stackMentionsExtension(stack: StackTrace | undefined): boolean {
  for (let s = stack; s; s = s.parent) {
    if (s.callFrames?.some((frame) => isExtensionUrl(frame.url))) return true;
  }
  return false;
}

function frameUrl(request: Request): string {
  try {
    return request.frame().url();
  } catch {
    return ''; // no frame: a worker's request
  }
}

export class ExtensionRequestRecorder {
  readonly requests: ExtensionRequest[] = [];
  private readonly onRequest = (request: Request): void => this.classify(request);

  constructor(private readonly context: BrowserContext) {
    context.on('request', this.onRequest);
  }

  /**
   * Starts watching one page for requests its content scripts make. Call it before the page
   * navigates (open with about:blank, watch, then goto) so nothing is missed.
   */
  async watchPage(page: Page): Promise<void> {
    const session = await this.context.newCDPSession(page);
    session.on('Network.requestWillBeSent', (event: RequestWillBeSent) => {
      const { initiator } = event;
      if (isExtensionUrl(event.request.url)) return;
      if (stackMentionsExtension(initiator?.stack) || isExtensionUrl(initiator?.url)) {
        this.requests.push({ source: 'content-script', url: event.request.url, context: event.documentURL ?? page.url() });
      }
    });
    await session.send('Network.enable');
  }

  /** Requests that went anywhere but the given origins (e.g. a local stub server's). */
  outside(allowedOrigins: readonly string[] = []): ExtensionRequest[] {
    return this.requests.filter((r) => !allowedOrigins.some((origin) => r.url.startsWith(origin + '/')));
  }

  stop(): void {
    this.context.off('request', this.onRequest);
  }

  private classify(request: Request): void {
    const url = request.url();
    if (isExtensionUrl(url)) return;
    const worker = request.serviceWorker();
    if (worker) {
      if (isExtensionUrl(worker.url())) this.requests.push({ source: 'service-worker', url, context: '' });
      return;
    }
    const from = frameUrl(request);
    if (isExtensionUrl(from)) this.requests.push({ source: 'extension-page', url, context: from });
  }
}

/** Every request URL a page makes from now on, for comparing a run with the extension against one without. */
export function collectPageRequests(page: Page): Set<string> {
  const urls = new Set<string>();
  page.on('request', (request) => urls.add(request.url()));
  return urls;
}
