import type * as nbformat from '@jupyterlab/nbformat';
import type { Contents } from '@jupyterlab/services';
import { header } from '../browser/fileBrowser';
import { type PageConfig, urlFor } from '../config';
import { errorMessage, h } from '../dom';
import { modal } from '../modal';
import type { Services } from '../services';
import { CellView } from './cellView';
import { editorHooks } from './editorHooks';
import { CellList } from './cellList';
import { FindBar } from './findBar';
import { KernelSession } from './kernel';
import { KernelControls } from './kernelControls';
import { type CellModel, type CellType, type NotebookModel, fromJson, isTrusted, kernelLanguage, newCell, setTags, tagsOf, toJson } from './model';
import { NotebookSaver } from './saver';
import { bindCommandKeys } from './commandKeys';
import { notebookToolbar } from './toolbar';
import { UndoSteps } from './undoSteps';

// Cells rendered completely before the first paint: more than a tall screen holds.
const EAGER_CELLS = 24;

/** The notebook page at /notebooks/<path>. */
export class NotebookView {
  model!: NotebookModel;
  views: CellView[] = [];
  active = 0;
  anchor = 0;
  mode: 'command' | 'edit' = 'command';
  dirty = false;
  /** Counts edits, so that a save knows whether the notebook changed while it ran. */
  dirtyVersion = 0;
  trusted = false;
  clipboard: CellModel[] = [];
  private readonly undoSteps = new UndoSteps();
  readonly kernel: KernelSession;
  readonly kernelControls: KernelControls;
  readonly saver: NotebookSaver;
  /** Editors live in cells near the viewport only; far cells show their source in a cheap <pre>. */
  private readonly list = new CellList((element, near) => {
    const view = this.viewsByElement.get(element);
    if (near) view?.mount();
    else view?.unmount();
  });
  private readonly viewsByElement = new WeakMap<Element, CellView>();
  private readonly title = h('span', { class: 'nb-title', id: 'nb-title' });
  private readonly dirtyMark = h('span', { class: 'dirty', id: 'dirty', role: 'img', 'aria-label': 'Unsaved changes', 'aria-hidden': 'true' });
  readonly find: FindBar;

  constructor(
    private readonly host: HTMLElement,
    readonly services: Services,
    readonly config: PageConfig,
    public path: string,
  ) {
    this.kernel = new KernelSession(services);
    this.kernelControls = new KernelControls(this);
    this.saver = new NotebookSaver(this);
    this.find = new FindBar(this);
  }

  async show(): Promise<void> {
    const started = performance.now();
    let model: Contents.IModel;
    try {
      model = await this.services.contents.get(this.path, { type: 'notebook', content: true });
    } catch (error) {
      this.host.replaceChildren(header(this.config), h('main', { class: 'error-page' }, h('p', { text: `Cannot open ${this.path}: ${errorMessage(error)}` }), h('a', { href: urlFor(this.config, 'tree', ''), text: 'Back to files' })));
      return;
    }
    this.saver.loaded(model);
    this.model = fromJson(model.content as nbformat.INotebookContent);
    this.trusted = isTrusted(this.model);
    this.renderChrome();
    this.renderCells();
    this.select(0, false);
    requestAnimationFrame(() => {
      performance.mark('quire-rendered');
      document.body.dataset.ready = 'notebook';
      document.body.dataset.renderMs = String(Math.round(performance.now() - started));
    });
    this.saver.startAutosave();
    window.addEventListener('beforeunload', (event) => {
      if (this.dirty) event.preventDefault();
    });
    void this.kernelControls.start();
  }

  /** The element that holds the cells (for the toolbar's cell-type box, which follows the focused cell). */
  get cellsElement(): HTMLElement {
    return this.list.element;
  }

  private renderChrome(): void {
    this.title.textContent = this.path.split('/').pop() ?? this.path;
    document.title = `${this.title.textContent} – Quire`;
    const trustBadge = h('span', { class: `trust ${this.trusted ? 'trusted' : 'untrusted'}`, id: 'trust', text: this.trusted ? 'Trusted' : 'Not trusted' });
    this.host.replaceChildren(
      header(this.config, [this.title, this.dirtyMark, trustBadge], [this.kernelControls.name, this.kernelControls.status]),
      notebookToolbar(this, this.title.textContent),
      this.find.element,
      h('main', { class: 'notebook', id: 'notebook' }, this.list.element),
    );
    bindCommandKeys(this);
  }

  renderCells(): void {
    for (const v of this.views) v.destroy();
    this.undoSteps.clear();
    // The first screenful renders at once; the rest render when they come near the viewport or when the browser is
    // idle, so that a large notebook shows and answers keys long before its last output is drawn.
    this.views = this.model.cells.map((cell, i) => this.makeView(cell, i >= EAGER_CELLS));
    this.list.reset(this.views.map((v) => v.element));
    this.hydrateWhenIdle();
  }

