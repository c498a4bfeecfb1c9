import type { CellView } from './cellView';
import type { EditorHooks } from './editor';
import type { NotebookView } from './notebookView';

/** What a cell's editor asks of the notebook: its text changed, run, leave, save, focus, arrow past its edge, complete, inspect. */
export function editorHooks(notebook: NotebookView, view: CellView): EditorHooks {
  return {
    onChange: (text) => {
      view.cell.source = text;
      notebook.markDirty();
    },
    onRun: (mode) => void notebook.run(mode),
    onEscape: () => notebook.commandMode(),
    onSave: () => void notebook.saver.save(true),
    onFocus: () => {
      notebook.select(notebook.views.indexOf(view), false);
      notebook.mode = 'edit';
      document.body.dataset.mode = 'edit';
    },
    onArrowOut: (direction) => {
      const next = notebook.views.indexOf(view) + direction;
      if (next < 0 || next >= notebook.views.length) return false;
      notebook.select(next, false);
      notebook.views[next]!.focusEditor();
      return true;
    },
    complete: (code, cursor) => notebook.kernel.complete(code, cursor),
    inspect: (code, cursor) => void notebook.kernelControls.inspect(view, code, cursor),
  };
}
