import type { Contents } from '@jupyterlab/services';
import { type PageConfig, urlFor } from '../config';
import { errorMessage, formatSize, formatTime, h, toast } from '../dom';
import { modal } from '../modal';
import { type Services, defaultKernel, kernelSpecChoices } from '../services';
import { icon } from '../icons';
import { uploadFile } from './upload';

/** The folder view at /tree/<dir>: list, open, create, rename, duplicate, delete, upload, download. */
export class FileBrowser {
  private readonly list = h('tbody');
  private readonly status = h('span', { class: 'status-text' });
  private items: Contents.IModel[] = [];

  constructor(
    private readonly host: HTMLElement,
    private readonly services: Services,
    private readonly config: PageConfig,
    private directory: string,
  ) {}

  async show(): Promise<void> {
    document.title = `${this.directory || 'Files'} – Quire`;
    const crumbs = h('nav', { class: 'crumbs', 'aria-label': 'Folder' });
    const parts = this.directory ? this.directory.split('/') : [];
    crumbs.append(h('a', { href: urlFor(this.config, 'tree', ''), 'aria-label': 'Home', title: 'Home' }, icon('home')));
    parts.forEach((part, i) => {
      crumbs.append(h('span', { class: 'sep', text: '/' }), h('a', { href: urlFor(this.config, 'tree', parts.slice(0, i + 1).join('/')), text: part }));
    });
    const fileInput = h('input', { type: 'file', multiple: true, class: 'hidden', 'aria-label': 'Upload files' });
    fileInput.addEventListener('change', () => void this.upload([...(fileInput.files ?? [])]));
    const toolbar = h(
      'div',
      { class: 'toolbar', role: 'toolbar' },
      h('button', { class: 'btn btn-primary', id: 'new-notebook', onclick: () => void this.newNotebook() }, 'New notebook'),
      h('button', { class: 'btn', id: 'new-folder', onclick: () => void this.newUntitled('directory') }, 'New folder'),
      h('button', { class: 'btn', id: 'new-file', onclick: () => void this.newUntitled('file') }, 'New text file'),
      h('button', { class: 'btn', id: 'upload', onclick: () => fileInput.click() }, 'Upload'),
      fileInput,
      h('button', { class: 'btn', id: 'refresh', onclick: () => void this.refresh(), title: 'Refresh' }, 'Refresh'),
      this.status,
    );
    const table = h(
      'table',
      { class: 'files', 'aria-label': 'Files' },
      h('thead', {}, h('tr', {}, h('th', { text: 'Name' }), h('th', { text: 'Modified' }), h('th', { class: 'num', text: 'Size' }), h('th', { text: '' }))),
      this.list,
    );
    const main = h('main', { class: 'browser' }, crumbs, toolbar, table, h('p', { class: 'hint', text: 'Drop files here to upload them.' }));
    main.addEventListener('dragover', (event) => {
      event.preventDefault();
      main.classList.add('dropping');
    });
    main.addEventListener('dragleave', () => main.classList.remove('dropping'));
    main.addEventListener('drop', (event) => {
      event.preventDefault();
      main.classList.remove('dropping');
      void this.upload([...(event.dataTransfer?.files ?? [])]);
    });
    this.host.replaceChildren(header(this.config), main);
    await this.refresh();
    document.body.dataset.ready = 'tree';
  }

  async refresh(): Promise<void> {
    try {
      const model = await this.services.contents.get(this.directory, { content: true });
      this.items = ((model.content as Contents.IModel[]) ?? []).slice().sort((a, b) => {
        if ((a.type === 'directory') !== (b.type === 'directory')) return a.type === 'directory' ? -1 : 1;
        return a.name.localeCompare(b.name);
      });
      this.renderList();
    } catch (error) {
      toast(`Cannot list ${this.directory || 'the root'}: ${errorMessage(error)}`, 'error');
    }
  }

  private renderList(): void {
    const rows = this.items.map((item) => {
      const href = item.type === 'directory' ? urlFor(this.config, 'tree', item.path) : item.type === 'notebook' ? urlFor(this.config, 'notebooks', item.path) : urlFor(this.config, 'edit', item.path);
      const actions = h(
        'td',
        { class: 'actions' },
        h('button', { class: 'btn btn-small', 'aria-label': `Rename ${item.name}`, 'data-action': 'rename', onclick: () => void this.rename(item) }, 'Rename'),
        item.type !== 'directory' ? h('button', { class: 'btn btn-small', 'aria-label': `Duplicate ${item.name}`, 'data-action': 'duplicate', onclick: () => void this.duplicate(item) }, 'Duplicate') : null,
        item.type !== 'directory' ? h('a', { class: 'btn btn-small', href: `${urlFor(this.config, 'files', item.path)}?download=1`, download: item.name, 'data-action': 'download' }, 'Download') : null,
        h('button', { class: 'btn btn-small btn-danger', 'aria-label': `Delete ${item.name}`, 'data-action': 'delete', onclick: () => void this.remove(item) }, 'Delete'),
      );
      return h(
        'tr',
        { 'data-name': item.name, 'data-type': item.type },
        h('td', { class: 'name' }, h('span', { class: 'name-inner' }, icon(item.type), h('a', { href, text: item.name }))),
        h('td', { class: 'muted', text: formatTime(item.last_modified) }),
        h('td', { class: 'num muted', text: item.type === 'directory' ? '' : formatSize(item.size) }),
        actions,
      );
    });
    if (rows.length === 0) rows.push(h('tr', {}, h('td', { class: 'muted', colspan: '4', text: 'This folder is empty.' })));
    this.list.replaceChildren(...rows);
    this.status.textContent = `${this.items.length} item${this.items.length === 1 ? '' : 's'}`;
  }