  private hydrateWhenIdle(): void {
    const step = (deadline: IdleDeadline) => {
      let next = this.views.findIndex((v) => !v.isHydrated);
      while (next >= 0 && deadline.timeRemaining() > 2) {
        this.views[next]!.hydrate();
        next = this.views.findIndex((v, i) => i > next && !v.isHydrated);
      }
      if (next >= 0) requestIdleCallback(step, { timeout: 500 });
      else if (!document.body.dataset.allRendered) {
        performance.mark('quire-all-rendered');
        document.body.dataset.allRendered = 'true';
      }
    };
    requestIdleCallback(step, { timeout: 500 });
  }

  makeView(cell: CellModel, lazy = false): CellView {
    const view = new CellView(cell, {
      language: () => kernelLanguage(this.model),
      trusted: (c) => this.trusted || c.metadata.trusted === true,
      hooks: (view) => editorHooks(this, view),
      onSelect: (view, extend) => {
        this.select(this.views.indexOf(view), extend);
        this.commandMode();
      },
      onEditTags: (view) => void this.editTags(view),
      onToggleParameters: (view) => {
        const tags = tagsOf(view.cell);
        setTags(view.cell, tags.includes('parameters') ? tags.filter((t) => t !== 'parameters') : [...tags, 'parameters']);
        view.renderMeta();
        this.markDirty();
      },
    }, lazy);
    this.viewsByElement.set(view.element, view);
    return view;
  }

  // ---- selection and modes

  select(index: number, extend: boolean): void {
    if (this.views.length === 0) return;
    index = Math.max(0, Math.min(this.views.length - 1, index));
    this.active = index;
    if (!extend) this.anchor = index;
    const [from, to] = this.selectedRange();
    this.views.forEach((v, i) => {
      v.element.classList.toggle('active', i === index);
      v.element.classList.toggle('selected', i >= from && i <= to);
    });
    const element = this.views[index]!.element;
    element.scrollIntoView({ block: 'nearest' });
  }

  selectedRange(): [number, number] {
    return [Math.min(this.anchor, this.active), Math.max(this.anchor, this.active)];
  }

  selectedViews(): CellView[] {
    const [from, to] = this.selectedRange();
    return this.views.slice(from, to + 1);
  }

  commandMode(): void {
    this.mode = 'command';
    document.body.dataset.mode = 'command';
    const view = this.views[this.active];
    if (!view) return;
    if (view.cell.type === 'markdown' && view.editingMarkdown) {
      // Escape from a markdown cell's editor keeps it editable until it is run, as in Jupyter.
    }
    view.element.focus({ preventScroll: true });
  }

  editMode(): void {
    const view = this.views[this.active];
    if (!view) return;
    this.mode = 'edit';
    document.body.dataset.mode = 'edit';
    view.focusEditor();
  }

  markDirty(): void {
    this.dirtyVersion++;
    if (!this.dirty) {
      this.dirty = true;
      this.dirtyMark.textContent = '●';
      this.dirtyMark.title = 'Unsaved changes';
      this.dirtyMark.removeAttribute('aria-hidden');
      document.body.dataset.dirty = 'true';
    }
  }

  markClean(): void {
    this.dirty = false;
    this.dirtyMark.textContent = '';
    this.dirtyMark.title = '';
    this.dirtyMark.setAttribute('aria-hidden', 'true');
    document.body.dataset.dirty = 'false';
  }

  /** Replaces the whole model (reload from disk, revert to checkpoint). */
  replaceModel(content: nbformat.INotebookContent): void {
    this.model = fromJson(content);
    this.trusted = isTrusted(this.model);
    this.renderCells();
    this.select(Math.min(this.active, this.views.length - 1), false);
    this.markClean();
  }

  // ---- cell operations

  insert(offset: 0 | 1, type: CellType = 'code'): void {
    const index = this.views.length === 0 ? 0 : this.active + offset;
    this.insertCells(index, [newCell(type)]);
    this.select(index, false);
  }

  insertCells(index: number, cells: CellModel[]): void {
    this.model.cells.splice(index, 0, ...cells);
    const views = cells.map((c) => this.makeView(c));
    this.views.splice(index, 0, ...views);
    this.list.insert(index, views.map((v) => v.element));
    this.undoSteps.remember(() => this.removeCells(cells));
    this.markDirty();
  }

  /** Takes these cells (the same objects) out of the notebook, wherever they are now. */
  private removeCells(cells: CellModel[]): void {
    for (const cell of cells) {
      const index = this.model.cells.indexOf(cell);
      if (index < 0) continue;
      this.model.cells.splice(index, 1);
      const [view] = this.views.splice(index, 1);
      this.list.remove(view.element);
      view.destroy();
    }
    if (this.views.length === 0) this.undoSteps.without(() => this.insertCells(0, [newCell('code')]));
    this.markDirty();
    this.select(Math.min(this.active, this.views.length - 1), false);
  }

