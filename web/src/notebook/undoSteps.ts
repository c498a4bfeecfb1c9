/**
 * Z in command mode: each structural change to the notebook (insert, delete, move, type change) leaves the step that
 * reverses it; undoing runs the newest. Changes made while a step runs, or inside {@link UndoSteps.without}, leave none.
 */
export class UndoSteps {
  private readonly steps: (() => void)[] = [];
  private running = false;

  remember(step: () => void): void {
    if (this.running) return;
    this.steps.push(step);
    if (this.steps.length > 100) this.steps.shift();
  }

  undo(): void {
    const step = this.steps.pop();
    if (step) this.without(step);
  }

  /** Runs a change that is part of another (the blank cell that keeps a notebook from being empty). */
  without(change: () => void): void {
    const was = this.running;
    this.running = true;
    try {
      change();
    } finally {
      this.running = was;
    }
  }

  /** A new model: the steps refer to cells that are gone. */
  clear(): void {
    this.steps.length = 0;
  }
}
