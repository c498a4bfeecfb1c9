import type { EditorView } from '@codemirror/view';
import { header } from './browser/fileBrowser';
import { type PageConfig, urlFor } from './config';
import { errorMessage, h, toast } from './dom';
import { createEditor } from './notebook/editor';
import type { Services } from './services';

/** /edit/<path>: a plain text file in CodeMirror, saved with Ctrl+S. */
export async function showTextEditor(host: HTMLElement, services: Services, config: PageConfig, path: string): Promise<void> {
  let editor: EditorView | null = null;
  const dirty = h('span', { class: 'dirty', id: 'dirty' });
  const save = async () => {
    try {
      await services.contents.save(path, { type: 'file', format: 'text', content: editor?.state.doc.toString() ?? '' });
      dirty.textContent = '';
      toast('Saved');
    } catch (error) {
      toast(`Cannot save ${path}: ${errorMessage(error)}`, 'error');
    }
  };
  try {
    const model = await services.contents.get(path, { type: 'file', format: 'text', content: true });
    const main = h('main', { class: 'text-editor' });
    host.replaceChildren(header(config, [h('span', { class: 'nb-title', text: path }), dirty], [h('a', { class: 'btn btn-ghost', href: urlFor(config, 'tree', path.split('/').slice(0, -1).join('/')), text: 'Files' })]), main);
    const ext = path.split('.').pop() ?? '';
    const language = { py: 'python', cs: 'csharp', csx: 'csharp', r: 'r', md: 'markdown', json: 'json', ipynb: 'json' }[ext.toLowerCase()] ?? '';
    editor = createEditor(main, String(model.content ?? ''), language, {
      onChange: () => (dirty.textContent = '●'),
      onRun: () => undefined,
      onEscape: () => undefined,
      onSave: () => void save(),
      onFocus: () => undefined,
      onArrowOut: () => false,
      complete: async () => null,
      inspect: () => undefined,
    });
    editor.focus();
    document.body.dataset.ready = 'edit';
  } catch (error) {
    host.replaceChildren(header(config), h('main', { class: 'error-page' }, h('p', { text: `Cannot open ${path} as text: ${errorMessage(error)}` })));
  }
}
