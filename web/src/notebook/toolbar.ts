import { urlFor } from '../config';
import { h } from '../dom';
import type { CellType } from './model';
import type { NotebookView } from './notebookView';

/** The notebook's toolbar: each button names its key in its title, as the command-mode keys do the same. */
export function notebookToolbar(notebook: NotebookView, fileName: string): HTMLElement {
  const { config, path, saver, kernelControls: kernel } = notebook;
  const button = (id: string, label: string, title: string, action: () => void) => h('button', { class: 'btn btn-ghost', id, title, 'aria-label': title, onclick: action }, label);
  const cellType = h('select', { class: 'cell-type', id: 'cell-type', 'aria-label': 'Cell type' }, ...['code', 'markdown', 'raw'].map((t) => h('option', { value: t, text: t })));
  cellType.addEventListener('change', () => notebook.setType(cellType.value as CellType));
  notebook.cellsElement.addEventListener('focusin', () => (cellType.value = notebook.views[notebook.active]?.cell.type ?? 'code'));
  return h(
    'div',
    { class: 'toolbar nb-toolbar', role: 'toolbar', 'aria-label': 'Notebook' },
    button('save', 'Save', 'Save and checkpoint (Ctrl+S)', () => void saver.save(true)),
    button('insert-below', '+', 'Insert cell below (B)', () => notebook.insert(1)),
    button('cut', 'Cut', 'Cut cells (X)', () => notebook.cut()),
    button('copy', 'Copy', 'Copy cells (C)', () => notebook.copy()),
    button('paste', 'Paste', 'Paste cells below (V)', () => notebook.paste()),
    button('move-up', '↑', 'Move cells up', () => notebook.move(-1)),
    button('move-down', '↓', 'Move cells down', () => notebook.move(1)),
    button('run', '▶ Run', 'Run cell and advance (Shift+Enter)', () => void notebook.run('advance')),
    button('interrupt', '■', 'Interrupt the kernel (I, I)', () => void kernel.interrupt()),
    button('restart', '↻ Restart', 'Restart the kernel (0, 0)', () => void kernel.restart(false)),
    button('restart-run-all', 'Restart & run all', 'Restart & run all: restart the kernel, then run every cell', () => void kernel.restart(true)),
    button('run-all', 'Run all', 'Run all cells', () => void notebook.runRange(0, notebook.views.length)),
    button('run-above', 'Above', 'Run all cells above', () => void notebook.runRange(0, notebook.active)),
    button('run-below', 'Below', 'Run this cell and all below', () => void notebook.runRange(notebook.active, notebook.views.length)),
    cellType,
    button('find', 'Find', 'Find and replace (F)', () => notebook.find.open()),
    button('revert', 'Revert', 'Revert to checkpoint', () => void saver.revert()),
    h('a', { class: 'btn btn-ghost', id: 'download', href: `${urlFor(config, 'files', path)}?download=1`, download: fileName, title: 'Download .ipynb' }, 'Download'),
    // The saved file, converted by the server (GET /nbconvert/html/…, as jupyter_server offers it).
    h('a', { class: 'btn btn-ghost', id: 'download-html', href: `${urlFor(config, 'nbconvert/html', path)}?download=true`, download: fileName.replace(/\.ipynb$/, '') + '.html', title: 'Download as HTML (the saved version)' }, 'HTML'),
  );
}
