// The decision on one application at its stage: approve / decline / return for revision (to a stage chosen from a
// list), a required note, the expert panel's score against its scoring sheet with a running total, and a lowered
// amount in 万元 echoed in words and confirmed before it is sent.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { request, routes, newIdempotencyKey } from '../../api.js';
// Forms take 万元, so they show 万元 too (with CNY in English): one unit between what is typed and what is shown.
import { wan as money } from '../../format.js';
import { field, select, toast } from '../../forms.js';
import { openDialog } from '../../dialog.js';
import { parseWan, liveEcho } from '../../amount.js';
import { STAGES, AMOUNT_STAGES, CRITERIA, stageLabel, stageStep, classLabel, resultLabel, countyLabel } from '../../grants.js';
import { dialogForm, confirmPanel, moneyLine, showInPanel, noteText } from './dialog-form.js';

function approveLabel(stage) {
  if (stage === 'expert-panel') return t('g.d.approvePanel');
  if (stage === 'public-notice') return t('g.d.approveNotice');
  if (stage === 'award') return t('g.d.approveAward');
  return t('g.d.approve');
}

/** The facts of an application at the top of each dialog. */
export function applicationFacts(a) {
  const row = (label, value) => h('div', null, h('dt', null, label), h('dd', null, value));
  return h('dl', { class: 'facts g-facts' },
    row(t('g.c.enterprise'), `${a.enterpriseName} · ${countyLabel(a.countyId)}`),
    row(t('g.c.project'), a.projectName),
    row(t('g.c.class'), classLabel(a.class) + (a.result ? ' · ' + resultLabel(a.result) : '')),
    row(t('g.k.requested'), money(a.requested)),
    row(t('g.d.confirmAmount'), money(a.amount)));
}

/** Parse a criterion's points: null when blank, else {v} or {error}. */
function parsePoints(text, c) {
  const raw = String(text ?? '').trim();
  const f = t('g.crit.' + c.key);
  if (raw === '') return null;
  if (!/^\d+(\.\d+)?$/.test(raw)) return { error: t('g.e.notNumber', { f, v: raw }) };
  if ((raw.split('.')[1] || '').length > 2) return { error: t('g.e.scoreDecimals', { f }) };
  const v = Number(raw);
  if (v > c.max) return { error: t('g.e.scoreRange', { f, max: c.max }) };
  return { v };
}

