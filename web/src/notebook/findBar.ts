import { h } from '../dom';
import type { NotebookView } from './notebookView';

/** Find and replace across every cell's source (CodeMirror's own Ctrl+F searches within one cell). */
export class FindBar {
  readonly element: HTMLElement;
  private readonly query = h('input', { class: 'find-input', id: 'find-query', placeholder: 'Find', 'aria-label': 'Find' });
  private readonly replacement = h('input', { class: 'find-input', id: 'find-replace', placeholder: 'Replace', 'aria-label': 'Replace with' });
  private readonly count = h('span', { class: 'muted', id: 'find-count' });

  constructor(private readonly notebook: NotebookView) {
    this.element = h(
      'div',
      { class: 'find-bar hidden', role: 'search' },
      this.query,
      h('button', { class: 'btn btn-small', id: 'find-next', onclick: () => this.next() }, 'Next'),
      this.replacement,
      h('button', { class: 'btn btn-small', id: 'replace-all', onclick: () => this.replaceAll() }, 'Replace all'),
      this.count,
      h('button', { class: 'btn btn-small btn-ghost', 'aria-label': 'Close find', onclick: () => this.close() }, '✕'),
    );
    this.element.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Enter') this.next();
      if (event.key === 'Escape') this.close();
    });
    this.query.addEventListener('input', () => this.updateCount());
  }

  open(): void {
    this.element.classList.remove('hidden');
    this.query.focus();
    this.query.select();
  }

  close(): void {
    this.element.classList.add('hidden');
    this.notebook.commandMode();
  }

  private updateCount(): void {
    const q = this.query.value;
    if (!q) {
      this.count.textContent = '';
      return;
    }
    const n = this.notebook.model.cells.reduce((sum, c) => sum + c.source.split(q).length - 1, 0);
    this.count.textContent = `${n} match${n === 1 ? '' : 'es'}`;
  }

  next(): void {
    const q = this.query.value;
    const views = this.notebook.views;
    if (!q || views.length === 0) return;
    for (let step = 1; step <= views.length; step++) {
      const index = (this.notebook.active + step) % views.length;
      const view = views[index]!;
      const at = view.cell.source.indexOf(q);
      if (at < 0) continue;
      this.notebook.select(index, false);
      view.focusEditor();
      view.editor?.dispatch({ selection: { anchor: at, head: at + q.length }, scrollIntoView: true });
      this.query.focus();
      return;
    }
  }

  replaceAll(): void {
    const q = this.query.value;
    if (!q) return;
    let changed = 0;
    for (const view of this.notebook.views) {
      if (!view.cell.source.includes(q)) continue;
      view.setSource(view.cell.source.split(q).join(this.replacement.value));
      changed++;
    }
    if (changed > 0) this.notebook.markDirty();
    this.updateCount();
  }
}
