import { ServerConnection } from '@jupyterlab/services';

/** What the server put in the page (see src/Quire.Server/Ui/UiPageConfig.cs). */
export interface PageConfig {
  baseUrl: string;
  appVersion: string;
  autosaveIntervalSeconds: number;
}

export function readPageConfig(): PageConfig {
  const element = document.getElementById('quire-config');
  const parsed = element?.textContent ? (JSON.parse(element.textContent) as Partial<PageConfig>) : {};
  return { baseUrl: parsed.baseUrl ?? '/', appVersion: parsed.appVersion ?? '0', autosaveIntervalSeconds: parsed.autosaveIntervalSeconds ?? 120 };
}

/**
 * The browser authenticates with the login cookie (set when the page was first opened with ?token= or through
 * /login); @jupyterlab/services echoes the _xsrf cookie itself on unsafe requests.
 */
export function makeSettings(config: PageConfig): ServerConnection.ISettings {
  const origin = window.location.origin;
  const baseUrl = new URL(config.baseUrl, origin).href;
  return ServerConnection.makeSettings({ baseUrl, wsUrl: baseUrl.replace(/^http/, 'ws'), token: '', appendToken: false });
}

/** The token in the address bar has done its job (the cookie now remembers the login): it leaves the history. */
export function forgetTokenInAddress(): void {
  const url = new URL(window.location.href);
  if (url.searchParams.has('token')) {
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
}

/** The path after /tree/ or /notebooks/ in the address, decoded. */
export function routeOf(config: PageConfig): { kind: 'tree' | 'notebook' | 'edit'; path: string } {
  const base = config.baseUrl;
  let rest = window.location.pathname.startsWith(base) ? window.location.pathname.slice(base.length) : window.location.pathname;
  const kind = rest.startsWith('notebooks/') ? 'notebook' : rest.startsWith('edit/') ? 'edit' : 'tree';
  rest = rest.replace(/^(tree|notebooks|edit)\/?/, '');
  const path = rest.split('/').filter((p) => p.length > 0).map(decodeURIComponent).join('/');
  return { kind, path };
}

export function urlFor(config: PageConfig, kind: 'tree' | 'notebooks' | 'edit' | 'files' | 'nbconvert/html', path: string): string {
  const encoded = path.split('/').filter((p) => p.length > 0).map(encodeURIComponent).join('/');
  return `${config.baseUrl}${kind}/${encoded}`;
}
