import type * as nbformat from '@jupyterlab/nbformat';
import type { Contents } from '@jupyterlab/services';
import { errorMessage, toast } from '../dom';
import { modal } from '../modal';
import type { NotebookView } from './notebookView';

/**
 * Saving: Ctrl+S (save and checkpoint), autosave of a dirty notebook, and conflict detection: when the file on disk is
 * newer than what was loaded or last saved, the user chooses to overwrite it or to reload it.
 */
export class NotebookSaver {
  private lastModified: string | undefined;
  private saving: Promise<void> | null = null;

  constructor(private readonly notebook: NotebookView) {}

  loaded(model: Contents.IModel): void {
    this.lastModified = model.last_modified;
  }

  startAutosave(): void {
    const stored = Number(localStorage.getItem('quire-autosave-seconds'));
    const seconds = stored > 0 ? stored : this.notebook.config.autosaveIntervalSeconds;
    // Serialising a large notebook takes the main thread for a while: an autosave starts when the browser is idle
    // (between keystrokes, say), not in the middle of one.
    window.setInterval(() => {
      requestIdleCallback(
        () => {
          if (this.notebook.dirty && !this.saving) void this.save(false);
        },
        { timeout: 2000 },
      );
    }, seconds * 1000);
  }

  async save(checkpoint: boolean): Promise<void> {
    if (this.saving) await this.saving;
    this.saving = this.doSave(checkpoint);
    try {
      await this.saving;
    } finally {
      this.saving = null;
    }
  }

  private async doSave(checkpoint: boolean): Promise<void> {
    const { services, path } = this.notebook;
    // What is saved is the notebook as it was when saving was asked for, not after the checks below.
    const content = this.notebook.serialize();
    const dirtyWhenAsked = this.notebook.dirtyVersion;
    try {
      const onDisk = await services.contents.get(path, { content: false });
      if (this.lastModified && onDisk.last_modified && new Date(onDisk.last_modified).getTime() > new Date(this.lastModified).getTime() + 500) {
        const answer = await modal({
          title: 'File changed on disk',
          message: `${path} was changed since it was opened. Overwrite it with this notebook, or reload it from disk (losing the changes made here)?`,
          buttons: [
            { label: 'Reload', value: 'reload' },
            { label: 'Overwrite', value: 'overwrite', primary: true, danger: true },
          ],
        });
        if (!answer) return;
        if (answer.button === 'reload') {
          await this.reload();
          return;
        }
      }
    } catch {
      // Not on disk any more (deleted or renamed elsewhere): saving recreates it.
    }
    try {
      const saved = await services.contents.save(path, { type: 'notebook', format: 'json', content });
      this.lastModified = saved.last_modified;
      // Edits made while the save was under way stay unsaved.
      if (this.notebook.dirtyVersion === dirtyWhenAsked) this.notebook.markClean();
      if (checkpoint) await services.contents.createCheckpoint(path);
      document.body.dataset.savedAt = String(Date.now());
      toast(checkpoint ? 'Saved and checkpointed' : 'Autosaved');
    } catch (error) {
      toast(`Cannot save ${path}: ${errorMessage(error)}`, 'error');
    }
  }

  async reload(): Promise<void> {
    const model = await this.notebook.services.contents.get(this.notebook.path, { type: 'notebook', content: true });
    this.lastModified = model.last_modified;
    this.notebook.replaceModel(model.content as nbformat.INotebookContent);
  }

  async revert(): Promise<void> {
    const { services, path } = this.notebook;
    try {
      const checkpoints = await services.contents.listCheckpoints(path);
      const latest = checkpoints[checkpoints.length - 1];
      if (!latest) {
        toast('This notebook has no checkpoint yet: save with Ctrl+S to make one', 'error');
        return;
      }
      const when = new Date(latest.last_modified).toLocaleString();
      const answer = await modal({ title: 'Revert to checkpoint?', message: `The notebook goes back to its checkpoint of ${when}; later changes are lost.`, buttons: [{ label: 'Revert', value: 'ok', primary: true, danger: true }] });
      if (!answer) return;
      await services.contents.restoreCheckpoint(path, latest.id);
      await this.reload();
      toast('Reverted to the checkpoint');
    } catch (error) {
      toast(`Cannot revert: ${errorMessage(error)}`, 'error');
    }
  }
}
