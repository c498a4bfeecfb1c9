import DOMPurify from 'dompurify';
import katex from 'katex';
import { marked } from 'marked';

// Math is cut out before Markdown parsing (as JupyterLab's removeMath) so that "_" and "*" inside it stay math.
const MATH = /(\$\$[\s\S]+?\$\$|\\\[[\s\S]+?\\\]|\\\([\s\S]+?\\\)|(?<![\\$])\$(?!\s)[^$\n]+?(?<!\s)\$)/g;

export function renderMath(tex: string, display: boolean): string {
  try {
    return katex.renderToString(tex, { displayMode: display, throwOnError: false, output: 'htmlAndMathml' });
  } catch {
    return `<code>${escapeHtml(tex)}</code>`;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Markdown (with $…$ and $$…$$ math) to sanitized HTML. */
export function markdownToHtml(source: string): string {
  const maths: string[] = [];
  const stripped = source.replace(MATH, (match) => {
    maths.push(match);
    return `@@QUIREMATH${maths.length - 1}@@`;
  });
  const html = marked.parse(stripped, { async: false, gfm: true }) as string;
  const withMath = html.replace(/@@QUIREMATH(\d+)@@/g, (_, index: string) => {
    const tex = maths[Number(index)]!;
    if (tex.startsWith('$$')) return renderMath(tex.slice(2, -2), true);
    if (tex.startsWith('\\[')) return renderMath(tex.slice(2, -2), true);
    if (tex.startsWith('\\(')) return renderMath(tex.slice(2, -2), false);
    return renderMath(tex.slice(1, -1), false);
  });
  return DOMPurify.sanitize(withMath);
}

/** text/latex: a math expression, usually wrapped in $…$ or $$…$$. */
export function latexToHtml(source: string): string {
  const trimmed = source.trim();
  const m = /^\$\$([\s\S]*)\$\$$/.exec(trimmed) ?? /^\$([\s\S]*)\$$/.exec(trimmed) ?? /^\\\[([\s\S]*)\\\]$/.exec(trimmed);
  return DOMPurify.sanitize(renderMath(m ? m[1]! : trimmed, true));
}
