// Paying an award (资金拨付): an explicit amount in 万元 or, chosen explicitly, all that remains; what remains is shown
// before and after; the payment is confirmed in words and sent with its own idempotency key (the same on a retry).
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { request, routes, newIdempotencyKey } from '../../api.js';
// Forms take 万元, so they show 万元 too (with CNY in English): one unit between what is typed and what is shown.
import { wan as money } from '../../format.js';
import { field, toast } from '../../forms.js';
import { openDialog } from '../../dialog.js';
import { parseWan, liveEcho } from '../../amount.js';
import { dialogForm, confirmPanel, moneyLine, showInPanel } from './dialog-form.js';
import { applicationFacts } from './decision-dialog.js';

export function openDisbursement(batchId, a, { onDone }) {
  const unpaid = Math.round((Number(a.awarded) - Number(a.disbursed)) * 100) / 100;
  const name = 'pay-how-' + a.id;
  const partRadio = h('input', { type: 'radio', name, value: 'part', 'data-testid': 'pay-part' });
  const restRadio = h('input', { type: 'radio', name, value: 'rest', 'data-testid': 'pay-rest' });
  const howField = { name: 'how', slot: h('div', { class: 'field-errors' }), control: partRadio, aliases: [] };
  const amountInput = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', class: 'num-input', 'data-testid': 'pay-amount' });
  const amountField = field('amount', t('g.p.amount'), amountInput);
  const echo = h('p', { class: 'amount-live', 'data-testid': 'pay-amount-echo', 'aria-live': 'polite' });
  amountField.el.append(echo);
  liveEcho(amountInput, t('g.p.amount'), echo);
  const after = h('p', { class: 'muted', 'data-testid': 'pay-after' });
  const note = h('input', { type: 'text', maxlength: 2000, 'data-testid': 'pay-note' });
  const noteField = field('note', t('g.p.note'), note);

  const row = (label, value, testid) => h('div', null, h('dt', null, label), h('dd', { 'data-testid': testid }, value));
  const form = h('form', { class: 'form', novalidate: true },
    applicationFacts(a),
    h('dl', { class: 'facts' },
      row(t('g.p.awarded'), money(a.awarded), 'pay-awarded'),
      row(t('g.p.paid'), money(a.disbursed), 'pay-paid'),
      row(t('g.p.unpaid'), money(unpaid), 'pay-unpaid')),
    h('fieldset', { class: 'g-decision' }, h('legend', null, t('g.p.how')),
      h('label', { class: 'g-choice' }, partRadio, ' ', t('g.p.part')),
      h('label', { class: 'g-choice' }, restRadio, ' ', t('g.p.rest', { v: money(unpaid) })),
      howField.slot),
    amountField.el, after, noteField.el,
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'pay-next' }, t('g.d.next')),
      h('button', { type: 'button', class: 'btn', 'data-testid': 'dialog-cancel', onclick: () => dlg.close() }, t('g.d.cancel'))));
  const state = dialogForm(form, [howField, amountField, noteField]);

  const how = () => form.querySelector(`input[name="${name}"]:checked`)?.value ?? null;
  const sync = () => {
    amountField.el.hidden = how() !== 'part';
    let pay = null;
    if (how() === 'rest') pay = unpaid;
    else if (how() === 'part') { const r = parseWan(amountInput.value, t('g.p.amount')); if (r.yuan !== undefined) pay = r.yuan; }
    after.textContent = pay !== null && pay <= unpaid ? t('g.p.after', { v: money(Math.round((unpaid - pay) * 100) / 100) }) : '';
  };
  form.addEventListener('change', sync);
  amountInput.addEventListener('input', sync);
  sync();

  let key = null;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const errors = {};
    let pay = null;
    if (!how()) errors.how = t('g.p.pickHow');
    else if (how() === 'rest') pay = unpaid;
    else {
      const r = parseWan(amountInput.value, t('g.p.amount'));
      if (r.empty) errors.amount = t('g.e.required', { f: t('g.p.amount') });
      else if (r.error) errors.amount = r.error;
      else if (r.yuan > unpaid) errors.amount = t('g.e.aboveUnpaid', { f: t('g.p.amount'), v: money(unpaid) });
      else pay = r.yuan;
    }
    if (Object.keys(errors).length) { state.refuse(errors); return; }
    state.clear();
    // Always an explicit amount on the wire: the server pays exactly what was confirmed, never "whatever is unpaid".
    const body = { amount: pay, note: note.value.trim() || null };
    key = newIdempotencyKey();
    const left = Math.round((unpaid - pay) * 100) / 100;
    const panel = confirmPanel({
      title: t('g.p.confirmTitle'),
      lines: [[t('g.c.enterprise'), `${a.enterpriseName} · ${a.projectName}`], moneyLine(t('g.p.confirmLine'), pay),
        [t('g.p.afterLabel'), money(left), 'confirm-left']],
      onBack: () => { panel.remove(); form.hidden = false; key = null; },
      onConfirm: async (slot) => {
        try {
          await request('POST', routes.application(batchId, a.id, 'disbursements'), { json: body, idempotencyKey: key });
          toast(t('g.p.done', { v: money(pay), r: money(left) }));
          dlg.close();
          onDone?.();
        } catch (err) {
          showInPanel(slot, err);
          if (err?.status === 409) onDone?.();
        }
      },
    });
    form.hidden = true;
    dlg.body.append(panel);
  });

  const dlg = openDialog({ title: t('g.p.title'), subtitle: `#${a.id}`, body: [form], testid: 'disburse-dialog' });
  partRadio.focus();
  return dlg;
}
