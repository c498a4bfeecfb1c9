import { readPageConfig } from '../config';
import { h } from '../dom';

/** What a trusted output asks to run: HTML whose scripts should run, or `application/javascript` code. */
export interface ScriptOutput {
  html?: string;
  javascript?: string;
}

// A frame never grows past this: a runaway script must not make the page endless.
const MAX_HEIGHT_PX = 5000;

const frames = new Set<HTMLIFrameElement>();

// One listener for every frame: a height is taken only from the frame it names (event.source), never from the page or
// another window, and only as a number.
window.addEventListener('message', (event: MessageEvent) => {
  const data = event.data as { type?: unknown; height?: unknown } | null;
  if (!data || data.type !== 'quire-output-height' || typeof data.height !== 'number' || !Number.isFinite(data.height)) return;
  for (const frame of frames) {
    if (!frame.isConnected) {
      frames.delete(frame);
      continue;
    }
    if (frame.contentWindow === event.source) {
      frame.style.height = `${Math.max(0, Math.min(MAX_HEIGHT_PX, data.height))}px`;
    }
  }
});

/**
 * A trusted output whose scripts run, in an iframe of the server's /output-frame page: sandboxed without
 * allow-same-origin (an opaque origin: no access to this page, its cookies or the API), with a policy that lets it
 * fetch nothing. The page's own policy still runs only the app's scripts, so this is the one place output code runs.
 */
export function scriptFrame(output: ScriptOutput): HTMLElement {
  const frame = h('iframe', {
    class: 'output-frame',
    sandbox: 'allow-scripts',
    title: 'Trusted output (scripts run in a sandbox)',
    src: `${readPageConfig().baseUrl}output-frame`,
  });
  frames.add(frame);
  // The frame's script is listening once it has loaded; the message goes to whatever origin the sandbox gave it.
  frame.addEventListener('load', () => frame.contentWindow?.postMessage({ type: 'quire-output', ...output }, '*'), { once: true });
  return frame;
}

/** Whether trusted HTML needs a frame to behave as written: it has script, inline handlers or javascript: URLs. */
export function needsScripts(html: string): boolean {
  return /<script[\s>]|\son[a-z]+\s*=|javascript:/i.test(html);
}
