import { h } from '../dom';

// Cells per chunk: about √500, so that a large notebook has few chunks and each chunk few cells.
const CHUNK = 24;
// What a cell not yet drawn is assumed to take (style.css: .cell's contain-intrinsic-size plus its margins).
const CELL_ESTIMATE_PX = 64;

/**
 * The cells' elements in page order, grouped in chunks that the browser skips as a whole while they are off screen
 * (content-visibility: auto on both chunks and cells). Every keystroke in a cell changes the page's layout, and the
 * browser's per-frame work after it (the layout of the list, content-visibility's viewport checks, hit testing for
 * hover) walks every sibling of the path to the changed cell: 500 cells in one list cost that much on every key,
 * ~20 chunks of ~24 cells cost a tenth of it.
 */
export class CellList {
  readonly element = h('div', { class: 'cells', role: 'list' });
  private readonly observer: IntersectionObserver | null = null;
  /** The cells whose latest state change said they are near the viewport. */
  private readonly near = new WeakSet<Element>();

  /**
   * `visible` is called with true when a cell comes near the viewport, and with false when it goes far from it.
   * Content-visibility already tracks that for every cell and says so (contentvisibilityautostatechange) at no cost
   * of its own; where a browser lacks the event, an IntersectionObserver says when cells come near (never when they
   * go), and its every target costs a little in each frame that follows a layout change.
   */
  constructor(visible: (cell: HTMLElement, near: boolean) => void) {
    if ('ContentVisibilityAutoStateChangeEvent' in window) {
      // The event does not bubble; a capturing listener sees it for every cell and chunk below the list.
      this.element.addEventListener(
        'contentvisibilityautostatechange',
        (event) => {
          const target = event.target as HTMLElement;
          const skipped = (event as ContentVisibilityAutoStateChangeEvent).skipped;
          if (target.classList.contains('cell')) {
            if (skipped) this.near.delete(target);
            else this.near.add(target);
            visible(target, !skipped);
            return;
          }
          // The cells of a skipped chunk keep the state they had and say nothing; once the chunk is drawn again they
          // say only what changed since. So a chunk's own change stands for its cells that were near.
          for (const cell of target.children) if (this.near.has(cell)) visible(cell as HTMLElement, !skipped);
        },
        true,
      );
      return;
    }
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          visible(entry.target as HTMLElement, true);
          this.observer?.unobserve(entry.target);
        }
      },
      { rootMargin: '400px 0px' },
    );
  }

  /** Replaces every cell. */
  reset(cells: HTMLElement[]): void {
    const chunks: HTMLElement[] = [];
    for (let i = 0; i < cells.length; i += CHUNK) chunks.push(this.chunk(cells.slice(i, i + CHUNK)));
    this.element.replaceChildren(...chunks);
    this.observer?.disconnect();
    for (const cell of cells) this.observer?.observe(cell);
  }

  /** Inserts cells so that the first of them becomes the cell at `index`. */
  insert(index: number, cells: HTMLElement[]): void {
    if (cells.length === 0) return;
    const at = this.locate(index);
    let chunk: HTMLElement;
    if (at) {
      chunk = at.chunk;
      for (const cell of cells) chunk.insertBefore(cell, at.cell);
    } else {
      chunk = (this.element.lastElementChild as HTMLElement | null) ?? this.element.appendChild(this.chunk([]));
      chunk.append(...cells);
    }
    this.split(chunk);
    for (const cell of cells) this.observer?.observe(cell);
  }

  /** Takes a cell out of the page. */
  remove(cell: HTMLElement): void {
    const chunk = cell.parentElement;
    this.observer?.unobserve(cell);
    cell.remove();
    if (chunk && chunk.parentElement === this.element) {
      if (chunk.childElementCount === 0) chunk.remove();
      else this.estimate(chunk);
    }
  }

  private locate(index: number): { chunk: HTMLElement; cell: Element } | null {
    let rest = index;
    for (const chunk of this.element.children) {
      const count = chunk.childElementCount;
      if (rest < count) return { chunk: chunk as HTMLElement, cell: chunk.children[rest]! };
      rest -= count;
    }
    return null;
  }

  /** A chunk that grew past twice its size (many insertions in one place) gives its tail to new chunks. */
  private split(chunk: HTMLElement): void {
    if (chunk.childElementCount <= 2 * CHUNK) {
      this.estimate(chunk);
      return;
    }
    // Moving an element blurs whatever had the focus inside it; it gets it back.
    const focused = document.activeElement as HTMLElement | null;
    const cells = [...chunk.children].slice(CHUNK) as HTMLElement[];
    let after: Element = chunk;
    for (let i = 0; i < cells.length; i += CHUNK) {
      const next = this.chunk(cells.slice(i, i + CHUNK));
      after.after(next);
      after = next;
    }
    this.estimate(chunk);
    if (focused && focused !== document.activeElement && focused.isConnected) focused.focus({ preventScroll: true });
  }

  private chunk(cells: HTMLElement[]): HTMLElement {
    // role=none: assistive technology sees the cells as the list's own items.
    const chunk = h('div', { class: 'cell-chunk', role: 'none' }, ...cells);
    this.estimate(chunk);
    return chunk;
  }

  /** The height a chunk claims before it is first drawn: what its cells would claim each (`auto` remembers it after). */
  private estimate(chunk: HTMLElement): void {
    chunk.style.containIntrinsicBlockSize = `auto ${chunk.childElementCount * CELL_ESTIMATE_PX}px`;
  }
}
