import { matchBrackets } from '@codemirror/language';
import { type EditorState, StateEffect } from '@codemirror/state';
import { Decoration, type DecorationSet, type EditorView, ViewPlugin, type ViewUpdate } from '@codemirror/view';

/** How long typing must pause before the marks follow the text. */
const TypingPause = 150;

const refresh = StateEffect.define<null>();
const matching = Decoration.mark({ class: 'cm-matchingBracket' });
const nonMatching = Decoration.mark({ class: 'cm-nonmatchingBracket' });

/** The bracket beside the cursor and its partner, found as CodeMirror's bracketMatching() finds them. */
function marks(state: EditorState): DecorationSet {
  const found = [];
  for (const range of state.selection.ranges) {
    if (!range.empty) continue;
    const head = range.head;
    const match =
      matchBrackets(state, head, -1) ??
      (head > 0 ? matchBrackets(state, head - 1, 1) : null) ??
      matchBrackets(state, head, 1) ??
      (head < state.doc.length ? matchBrackets(state, head + 1, -1) : null);
    if (!match) continue;
    const mark = match.matched ? matching : nonMatching;
    found.push(mark.range(match.start.from, match.start.to));
    if (match.end) found.push(mark.range(match.end.from, match.end.to));
  }
  return Decoration.set(found, true);
}

/**
 * Bracket matching that follows the cursor at once but waits for a pause in typing: CodeMirror's bracketMatching()
 * rebuilds its marks on every keystroke, and each change of marks re-renders the line in the keystroke's own frame
 * (~0.5–1 ms of the keystroke-to-paint p95 in a 500-cell notebook; bench/RESULTS.md, web UI, 2026-12-07). While keys
 * come, the marks move with the text; 150 ms after the last one they are found again.
 */
export const bracketMarks = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    private timer: number | undefined;

    constructor(private readonly view: EditorView) {
      this.decorations = marks(view.state);
    }

    update(update: ViewUpdate): void {
      if (update.docChanged) {
        this.decorations = this.decorations.map(update.changes);
        window.clearTimeout(this.timer);
        this.timer = window.setTimeout(() => {
          this.timer = undefined;
          this.view.dispatch({ effects: refresh.of(null) });
        }, TypingPause);
      } else if (update.selectionSet || update.transactions.some((t) => t.effects.some((e) => e.is(refresh)))) {
        this.decorations = marks(update.state);
      }
    }

    destroy(): void {
      window.clearTimeout(this.timer);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);
