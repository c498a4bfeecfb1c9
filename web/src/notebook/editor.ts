import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, startCompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { markdown } from '@codemirror/lang-markdown';
import { python } from '@codemirror/lang-python';
import { indentOnInput, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { r } from '@codemirror/legacy-modes/mode/r';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { EditorState, type Extension, Prec } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, keymap, placeholder, ViewPlugin, type ViewUpdate } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import { csharp } from '@replit/codemirror-lang-csharp';
import { bracketMarks } from './bracketMarks';

/** The language of a cell: the notebook's kernel language for code, Markdown or none for the others. */
export function languageExtension(language: string): Extension {
  switch (language.toLowerCase()) {
    case 'python':
    case 'python3':
      return python();
    case 'c#':
    case 'csharp':
      return csharp();
    case 'r':
      return StreamLanguage.define(r);
    case 'markdown':
      return markdown();
    case 'json':
      return json();
    default:
      return [];
  }
}

export interface EditorHooks {
  onChange(text: string): void;
  onRun(mode: 'stay' | 'advance' | 'insert'): void;
  onEscape(): void;
  onSave(): void;
  onFocus(): void;
  onArrowOut(direction: -1 | 1): boolean;
  complete(code: string, cursor: number): Promise<{ start: number; end: number; matches: string[] } | null>;
  inspect(code: string, cursor: number): void;
}

function kernelCompletion(hooks: EditorHooks) {
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    if (!context.explicit) return null;
    const reply = await hooks.complete(context.state.doc.toString(), context.pos);
    if (!reply || reply.matches.length === 0) return null;
    return { from: reply.start, to: reply.end, options: reply.matches.map((label) => ({ label })), filter: false };
  };
}

const unfocusedSelectionMark = Decoration.mark({ class: 'cm-unfocused-selection' });

/**
 * The browser shows a selection only in the element that has the focus: a find match selected in a cell while the find
 * bar keeps the focus is marked instead (what drawSelection did, for this one case, at no cost per keystroke).
 */
const unfocusedSelection = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = this.mark(view);
    }
    update(update: ViewUpdate): void {
      if (update.selectionSet || update.focusChanged || update.docChanged) this.decorations = this.mark(update.view);
    }
    private mark(view: EditorView): DecorationSet {
      const { main } = view.state.selection;
      return view.hasFocus || main.empty ? Decoration.none : Decoration.set([unfocusedSelectionMark.range(main.from, main.to)]);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

/** A CodeMirror 6 editor for one cell: the notebook's keys take precedence over CodeMirror's own. */
export function createEditor(parent: HTMLElement, text: string, language: string, hooks: EditorHooks): EditorView {
  const notebookKeys = Prec.highest(
    keymap.of([
      { key: 'Shift-Enter', run: () => (hooks.onRun('advance'), true) },
      { key: 'Mod-Enter', run: () => (hooks.onRun('stay'), true) },
      { key: 'Alt-Enter', run: () => (hooks.onRun('insert'), true) },
      { key: 'Escape', run: () => (hooks.onEscape(), true) },
      { key: 'Mod-s', run: () => (hooks.onSave(), true), preventDefault: true },
      {
        key: 'Tab',
        run: (view) => {
          const pos = view.state.selection.main.head;
          const line = view.state.doc.lineAt(pos);
          const before = line.text.slice(0, pos - line.from);
          if (view.state.selection.main.empty && /\S$/.test(before)) return startCompletion(view);
          return false;
        },
      },
      {
        key: 'Shift-Tab',
        run: (view) => {
          if (!view.state.selection.main.empty) return false;
          hooks.inspect(view.state.doc.toString(), view.state.selection.main.head);
          return true;
        },
      },
      {
        key: 'ArrowUp',
        run: (view) => view.state.selection.main.empty && view.state.doc.lineAt(view.state.selection.main.head).number === 1 && hooks.onArrowOut(-1),
      },
      {
        key: 'ArrowDown',
        run: (view) => view.state.selection.main.empty && view.state.doc.lineAt(view.state.selection.main.head).number === view.state.doc.lines && hooks.onArrowOut(1),
      },
    ]),
  );
  const state = EditorState.create({
    doc: text,
    extensions: [
      notebookKeys,
      history(),
      // No drawSelection(): the browser's own caret and selection, as in a <textarea>. CodeMirror's drawn cursor is
      // measured, positioned and its blink restarted (a style change) after every keystroke; a single selection, which
      // is all a cell allows, needs none of that.
      unfocusedSelection,
      indentOnInput(),
      bracketMarks,
      closeBrackets(),
      // No highlightActiveLine(), as in JupyterLab's default: its decoration is rebuilt on every keystroke and cost
      // ~0.8 ms of the keystroke-to-paint p95 (bench/RESULTS.md, web UI, 2026-12-07).
      highlightSelectionMatches(),
      search({ top: true }),
      syntaxHighlighting(classHighlighter),
      autocompletion({ override: [kernelCompletion(hooks)], activateOnTyping: false }),
      keymap.of([...closeBracketsKeymap, ...completionKeymap, ...searchKeymap, ...historyKeymap, indentWithTab, ...defaultKeymap]),
      languageExtension(language),
      placeholder(''),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': 'Cell input' }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) hooks.onChange(update.state.doc.toString());
        if (update.focusChanged && update.view.hasFocus) hooks.onFocus();
      }),
    ],
  });
  return new EditorView({ state, parent });
}

/** An editor again for a state kept from one taken down (history, selection and text as they were). */
export function restoreEditor(parent: HTMLElement, state: EditorState): EditorView {
  return new EditorView({ state, parent });
}
