import { h } from './dom';

export interface ModalButton {
  label: string;
  value: string;
  primary?: boolean;
  danger?: boolean;
}

/**
 * A promise-based dialog (keyboard accessible: focus moves in, Escape cancels, Enter takes the primary button).
 * Resolves with the chosen button's value and the text field's content, or null when cancelled.
 */
export function modal(options: {
  title: string;
  message?: string;
  input?: { value: string; label: string; type?: string };
  select?: { label: string; options: { value: string; label: string }[]; value?: string };
  buttons: ModalButton[];
}): Promise<{ button: string; text: string } | null> {
  return new Promise((resolve) => {
    const previous = document.activeElement as HTMLElement | null;
    const input = options.input
      ? h('input', { class: 'modal-input', type: options.input.type ?? 'text', 'aria-label': options.input.label, value: options.input.value })
      : null;
    const select = options.select
      ? h('select', { class: 'modal-input', 'aria-label': options.select.label }, ...options.select.options.map((o) => h('option', { value: o.value, text: o.label })))
      : null;
    if (select && options.select?.value) select.value = options.select.value;
    const close = (result: { button: string; text: string } | null) => {
      overlay.remove();
      previous?.focus();
      resolve(result);
    };
    const value = () => input?.value ?? select?.value ?? '';
    const buttons = options.buttons.map((b) =>
      h('button', { class: `btn${b.primary ? ' btn-primary' : ''}${b.danger ? ' btn-danger' : ''}`, 'data-value': b.value, onclick: () => close({ button: b.value, text: value() }) }, b.label),
    );
    const dialog = h(
      'div',
      { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-label': options.title },
      h('h2', { text: options.title }),
      options.message ? h('p', { text: options.message }) : null,
      options.select ? h('label', { class: 'modal-label' }, options.select.label, select) : null,
      input,
      h('div', { class: 'modal-buttons' }, h('button', { class: 'btn', onclick: () => close(null) }, 'Cancel'), ...buttons),
    );
    const overlay = h('div', { class: 'modal-overlay' }, dialog);
    overlay.addEventListener('keydown', (event) => {
      event.stopPropagation();
      // Handled keys stop here: focus returns to the opener, which would otherwise take the Enter as a click.
      if (event.key === 'Escape' || (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement))) event.preventDefault();
      if (event.key === 'Escape') close(null);
      if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
        const primary = options.buttons.find((b) => b.primary) ?? options.buttons[0];
        if (primary) close({ button: primary.value, text: value() });
      }
    });
    document.body.append(overlay);
    const focusTarget = input ?? select ?? buttons.find((_, i) => options.buttons[i]?.primary) ?? buttons[0];
    focusTarget?.focus();
    if (input) {
      const dot = input.value.lastIndexOf('.');
      input.setSelectionRange(0, dot > 0 ? dot : input.value.length);
    }
  });
}
