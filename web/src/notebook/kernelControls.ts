import { errorMessage, h, toast } from '../dom';
import { modal } from '../modal';
import { kernelSpecChoices } from '../services';
import type { CellView } from './cellView';
import type { NotebookView } from './notebookView';

/** The notebook's kernel in the header (name: click to change; status: click to reconnect), and what acts on it as a whole. */
export class KernelControls {
  readonly name = h('button', { class: 'btn btn-ghost kernel-name', id: 'kernel-name', title: 'Change kernel' });
  readonly status = h('button', { class: 'kernel-status', id: 'kernel-status', 'aria-live': 'polite', title: 'Kernel status', 'data-status': 'unknown' });

  constructor(private readonly notebook: NotebookView) {
    this.name.addEventListener('click', () => void this.change());
    // The client library reconnects by itself after a drop; a click asks at once (the server replays missed output).
    this.status.addEventListener('click', () => {
      if (this.status.dataset.status === 'disconnected') void this.notebook.kernel.kernel?.reconnect();
    });
  }

  async start(): Promise<void> {
    const { kernel, model, services, path } = this.notebook;
    const spec = model.metadata.kernelspec as { name?: string; display_name?: string } | undefined;
    let name = spec?.name;
    if (!name) {
      await services.kernelspecs.ready;
      name = services.kernelspecs.specs?.default ?? 'python3';
    }
    this.name.textContent = spec?.display_name ?? name;
    this.setStatus('starting');
    try {
      await kernel.start(path, name);
      this.watch();
    } catch (error) {
      this.setStatus('dead');
      toast(`Cannot start kernel ${name}: ${errorMessage(error)}`, 'error');
    }
  }

  /** Runs one cell (a markdown cell is rendered): 'error' stops a run of several. */
  async execute(view: CellView): Promise<string> {
    if (view.cell.type === 'markdown') {
      view.renderMarkdown();
      return 'ok';
    }
    if (view.cell.type !== 'code') return 'ok';
    if (!this.notebook.kernel.kernel) {
      toast('No kernel is running', 'error');
      return 'error';
    }
    // Outputs produced here, by this user, are trusted (as JupyterLab marks executed cells).
    view.cell.metadata.trusted = true;
    this.notebook.markDirty();
    try {
      return await this.notebook.kernel.execute(view.cell, {
        started: () => {
          view.updatePrompt(true);
          view.setFooter('');
        },
        output: (kind) => (kind === 'all' ? view.renderOutputs() : kind === 'last' ? view.renderLastOutput() : view.appendOutput(view.cell.outputs[view.cell.outputs.length - 1]!)),
        stdin: (prompt, password, answer) => view.showStdin(prompt, password, answer),
        finished: (status, ms) => {
          view.updatePrompt(false);
          view.setFooter(`${status === 'ok' ? '✓' : status === 'aborted' ? '–' : '✗'} ${ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`}`);
        },
      });
    } catch (error) {
      view.updatePrompt(false);
      toast(`Cannot run the cell: ${errorMessage(error)}`, 'error');
      return 'error';
    }
  }

  async interrupt(): Promise<void> {
    try {
      await this.notebook.kernel.kernel?.interrupt();
    } catch (error) {
      toast(`Cannot interrupt: ${errorMessage(error)}`, 'error');
    }
  }

  async restart(runAll: boolean): Promise<void> {
    const answer = await modal({ title: runAll ? 'Restart the kernel and run all cells?' : 'Restart the kernel?', message: 'All variables will be lost.', buttons: [{ label: 'Restart', value: 'ok', primary: true, danger: true }] });
    if (!answer) return;
    try {
      this.setStatus('restarting');
      await this.notebook.kernel.kernel?.restart();
      if (runAll) await this.notebook.runRange(0, this.notebook.views.length);
    } catch (error) {
      toast(`Cannot restart: ${errorMessage(error)}`, 'error');
    }
  }

  /** Shift+Tab: the kernel's help for the code at the cursor, under the cell until the next key or click. */
  async inspect(view: CellView, code: string, cursor: number): Promise<void> {
    const text = await this.notebook.kernel.inspect(code, cursor);
    document.querySelector('.inspect-tooltip')?.remove();
    if (!text) return;
    const tip = h('div', { class: 'inspect-tooltip', role: 'tooltip' });
    tip.append(h('pre', { text: text.replace(/\x1b\[[0-9;]*m/g, '') }));
    view.element.append(tip);
    const dismiss = () => {
      tip.remove();
      document.removeEventListener('keydown', dismiss, true);
      document.removeEventListener('mousedown', dismiss, true);
    };
    document.addEventListener('keydown', dismiss, true);
    document.addEventListener('mousedown', dismiss, true);
  }

  private async change(): Promise<void> {
    const { kernel, model, services } = this.notebook;
    const options = await kernelSpecChoices(services);
    const answer = await modal({ title: 'Change kernel', select: { label: 'Kernel', options, value: kernel.kernel?.name }, buttons: [{ label: 'Change', value: 'ok', primary: true }] });
    if (!answer) return;
    try {
      await kernel.change(answer.text);
      const spec = services.kernelspecs.specs?.kernelspecs[answer.text];
      model.metadata.kernelspec = { name: answer.text, display_name: spec?.display_name ?? answer.text, language: spec?.language ?? '' };
      model.metadata.language_info = { name: spec?.language ?? '' };
      this.notebook.markDirty();
      // The cells' editors take the new language.
      this.notebook.renderCells();
      this.notebook.select(this.notebook.active, false);
    } catch (error) {
      toast(`Cannot change the kernel: ${errorMessage(error)}`, 'error');
    }
  }

  private watch(): void {
    const { kernel, services } = this.notebook;
    const session = kernel.session;
    if (!session) return;
    const update = () => {
      const current = session.kernel;
      if (!current) return this.setStatus('no kernel');
      if (current.connectionStatus !== 'connected') return this.setStatus(current.connectionStatus === 'connecting' ? 'connecting' : 'disconnected');
      this.setStatus(current.status);
    };
    session.statusChanged.connect(update);
    session.connectionStatusChanged.connect(update);
    session.kernelChanged.connect(() => {
      const spec = services.kernelspecs.specs?.kernelspecs[session.kernel?.name ?? ''];
      this.name.textContent = spec?.display_name ?? session.kernel?.name ?? '';
      update();
    });
    update();
  }

  private setStatus(status: string): void {
    this.status.dataset.status = status;
    this.status.textContent = status;
    this.status.title = `Kernel ${status}`;
  }
}
