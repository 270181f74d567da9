// Shared by the grant dialogs: a form whose errors sit next to their field, problems from the server explained in
// the reader's language, and a two-step "check, then confirm" for anything that moves money.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { formState } from '../../forms.js';
import { explainProblem } from '../../grants.js';
import { amountWords } from '../../amount.js';

/** formState plus: show(err) maps problem+json to the fields (sentences that name the field). */
export function dialogForm(form, fields) {
  const state = formState(form, fields);
  const known = new Set(fields.flatMap((f) => [f.name, ...(f.aliases || [])].map((n) => n.toLowerCase())));
  return {
    ...state,
    /** Client-side errors: {name: sentence}. */
    refuse(errors) {
      state.clear();
      for (const [name, text] of Object.entries(errors)) {
        if (known.has(name.toLowerCase())) state.fieldError(name, text); else state.generalError(text);
      }
      form.querySelector('[aria-invalid="true"]')?.focus();
    },
    show(err) {
      const p = explainProblem(err);
      state.clear();
      for (const [name, text] of Object.entries(p.fields)) {
        if (known.has(name.toLowerCase())) state.fieldError(name, text); else state.generalError(text);
      }
      if (p.general) state.generalError(p.general);
      form.querySelector('[aria-invalid="true"]')?.focus();
    },
  };
}

/** The confirmation panel for money: the amount three ways and what follows, with Back and Confirm. */
export function confirmPanel({ title, lines, onBack, onConfirm, confirmLabel = t('g.d.confirm') }) {
  const general = h('div', { class: 'form-general' });
  const confirmBtn = h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'dialog-confirm' }, confirmLabel);
  const backBtn = h('button', { type: 'button', class: 'btn', 'data-testid': 'dialog-back', onclick: onBack }, t('g.d.back'));
  confirmBtn.addEventListener('click', async () => {
    confirmBtn.disabled = true; backBtn.disabled = true;
    general.replaceChildren();
    try { await onConfirm(general); } finally { confirmBtn.disabled = false; backBtn.disabled = false; }
  });
  const el = h('div', { class: 'g-confirm', 'data-testid': 'confirm-panel', role: 'group', 'aria-label': title },
    h('p', { class: 'g-confirm-title' }, title),
    h('dl', { class: 'facts g-confirm-lines' }, lines.map(([label, value, testid]) => h('div', null,
      h('dt', null, label), h('dd', { 'data-testid': testid || null }, value)))),
    general,
    h('div', { class: 'form-actions' }, backBtn, confirmBtn));
  setTimeout(() => confirmBtn.focus(), 0);
  return el;
}

/** A money line of a confirmation: the amount in words (¥, 万元, 大写). */
export const moneyLine = (label, yuan, testid = 'confirm-amount') => [label, amountWords(yuan), testid];

/** A general error in a confirmation panel (server problems explained). */
export function showInPanel(slot, err) {
  const p = explainProblem(err);
  const texts = [...Object.values(p.fields), p.general].filter(Boolean);
  slot.replaceChildren(...texts.map((x) => h('p', { class: 'form-error', role: 'alert', 'data-testid': 'form-error' }, x)));
}

/** A note as the API takes it: one line (the server refuses control characters), line breaks become "；". */
export const noteText = (el) => el.value.trim().replace(/\s*[\r\n]+\s*/g, '；');
