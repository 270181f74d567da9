// The confirmation step of the workspace's record-changing forms: a dialog (js/dialog.js) listing what will be
// recorded, money three ways (¥ · 万元 · 大写), with Back and Confirm. The action runs once per confirmation (the button
// is disabled while it runs); a refusal naming a field of the form closes the dialog and lands next to that field, any
// other refusal stays in the dialog as a sentence in the reader's language.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { openDialog } from '../../dialog.js';
import { ApiError } from '../../api.js';
import { errorText, explain } from '../../forms.js';
import { amountWords } from '../../amount.js';
import '../../strings/records.js';
import '../../strings/grants.js';

/** A money line: the amount in words. */
export const moneyFact = (label, yuan, testid) => [label, amountWords(yuan), testid];

/**
 * confirmDialog({ title, intro, facts: [[label, value, testid?]], extra: nodes, confirmLabel, backLabel, testid,
 *   run: async (general) => result | null, fieldNames: names of the form's fields, onFieldErrors(err) })
 * Resolves when the dialog closes: the run's result, or null when cancelled / refused.
 */
export function confirmDialog({ title, intro, facts = [], extra = [], confirmLabel, backLabel, testid = 'confirm-dialog', run, fieldNames = [], onFieldErrors }) {
  return new Promise((resolve) => {
    let result = null;
    const general = h('div', { class: 'form-general', 'aria-live': 'polite' });
    const confirm = h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'dialog-confirm' }, confirmLabel || t('pa.confirm'));
    const back = h('button', { type: 'button', class: 'btn', 'data-testid': 'dialog-back' }, backLabel || t('g.d.back'));
    const known = new Set(fieldNames.map((n) => n.toLowerCase()));
    const dlg = openDialog({
      title, testid,
      body: [
        intro ? h('p', { class: 'muted small' }, intro) : null,
        h('div', { class: 'g-confirm', 'data-testid': 'confirm-panel' },
          h('dl', { class: 'facts g-confirm-lines' }, facts.filter(Boolean).map(([label, value, id]) => h('div', null,
            h('dt', null, label), h('dd', { 'data-testid': id || null }, value))))),
        ...[].concat(extra),
        general,
        h('div', { class: 'form-actions dialog-actions' }, back, confirm),
      ],
      onClose: () => resolve(result),
    });
    back.addEventListener('click', () => dlg.close());
    confirm.addEventListener('click', async () => {
      if (confirm.disabled) return;
      confirm.disabled = true; back.disabled = true;
      general.replaceChildren();
      try {
        result = await run(general);
        if (result !== null && result !== undefined) dlg.close();
      } catch (err) {
        if (err instanceof ApiError && err.status === 400 && err.errors
          && Object.keys(err.errors).some((k) => known.has(k.toLowerCase())) && onFieldErrors) {
          dlg.close();
          onFieldErrors(err);
          return;
        }
        showProblem(general, err);
      } finally {
        confirm.disabled = false; back.disabled = false;
      }
    });
    setTimeout(() => confirm.focus(), 0);
  });
}

/** A refusal as sentences in a slot (field messages explained, else one sentence by status). */
export function showProblem(slot, err, messages = {}) {
  const texts = [];
  if (err?.status === 400 && err.errors) {
    for (const list of Object.values(err.errors)) for (const m of [].concat(list)) texts.push(messages[m] || problemText(m));
  } else if (err?.status === 403) {
    texts.push(t('pa.e.forbidden', { why: /key|city staff/i.test(err.detail || '') ? t('pa.e.keyCity') : errorText(err) }));
  } else {
    texts.push(errorText(err));
  }
  slot.replaceChildren(...texts.map((x) => h('p', { class: 'form-error', role: 'alert', 'data-testid': 'form-error' }, x)));
}

// The project database's refusals (EnterpriseRules), in the reader's language.
const RULES = [
  [/already in the project database/, 'pa.e.entered'],
  [/that project has left the project database/, 'pa.e.mergeExited'],
  [/has left the project database/, 'pa.e.exited'],
  [/the city admits it/, 'pa.e.cityAdmits'],
  [/not yet in the project database/, 'pa.e.notEntered'],
  [/say why the project goes back/, 'pa.needNote'],
  [/must be one of: cancelled, merged/, 'pa.needReason'],
  [/name the project of this enterprise it is merged into/, 'pa.needMerged'],
  [/cannot merge into itself/, 'pa.e.mergeSelf'],
  [/^no such project of this enterprise$/, 'pa.e.noSuch'],
  [/^must be 0–100 with at most one decimal$|^is required \(形象进度/, 'sf.e.percent'],
  [/^is required: whether the month's investment is counted/, 'sf.e.stats'],
];

/** One server message of the project database or scheduling rules as a sentence; others as forms.js explains them. */
export function problemText(message) {
  const text = String(message ?? '');
  for (const [re, key] of RULES) if (re.test(text)) return t(key);
  return explain(text);
}