  private async newNotebook(): Promise<void> {
    const options = await kernelSpecChoices(this.services);
    const chosen = await modal({
      title: 'New notebook',
      select: { label: 'Kernel', options, value: await defaultKernel(this.services) },
      buttons: [{ label: 'Create', value: 'create', primary: true }],
    });
    if (!chosen) return;
    try {
      const model = await this.services.contents.newUntitled({ path: this.directory, type: 'notebook' });
      const spec = this.services.kernelspecs.specs?.kernelspecs[chosen.text];
      const content = {
        cells: [{ cell_type: 'code', source: '', metadata: {}, outputs: [], execution_count: null, id: crypto.randomUUID().slice(0, 8) }],
        metadata: { kernelspec: { name: chosen.text, display_name: spec?.display_name ?? chosen.text, language: spec?.language ?? '' }, language_info: { name: spec?.language ?? '' } },
        nbformat: 4,
        nbformat_minor: 5,
      };
      await this.services.contents.save(model.path, { type: 'notebook', format: 'json', content });
      window.location.assign(urlFor(this.config, 'notebooks', model.path));
    } catch (error) {
      toast(`Cannot create a notebook: ${errorMessage(error)}`, 'error');
    }
  }

  private async newUntitled(type: 'directory' | 'file'): Promise<void> {
    try {
      await this.services.contents.newUntitled({ path: this.directory, type, ext: type === 'file' ? '.txt' : undefined });
      await this.refresh();
    } catch (error) {
      toast(`Cannot create: ${errorMessage(error)}`, 'error');
    }
  }

  private async rename(item: Contents.IModel): Promise<void> {
    const answer = await modal({ title: `Rename ${item.type}`, input: { value: item.name, label: 'New name' }, buttons: [{ label: 'Rename', value: 'rename', primary: true }] });
    const name = answer?.text.trim();
    if (!name || name === item.name) return;
    if (name.includes('/')) {
      toast('A name cannot contain "/"', 'error');
      return;
    }
    try {
      await this.services.contents.rename(item.path, this.directory ? `${this.directory}/${name}` : name);
      await this.refresh();
    } catch (error) {
      toast(`Cannot rename ${item.name}: ${errorMessage(error)}`, 'error');
    }
  }

  private async duplicate(item: Contents.IModel): Promise<void> {
    try {
      await this.services.contents.copy(item.path, this.directory);
      await this.refresh();
    } catch (error) {
      toast(`Cannot duplicate ${item.name}: ${errorMessage(error)}`, 'error');
    }
  }

  private async remove(item: Contents.IModel): Promise<void> {
    const answer = await modal({ title: `Delete ${item.name}?`, message: 'This cannot be undone.', buttons: [{ label: 'Delete', value: 'delete', primary: true, danger: true }] });
    if (!answer) return;
    try {
      await this.services.contents.delete(item.path);
      await this.refresh();
    } catch (error) {
      toast(`Cannot delete ${item.name}: ${errorMessage(error)}`, 'error');
    }
  }

  private async upload(files: File[]): Promise<void> {
    for (const file of files) {
      try {
        await uploadFile(this.services, this.directory, file, (f) => (this.status.textContent = `Uploading ${file.name}: ${Math.round(f * 100)}%`));
        toast(`Uploaded ${file.name}`);
      } catch (error) {
        toast(`Cannot upload ${file.name}: ${errorMessage(error)}`, 'error');
      }
    }
    await this.refresh();
  }
}

/** The top bar shared by every page: name, theme switch, logout. */
export function header(config: PageConfig, left: Node[] = [], right: Node[] = []): HTMLElement {
  const theme = h('button', { class: 'btn btn-ghost', id: 'theme-toggle', title: 'Light or dark theme', 'aria-label': 'Toggle dark theme' }, '◐');
  theme.addEventListener('click', () => {
    const next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    localStorage.setItem('quire-theme', next);
  });
  return h(
    'header',
    { class: 'topbar' },
    h('a', { class: 'brand', href: urlFor(config, 'tree', '') }, 'Quire'),
    ...left,
    h('span', { class: 'spacer' }),
    ...right,
    theme,
    h('a', { class: 'btn btn-ghost', href: `${config.baseUrl}logout`, id: 'logout' }, 'Log out'),
  );
}