  removeSelected(): CellModel[] {
    const [from, to] = this.selectedRange();
    const removed = this.model.cells.splice(from, to - from + 1);
    for (const v of this.views.splice(from, to - from + 1)) {
      this.list.remove(v.element);
      v.destroy();
    }
    // A notebook is never empty: the blank cell that replaces the last one goes again when the deletion is undone.
    const blank = this.views.length === 0 ? newCell('code') : null;
    if (blank) this.undoSteps.without(() => this.insertCells(0, [blank]));
    this.undoSteps.remember(() => {
      this.insertCells(from, removed);
      if (blank) this.removeCells([blank]);
      this.select(from, false);
    });
    this.markDirty();
    this.select(Math.min(from, this.views.length - 1), false);
    return removed;
  }

  cut(): void {
    this.clipboard = this.removeSelected().map(clone);
  }

  copy(): void {
    this.clipboard = this.selectedViews().map((v) => clone(v.cell));
  }

  paste(): void {
    if (this.clipboard.length === 0) return;
    const cells = this.clipboard.map((c) => ({ ...clone(c), id: newCell('code').id }));
    this.insertCells(this.selectedRange()[1] + 1, cells);
    this.select(this.selectedRange()[1] + cells.length, false);
  }

  /** Reverses the last structural change (text edits have each editor's own undo, Ctrl+Z). */
  undo(): void {
    this.undoSteps.undo();
  }

  move(direction: -1 | 1): void {
    const [from, to] = this.selectedRange();
    if ((direction < 0 && from === 0) || (direction > 0 && to === this.views.length - 1)) return;
    const cells = this.model.cells.splice(from, to - from + 1);
    const views = this.views.splice(from, to - from + 1);
    this.model.cells.splice(from + direction, 0, ...cells);
    this.views.splice(from + direction, 0, ...views);
    for (const v of views) this.list.remove(v.element);
    this.list.insert(from + direction, views.map((v) => v.element));
    this.anchor += direction;
    this.active += direction;
    this.select(this.active, true);
    this.undoSteps.remember(() => {
      this.anchor = from + direction;
      this.active = to + direction;
      this.move(direction === 1 ? -1 : 1);
    });
    this.markDirty();
  }

  setType(type: CellType): void {
    const changed: { before: CellModel; after: CellModel }[] = [];
    for (const view of this.selectedViews()) {
      if (view.cell.type === type) continue;
      const after: CellModel = { ...view.cell, type, outputs: [], executionCount: null };
      changed.push({ before: view.cell, after });
      this.replaceCell(view.cell, after);
    }
    // The cells as they were, outputs included (a code cell made markdown and back keeps nothing otherwise).
    if (changed.length > 0) this.undoSteps.remember(() => changed.forEach(({ before, after }) => this.replaceCell(after, before)));
    this.markDirty();
    this.select(this.active, true);
  }

  private replaceCell(current: CellModel, replacement: CellModel): void {
    const index = this.model.cells.indexOf(current);
    if (index < 0) return;
    const view = this.views[index];
    this.model.cells[index] = replacement;
    const next = this.makeView(replacement);
    this.list.remove(view.element);
    this.list.insert(index, [next.element]);
    view.destroy();
    this.views[index] = next;
  }

  private async editTags(view: CellView): Promise<void> {
    const answer = await modal({ title: 'Cell tags', input: { value: tagsOf(view.cell).join(', '), label: 'Tags, separated by commas' }, buttons: [{ label: 'Save', value: 'ok', primary: true }] });
    if (!answer) return;
    setTags(view.cell, [...new Set(answer.text.split(',').map((t) => t.trim()).filter((t) => t.length > 0))]);
    view.renderMeta();
    this.markDirty();
  }

  // ---- running

  async run(mode: 'stay' | 'advance' | 'insert'): Promise<void> {
    const views = this.selectedViews();
    const last = this.views.indexOf(views[views.length - 1]!);
    if (mode === 'advance') {
      if (last === this.views.length - 1) this.insertCells(this.views.length, [newCell('code')]);
      this.select(last + 1, false);
    } else if (mode === 'insert') {
      this.insertCells(last + 1, [newCell('code')]);
      this.select(last + 1, false);
    }
    if (mode !== 'stay') {
      if (this.mode === 'edit') this.editMode();
      else this.commandMode();
    }
    for (const view of views) {
      if ((await this.kernelControls.execute(view)) === 'error') break;
    }
  }

  /**
   * Runs cells from..to-1 as JupyterLab's Run All does: every request is sent at once, so the kernel goes from one cell
   * to the next without waiting for this page (and Quire's C# kernel compiles them together); each asks the kernel to
   * stop on error, which then aborts the ones still queued.
   */
  async runRange(from: number, to: number): Promise<void> {
    await Promise.all(this.views.slice(from, to).map((view) => this.kernelControls.execute(view)));
  }

  serialize(): nbformat.INotebookContent {
    return toJson(this.model);
  }
}

function clone(cell: CellModel): CellModel {
  return JSON.parse(JSON.stringify(cell)) as CellModel;
}
