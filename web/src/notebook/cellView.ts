import type * as nbformat from '@jupyterlab/nbformat';
import type { EditorState } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { h } from '../dom';
import { markdownToHtml } from '../outputs/markdown';
import { renderOutput } from '../outputs/render';
import { createEditor, type EditorHooks, restoreEditor } from './editor';
import { type CellModel, tagsOf } from './model';

export interface CellViewContext {
  language(): string;
  trusted(cell: CellModel): boolean;
  hooks(view: CellView): EditorHooks;
  onSelect(view: CellView, extend: boolean): void;
  onEditTags(view: CellView): void;
  onToggleParameters(view: CellView): void;
}

/**
 * One cell on screen. Its CodeMirror editor exists only once the cell has come near the viewport (or is edited):
 * until then the source is a plain <pre>, which is what makes a 500-cell notebook open fast.
 */
export class CellView {
  readonly element: HTMLElement;
  editor: EditorView | null = null;
  private readonly inputArea: HTMLElement;
  private readonly prompt: HTMLElement;
  private readonly outputArea: HTMLElement;
  private readonly footer: HTMLElement;
  private readonly tagBar: HTMLElement;
  private rendered: HTMLElement | null = null;
  private placeholder: HTMLElement | null = null;
  editingMarkdown = false;
  private hydrated = false;
  /** What an editor taken down by {@link unmount} held (text, selection, undo history), for the next mount. */
  private keptState: EditorState | null = null;

  /** A lazy view shows only its source as text until {@link hydrate} renders its outputs and markdown. */
  constructor(
    readonly cell: CellModel,
    private readonly context: CellViewContext,
    lazy = false,
  ) {
    this.prompt = h('div', { class: 'prompt in-prompt' });
    this.inputArea = h('div', { class: 'input-area' });
    this.outputArea = h('div', { class: 'output-area', role: 'log' });
    this.footer = h('div', { class: 'cell-footer' });
    this.tagBar = h('div', { class: 'tag-bar' });
    const collapseInput = h('button', { class: 'collapser', title: 'Collapse input', 'aria-label': 'Collapse input', tabindex: '-1' });
    collapseInput.addEventListener('click', () => this.toggleHidden('source_hidden'));
    const collapseOutput = h('button', { class: 'collapser', title: 'Collapse output', 'aria-label': 'Collapse output', tabindex: '-1' });
    collapseOutput.addEventListener('click', () => this.toggleHidden('outputs_hidden'));
    const cellTools = h(
      'div',
      { class: 'cell-tools' },
      h('button', { class: 'btn btn-small btn-ghost', 'data-action': 'tags', title: 'Edit tags', onclick: () => this.context.onEditTags(this) }, 'Tags'),
      h('button', { class: 'btn btn-small btn-ghost', 'data-action': 'parameters', title: 'Toggle the parameters tag', onclick: () => this.context.onToggleParameters(this) }, 'P'),
    );
    this.element = h(
      'section',
      { class: `cell cell-${cell.type}`, role: 'listitem', tabindex: '-1', 'data-cell-id': cell.id, 'aria-label': `${cell.type} cell` },
      h('div', { class: 'cell-row' }, collapseInput, this.prompt, h('div', { class: 'cell-body' }, this.tagBar, this.inputArea), cellTools),
      h('div', { class: 'cell-row output-row' }, collapseOutput, h('div', { class: 'prompt' }), h('div', { class: 'cell-body' }, this.outputArea)),
      this.footer,
    );
    this.element.addEventListener('mousedown', (event) => {
      const target = event.target as HTMLElement;
      if (target.closest('.cm-editor, button, a, input')) return;
      this.context.onSelect(this, event.shiftKey);
      if (target.closest('.source-placeholder') && !event.shiftKey) {
        // The cheap <pre> stands in for an editor not made yet: a click on it edits, as a click on an editor would.
        event.preventDefault();
        this.focusEditor();
      }
    });
    this.element.addEventListener('dblclick', () => {
      if (this.cell.type === 'markdown' && !this.editingMarkdown) this.editMarkdown();
    });
    this.renderMeta();
    if (lazy) {
      this.placeholder = h('pre', { class: 'source-placeholder', text: this.cell.source || ' ' });
      this.inputArea.replaceChildren(this.placeholder);
      this.updatePrompt();
    } else {
      this.hydrate();
    }
  }

  get isHydrated(): boolean {
    return this.hydrated;
  }

  /** Renders what a lazy view left out: outputs, and markdown as HTML. */
  hydrate(): void {
    if (this.hydrated) return;
    this.hydrated = true;
    if (this.cell.type === 'markdown') this.renderInput();
    this.renderOutputs();
  }

  /** Creates the editor when the cell comes into view. */
  mount(): void {
    this.hydrate();
    if (this.editor || (this.cell.type === 'markdown' && !this.editingMarkdown)) return;
    this.placeholder?.remove();
    this.placeholder = null;
    const language = this.cell.type === 'code' ? this.context.language() : this.cell.type === 'markdown' ? 'markdown' : '';
    this.editor = this.keptState ? restoreEditor(this.inputArea, this.keptState) : createEditor(this.inputArea, this.cell.source, language, this.context.hooks(this));
    this.keptState = null;
    this.element.classList.add('has-editor');
  }

