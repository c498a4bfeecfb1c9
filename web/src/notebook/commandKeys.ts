import type { NotebookView } from './notebookView';

/**
 * Jupyter's command mode: single keys act on the selected cells while no editor has focus. Two-key commands
 * (D D, I I, 0 0) need the same key twice within a second.
 */
export function bindCommandKeys(notebook: NotebookView): void {
  let previous = '';
  let previousAt = 0;
  document.addEventListener('keydown', (event) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key === 's') {
      event.preventDefault();
      void notebook.saver.save(true);
      return;
    }
    const target = event.target as HTMLElement;
    // Whether an editor has the focus decides the mode: clicking a toolbar button leaves edit mode as Jupyter does.
    if (target.closest('.cm-editor, input, textarea, select, .modal-overlay, .find-bar')) return;
    notebook.mode = 'command';
    document.body.dataset.mode = 'command';
    const twice = (key: string) => {
      const hit = previous === key && event.timeStamp - previousAt < 1000;
      previous = hit ? '' : key;
      previousAt = event.timeStamp;
      return hit;
    };
    let handled = true;
    if (event.key === 'Enter' && event.shiftKey) void notebook.run('advance');
    else if (event.key === 'Enter' && mod) void notebook.run('stay');
    else if (event.key === 'Enter' && event.altKey) void notebook.run('insert');
    else if (event.key === 'Enter') notebook.editMode();
    else if (mod || event.altKey) handled = false;
    else if (event.key === 'ArrowUp' || event.key === 'k' || event.key === 'K') notebook.select(notebook.active - 1, event.shiftKey);
    else if (event.key === 'ArrowDown' || event.key === 'j' || event.key === 'J') notebook.select(notebook.active + 1, event.shiftKey);
    else if (event.key === 'a') notebook.insert(0);
    else if (event.key === 'b') notebook.insert(1);
    else if (event.key === 'x') notebook.cut();
    else if (event.key === 'c') notebook.copy();
    else if (event.key === 'v') notebook.paste();
    else if (event.key === 'z') notebook.undo();
    else if (event.key === 'm') notebook.setType('markdown');
    else if (event.key === 'y') notebook.setType('code');
    else if (event.key === 'r') notebook.setType('raw');
    else if (event.key === 'f') notebook.find.open();
    else if (event.key === 'o') notebook.selectedViews().forEach((v) => v.toggleHidden('outputs_hidden'));
    else if (event.key === 'd') {
      if (twice('d')) notebook.removeSelected();
    } else if (event.key === 'i') {
      if (twice('i')) void notebook.kernelControls.interrupt();
    } else if (event.key === '0') {
      if (twice('0')) void notebook.kernelControls.restart(false);
    } else handled = false;
    if (handled) {
      event.preventDefault();
      if (notebook.mode === 'command') notebook.views[notebook.active]?.element.focus({ preventScroll: true });
    }
  });
}
