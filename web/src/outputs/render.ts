import type * as nbformat from '@jupyterlab/nbformat';
import { AnsiUp } from 'ansi_up';
import DOMPurify from 'dompurify';
import { h } from '../dom';
import { latexToHtml, markdownToHtml } from './markdown';
import { preferredMime } from './mime';
import { needsScripts, scriptFrame } from './scriptFrame';

type Output = nbformat.IOutput;

// A huge stream or text output shows its head and tail; the whole text is one click away.
export const MAX_SHOWN_CHARS = 100_000;

const ansi = new AnsiUp();
ansi.use_classes = true;

function joined(value: unknown): string {
  return Array.isArray(value) ? value.join('') : typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** Text with ANSI colours, bounded: the first and last part of a huge text, and a button that shows it all. */
export function renderText(text: string, className: string): HTMLElement {
  const pre = h('pre', { class: className });
  const fill = (t: string) => {
    if (t.includes('\x1b')) pre.innerHTML = ansi.ansi_to_html(t);
    else pre.textContent = t;
  };
  if (text.length <= MAX_SHOWN_CHARS) {
    fill(text);
    return pre;
  }
  const half = MAX_SHOWN_CHARS / 2;
  fill(`${text.slice(0, half)}\n…\n${text.slice(-half)}`);
  const more = h('button', { class: 'btn btn-small show-all', text: `Show all ${text.length.toLocaleString()} characters` });
  const box = h('div', { class: 'bounded' }, pre, more);
  more.addEventListener('click', () => {
    fill(text);
    more.remove();
  });
  return box;
}

function sanitizeHtml(html: string, trusted: boolean): string {
  // Trusted HTML without script is shown in the page as the notebook's author wrote it (with script, it goes to a
  // sandboxed frame: scriptFrame.ts); the page's Content-Security-Policy allows only the app's own scripts anyway.
  return trusted ? html : DOMPurify.sanitize(html, { FORBID_TAGS: ['style', 'form'], ADD_ATTR: ['target'] });
}

function imageFromData(mime: string, data: string): HTMLElement {
  const src = mime === 'image/svg+xml' ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(data)}` : `data:${mime};base64,${data.replace(/\s/g, '')}`;
  // SVG goes in <img>: a browser never runs an image's scripts.
  return h('img', { src, alt: `${mime} output`, class: 'output-image', loading: 'lazy' });
}

export function renderMime(mime: string, value: unknown, trusted: boolean): HTMLElement {
  const text = joined(value);
  switch (mime) {
    case 'text/html': {
      if (trusted && needsScripts(text)) return scriptFrame({ html: text });
      const div = h('div', { class: 'output-html' });
      div.innerHTML = sanitizeHtml(text, trusted);
      return div;
    }
    case 'text/markdown': {
      const div = h('div', { class: 'output-markdown markdown' });
      div.innerHTML = markdownToHtml(text);
      return div;
    }
    case 'text/latex': {
      const div = h('div', { class: 'output-latex' });
      div.innerHTML = latexToHtml(text);
      return div;
    }
    case 'image/svg+xml':
    case 'image/png':
    case 'image/jpeg':
    case 'image/gif':
    case 'image/bmp':
    case 'image/webp':
      return imageFromData(mime, text);
    case 'application/json':
      return h('pre', { class: 'output-json', text: JSON.stringify(value, null, 2) });
    case 'application/javascript':
      // Run only when trusted, and then only in the sandboxed frame, with `element` as the classic notebook gives it.
      return trusted ? scriptFrame({ javascript: text }) : h('pre', { class: 'output-text muted', text: '[JavaScript output is not run]' });
    default:
      return renderText(text, 'output-text');
  }
}

export function renderOutput(output: Output, trusted: boolean): HTMLElement {
  const box = h('div', { class: `output output-${output.output_type}` });
  switch (output.output_type) {
    case 'stream': {
      const o = output as nbformat.IStream;
      box.classList.add(`stream-${o.name}`);
      box.append(renderText(joined(o.text), `output-text stream ${o.name}`));
      break;
    }
    case 'error': {
      const o = output as nbformat.IError;
      const traceback = (o.traceback ?? []).join('\n') || `${o.ename}: ${o.evalue}`;
      box.append(renderText(traceback, 'output-text traceback'));
      break;
    }
    case 'execute_result':
    case 'display_data': {
      const o = output as nbformat.IExecuteResult | nbformat.IDisplayData;
      const data = (o.data ?? {}) as Record<string, unknown>;
      const mime = preferredMime(data, trusted);
      if (mime) {
        box.dataset.mime = mime;
        box.append(renderMime(mime, data[mime], trusted));
      }
      if (output.output_type === 'execute_result') {
        const count = (o as nbformat.IExecuteResult).execution_count;
        box.prepend(h('div', { class: 'prompt out-prompt', text: count ? `[${count}]:` : '' }));
      }
      break;
    }
    default:
      box.append(h('pre', { class: 'output-text muted', text: `[${String(output.output_type)} output]` }));
  }
  return box;
}