  /**
   * Takes the editor down when the cell is far from the viewport (unless it has the focus), keeping its state for the
   * next mount. Every live editor listens to the document's selectionchange and has its own IntersectionObserver, so
   * each keystroke anywhere costs something per editor: scrolling through a large notebook would otherwise leave
   * hundreds of them.
   */
  unmount(): void {
    if (!this.editor || this.editor.hasFocus) return;
    this.keptState = this.editor.state;
    this.editor.destroy();
    this.editor = null;
    this.element.classList.remove('has-editor');
    this.renderInput();
  }

  focusEditor(): void {
    if (this.cell.type === 'markdown' && !this.editingMarkdown) this.editMarkdown();
    this.mount();
    this.editor?.focus();
  }

  editMarkdown(): void {
    this.editingMarkdown = true;
    this.rendered?.remove();
    this.rendered = null;
    this.mount();
    this.editor?.focus();
  }

  renderMarkdown(): void {
    if (this.cell.type !== 'markdown') return;
    this.editingMarkdown = false;
    this.editor?.destroy();
    this.editor = null;
    this.keptState = null;
    this.element.classList.remove('has-editor');
    this.renderInput();
  }

  setSource(text: string): void {
    this.cell.source = text;
    if (this.editor) {
      this.editor.dispatch({ changes: { from: 0, to: this.editor.state.doc.length, insert: text } });
      return;
    }
    // A kept state takes the change too (undoable, as in a live editor), or the next mount would bring back the old text.
    if (this.keptState) this.keptState = this.keptState.update({ changes: { from: 0, to: this.keptState.doc.length, insert: text } }).state;
    this.renderInput();
  }

  renderInput(): void {
    if (this.editor) return;
    if (this.cell.type === 'markdown' && !this.editingMarkdown) {
      this.rendered = h('div', { class: 'markdown rendered-markdown' });
      this.rendered.innerHTML = markdownToHtml(this.cell.source || '*Empty markdown cell: double-click to edit*');
      this.inputArea.replaceChildren(this.rendered);
      return;
    }
    this.placeholder = h('pre', { class: 'source-placeholder', text: this.cell.source || ' ' });
    this.inputArea.replaceChildren(this.placeholder);
  }

  renderOutputs(): void {
    this.hydrated = true;
    if (this.cell.type !== 'code') return;
    const trusted = this.context.trusted(this.cell);
    this.outputArea.replaceChildren(...this.cell.outputs.map((o) => renderOutput(o, trusted)));
    this.updatePrompt();
  }

  /** Replaces only the last output (a growing stream) instead of all of them. */
  renderLastOutput(): void {
    const last = this.cell.outputs[this.cell.outputs.length - 1];
    if (!last) return this.renderOutputs();
    const node = renderOutput(last, this.context.trusted(this.cell));
    if (this.outputArea.children.length === this.cell.outputs.length) this.outputArea.lastElementChild?.replaceWith(node);
    else this.outputArea.append(node);
  }

  appendOutput(output: nbformat.IOutput): void {
    this.outputArea.append(renderOutput(output, this.context.trusted(this.cell)));
  }

  updatePrompt(running = false): void {
    if (this.cell.type !== 'code') {
      this.prompt.textContent = '';
      return;
    }
    this.prompt.textContent = running ? '[*]:' : `[${this.cell.executionCount ?? ' '}]:`;
    this.element.classList.toggle('running', running);
  }

  setFooter(text: string): void {
    this.footer.textContent = text;
  }

  renderMeta(): void {
    const tags = tagsOf(this.cell);
    this.tagBar.replaceChildren(...tags.map((t) => h('span', { class: `tag${t === 'parameters' ? ' tag-parameters' : ''}`, text: t })));
    const jupyter = (this.cell.metadata.jupyter ?? {}) as { source_hidden?: boolean; outputs_hidden?: boolean };
    this.element.classList.toggle('input-hidden', jupyter.source_hidden === true);
    this.element.classList.toggle('outputs-hidden', jupyter.outputs_hidden === true);
  }

  toggleHidden(key: 'source_hidden' | 'outputs_hidden'): void {
    const jupyter = { ...((this.cell.metadata.jupyter ?? {}) as Record<string, unknown>) };
    if (jupyter[key]) delete jupyter[key];
    else jupyter[key] = true;
    if (Object.keys(jupyter).length === 0) delete this.cell.metadata.jupyter;
    else this.cell.metadata.jupyter = jupyter;
    this.renderMeta();
  }

  showStdin(prompt: string, password: boolean, answer: (value: string) => void): void {
    const input = h('input', { class: 'stdin-input', type: password ? 'password' : 'text', 'aria-label': prompt || 'Input' });
    const box = h('div', { class: 'stdin' }, h('label', { class: 'stdin-prompt', text: prompt }), input);
    input.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key !== 'Enter') return;
      const value = input.value;
      box.replaceWith(h('pre', { class: 'output-text stdin-echo', text: `${prompt}${password ? '········' : value}` }));
      answer(value);
    });
    this.outputArea.append(box);
    input.focus();
  }

  destroy(): void {
    this.editor?.destroy();
    this.editor = null;
    this.keptState = null;
  }
}
