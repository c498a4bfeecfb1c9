/**
 * JupyterLab's rendermime order (standardRendererFactories, then the JSON extension): the first MIME type of a bundle
 * found in this list is shown. Untrusted outputs never run JavaScript, so it is skipped for them.
 */
export const MIME_ORDER = [
  'application/javascript',
  'text/html',
  'text/markdown',
  'text/latex',
  'image/svg+xml',
  'image/bmp',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/json',
  'text/plain',
];

export function preferredMime(data: Record<string, unknown>, trusted: boolean): string | undefined {
  for (const mime of MIME_ORDER) {
    if (mime === 'application/javascript' && !trusted) continue;
    if (mime in data) return mime;
  }
  return Object.keys(data).find((m) => m.endsWith('+json') || m.startsWith('text/'));
}