export function openDecision(batchId, a, { onDone }) {
  const waiting = a.status === 'waiting';
  const choices = waiting ? ['decline'] : a.stage === 'award' ? ['approve'] : ['approve', 'decline', 'return'];
  const name = 'decision-' + a.id;
  const radios = choices.map((c) => h('label', { class: 'g-choice' },
    h('input', { type: 'radio', name, value: c, 'data-testid': 'decision-' + c, checked: choices.length === 1 }),
    ' ', c === 'approve' ? approveLabel(a.stage) : t('g.d.' + c)));
  const decisionField = { name: 'decision', slot: h('div', { class: 'field-errors' }), control: radios[0].querySelector('input'), aliases: [] };
  const decisionEl = h('fieldset', { class: 'g-decision' }, h('legend', null, t('g.d.decision')), radios, decisionField.slot);

  const earlier = STAGES.slice(0, STAGES.indexOf(a.stage) + 1);
  const returnSelect = select([['', t('g.d.pickStage')], ...earlier.map((s) => [s, stageLabel(s)])], '', { 'data-testid': 'decision-return-to' });
  const returnField = field('returnTo', t('g.d.returnTo'), returnSelect, { hint: t('g.d.returnHint') });

  const amountInput = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', class: 'num-input', 'data-testid': 'decision-amount' });
  const amountField = field('amount', t('g.d.amount'), amountInput, { hint: t('g.d.amountHint', { v: money(a.amount) }) });
  const amountEcho = h('p', { class: 'amount-live', 'data-testid': 'decision-amount-echo', 'aria-live': 'polite' });
  amountField.el.append(amountEcho);
  liveEcho(amountInput, t('g.d.amount'), amountEcho);

  const critInputs = CRITERIA.map((c) => h('input', {
    type: 'text', inputmode: 'decimal', autocomplete: 'off', class: 'num-input', 'data-testid': 'score-' + c.key, 'data-max': String(c.max),
  }));
  const critFields = CRITERIA.map((c, i) => field('crit-' + c.key, t('g.d.criterion', { name: t('g.crit.' + c.key), max: c.max }), critInputs[i]));
  const total = h('p', { class: 'g-total', 'data-testid': 'score-total', 'aria-live': 'polite' });
  const scoreBox = h('fieldset', { class: 'g-criteria' }, h('legend', null, t('g.d.criteria')),
    h('div', { class: 'form-grid' }, critFields.map((f) => f.el)), total);
  const scoreField = { name: 'score', slot: h('div', { class: 'field-errors' }), control: critInputs[0], aliases: ['criteria'] };
  scoreBox.append(scoreField.slot);
  const renderTotal = () => {
    const parsed = CRITERIA.map((c, i) => parsePoints(critInputs[i].value, c));
    const missing = parsed.filter((p) => p === null || p.error).length;
    const sum = parsed.reduce((s, p) => s + (p && !p.error ? p.v : 0), 0);
    total.textContent = missing ? t('g.d.totalPending', { n: missing }) + ' · ' + t('g.d.total', { s: sum.toFixed(2) }) : t('g.d.total', { s: sum.toFixed(2) });
    total.dataset.total = missing ? '' : sum.toFixed(2);
  };
  critInputs.forEach((i) => i.addEventListener('input', renderTotal));
  renderTotal();

  const note = h('textarea', { rows: 3, maxlength: 2000, 'data-testid': 'decision-note' });
  const noteField = field('note', t('g.d.note'), note, { hint: t('g.d.noteHint') });

  const submitBtn = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'decision-submit' }, t('g.d.submit'));
  const form = h('form', { class: 'form', novalidate: true },
    applicationFacts(a), decisionEl, returnField.el, amountField.el, scoreBox, noteField.el,
    h('div', { class: 'form-actions' }, submitBtn,
      h('button', { type: 'button', class: 'btn', 'data-testid': 'dialog-cancel', onclick: () => dlg.close() }, t('g.d.cancel'))));
  const fields = [decisionField, returnField, amountField, scoreField, noteField, ...critFields];
  const state = dialogForm(form, fields);

  const chosen = () => form.querySelector(`input[name="${name}"]:checked`)?.value ?? null;
  const sync = () => {
    const d = chosen();
    returnField.el.hidden = d !== 'return';
    amountField.el.hidden = !(d === 'approve' && AMOUNT_STAGES.has(a.stage));
    scoreBox.hidden = !(d === 'approve' && a.stage === 'expert-panel');
    submitBtn.textContent = d === 'approve' && (a.stage === 'award' || amountInput.value.trim() !== '') ? t('g.d.next') : t('g.d.submit');
  };
  form.addEventListener('change', sync);
  amountInput.addEventListener('input', sync);
  sync();

  /** Check the form; {body, money} or null after showing why not. */
  function validate() {
    const errors = {};
    const d = chosen();
    if (!d) errors.decision = t('g.e.required', { f: t('g.d.decision') });
    const body = { stage: a.stage, decision: d, note: noteText(note) || null };
    if (!body.note) errors.note = t('g.e.required', { f: t('g.d.note') });
    let moneyYuan = null;
    if (d === 'return') {
      if (!returnSelect.value) errors.returnTo = t('g.e.required', { f: t('g.d.returnTo') });
      else body.returnTo = returnSelect.value;
    }
    if (d === 'approve' && AMOUNT_STAGES.has(a.stage)) {
      const r = parseWan(amountInput.value, t('g.d.amount'));
      if (r.error) errors.amount = r.error;
      else if (!r.empty) {
        if (r.yuan > Number(a.amount)) errors.amount = t('g.e.aboveCurrent', { f: t('g.d.amount'), v: money(a.amount) });
        else { body.amount = r.yuan; moneyYuan = r.yuan; }
      }
    }
    if (d === 'approve' && a.stage === 'expert-panel') {
      let sum = 0;
      let complete = true;
      const parts = [];
      CRITERIA.forEach((c, i) => {
        const p = parsePoints(critInputs[i].value, c);
        if (p === null) { complete = false; errors['crit-' + c.key] = t('g.e.required', { f: t('g.crit.' + c.key) }); }
        else if (p.error) { complete = false; errors['crit-' + c.key] = p.error; }
        else { sum += p.v; parts.push(`${t('g.crit.' + c.key)} ${p.v}/${c.max}`); }
      });
      if (!complete) errors.score = t('g.e.scoreNeeded');
      else {
        body.score = Math.round(sum * 100) / 100;
        const line = t('g.d.scoreNote', { parts: parts.join('；'), s: body.score.toFixed(2) });
        body.note = body.note ? `${body.note}；${line}` : line;
      }
    }
    if (d === 'approve' && a.stage === 'award') moneyYuan = Number(a.amount);
    if (Object.keys(errors).length) { state.refuse(errors); return null; }
    return { body, moneyYuan };
  }

  let key = null;
  async function send(body, slot) {
    try {
      await request('POST', routes.application(batchId, a.id, 'decisions'), { json: body, idempotencyKey: key });
      toast(t('g.d.done', { what: `${a.enterpriseName} · ${body.decision === 'approve' ? approveLabel(a.stage) : t('g.d.' + body.decision)}` }));
      dlg.close();
      onDone?.();
      return true;
    } catch (err) {
      if (slot) showInPanel(slot, err); else state.show(err);
      if (err?.status === 409) onDone?.();
      return false;
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = validate();
    if (!v) return;
    state.clear();
    if (v.moneyYuan === null) {
      state.busy(true);
      try { await send(v.body, null); } finally { state.busy(false); }
      return;
    }
    key = newIdempotencyKey();
    const panel = confirmPanel({
      title: t('g.d.confirmTitle'),
      lines: [[t('g.c.enterprise'), `${a.enterpriseName} · ${a.projectName}`],
        moneyLine(a.stage === 'award' ? t('g.d.confirmAward') : t('g.d.confirmAmount'), v.moneyYuan)],
      onBack: () => { panel.remove(); form.hidden = false; key = null; },
      onConfirm: (slot) => send(v.body, slot),
    });
    form.hidden = true;
    dlg.body.append(panel);
  });

  const dlg = openDialog({
    title: t('g.d.title', { stage: stageLabel(a.stage) }),
    subtitle: `#${a.id} · ` + t('g.d.where', { stage: stageLabel(a.stage), step: stageStep(a.stage) }),
    body: [form], testid: 'decision-dialog',
  });
  (choices.length === 1 ? note : radios[0].querySelector('input')).focus();
  return dlg;
}
