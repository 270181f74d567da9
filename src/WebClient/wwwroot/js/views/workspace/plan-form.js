// Planning a project (谋划) on a firm's workspace page: name, kind, 5G / industrial-internet theme, planning batch,
// total and this year's planned investment (万元, strict parsing), equipment investment, start and end, and — for city
// staff — the key-project flag. Checked here, confirmed in a dialog with the amounts three ways, sent once with the
// firm's version as If-Match: a second submit of the same form (a double click, a retry after a lost answer) finds the
// version moved and is refused (412) instead of adding the project twice.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { month } from '../../format.js';
import { ApiError, request, getJson, routes } from '../../api.js';
import { isCity } from '../../session.js';
import { field, formState, submit, textInput, monthInput, select, setOptions, isMonth } from '../../forms.js';
import { parseWan, liveEcho } from '../../amount.js';
import { planningBatchName } from '../../audit.js';
import { card } from './card.js';
import { confirmDialog, moneyFact, problemText } from './confirm.js';
import '../../strings/records.js';

const KINDS = ['intelligent', 'green', 'technical'];
const THEMES = ['5g', 'industrial-internet'];
let batchesPromise = null;

function planningBatches() {
  batchesPromise ||= getJson('/api/planning-batches').catch(() => { batchesPromise = null; return []; });
  return batchesPromise;
}

/** planForm({ id, etag(), done(message | null: re-read only) }) → { card, update() } */
export function planForm({ id, etag, done }) {
  const name = field('name', t('pf.name'), textInput({ 'data-testid': 'plan-name', maxlength: '200' }));
  const kind = field('kind', t('pf.kind'), select([['', t('ws.choose')], ...KINDS.map((k) => [k, t('kind.' + k)])], '', { 'data-testid': 'plan-kind' }));
  const theme = field('theme', t('pf.theme'), select([['', t('theme.none')], ...THEMES.map((k) => [k, t('theme.' + k)])], '', { 'data-testid': 'plan-theme' }));
  const batch = field('planningBatch', t('pf.batch'), select([['', t('ws.choose')]], '', { 'data-testid': 'plan-batch' }));
  const total = field('totalInvestment', t('pf.total'), textInput({ 'data-testid': 'plan-total-wan', inputmode: 'decimal', class: 'num-input' }), { hint: ' ' });
  const planned = field('plannedThisYear', t('pf.planned'), textInput({ 'data-testid': 'plan-planned-wan', inputmode: 'decimal', class: 'num-input' }), { hint: ' ' });
  const equipment = field('equipmentInvestment', t('pf.equipment'), textInput({ 'data-testid': 'plan-equipment-wan', inputmode: 'decimal', class: 'num-input' }), { hint: ' ' });
  const start = field('startMonth', t('pf.start'), monthInput({ 'data-testid': 'plan-start' }));
  const end = field('endMonth', t('pf.end'), monthInput({ 'data-testid': 'plan-end' }));
  const status = field('status', t('pf.status'), select([['planned', t('pf.status.planned')], ['underway', t('pStatus.underway')], ['completed', t('pStatus.completed')]], 'planned', { 'data-testid': 'plan-status' }),
    { hint: t('pf.statusHint'), aliases: ['projects', 'entry'] });
  const keyBox = h('input', { type: 'checkbox', 'data-testid': 'plan-key' });
  const key = { name: 'key', control: keyBox, slot: h('div', { class: 'field-errors' }), aliases: [] };
  key.el = h('div', { class: 'ff ff-check', 'data-field': 'key' },
    h('label', { class: 'check' }, keyBox, ' ', t('pf.key')), h('p', { class: 'field-hint' }, t('pf.keyCity')), key.slot);
  const fields = [name, kind, theme, batch, total, planned, equipment, start, end, status, key];
  const button = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'plan-submit' }, t('pf.submit'));
  const form = h('form', { class: 'form form-grid form-grid-4', novalidate: true, 'data-testid': 'plan-form' }, fields.map((f) => f.el),
    h('div', { class: 'form-actions span-all' }, button));
  const state = formState(form, fields);
  liveEcho(total.control, t('pf.total'), total.hint, { emptyText: t('wse.a.wanHint') });
  liveEcho(planned.control, t('pf.planned'), planned.hint, { emptyText: t('wse.a.wanHint') });
  liveEcho(equipment.control, t('pf.equipment'), equipment.hint, { emptyText: t('pf.equipmentHint') });
  const c = card('h-wse-plan', t('pf.title'), h('p', { class: 'muted small' }, t('pf.intro')), form);
  c.dataset.testid = 'plan-card';

  planningBatches().then((list) => {
    setOptions(batch.control, [['', t('ws.choose')], ...list.map((b) => [b.id, planningBatchName(b.id)]), ['none', t('pb.none')]], batch.control.value);
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    state.clear();
    const errors = [];
    const nameText = name.control.value.trim();
    if (!nameText) errors.push(['name', t('srv.required')]);
    if (!kind.control.value) errors.push(['kind', t('srv.required')]);
    if (!batch.control.value) errors.push(['planningBatch', t('srv.required')]);
    const tot = parseWan(total.control.value, t('pf.total'));
    if (tot.empty) errors.push(['totalInvestment', t('srv.required')]); else if (tot.error) errors.push(['totalInvestment', tot.error]);
    const plan = parseWan(planned.control.value, t('pf.planned'), { allowZero: true });
    if (plan.empty) errors.push(['plannedThisYear', t('srv.required')]); else if (plan.error) errors.push(['plannedThisYear', plan.error]);
    else if (tot.yuan !== undefined && plan.yuan > tot.yuan) errors.push(['plannedThisYear', t('pf.plannedOver')]);
    const equip = parseWan(equipment.control.value, t('pf.equipment'), { allowZero: true });
    if (equip.error) errors.push(['equipmentInvestment', equip.error]);
    else if (equip.yuan !== undefined && tot.yuan !== undefined && equip.yuan > tot.yuan) errors.push(['equipmentInvestment', t('pf.equipmentOver')]);
    for (const f of [start, end]) {
      const v = f.control.value.trim();
      if (!isMonth(v)) errors.push([f.name, v ? t('srv.month') : t('srv.required')]);
    }
    if (errors.length) {
      for (const [k, m] of errors) state.fieldError(k, m);
      form.querySelector('[aria-invalid="true"]')?.focus();
      return;
    }
    const body = {
      name: nameText, kind: kind.control.value, totalInvestment: tot.yuan, plannedThisYear: plan.yuan,
      startMonth: start.control.value, endMonth: end.control.value, status: status.control.value,
      planningBatch: batch.control.value === 'none' ? null : batch.control.value,
      theme: theme.control.value || null, equipmentInvestment: equip.yuan ?? null,
    };
    const wantKey = isCity() && keyBox.checked;
    const version = etag();   // the version this form was filled against: sent as If-Match
    const recorded = body.status !== 'planned';
    state.busy(true);
    const result = await confirmDialog({
      title: t('pf.confirmTitle'), intro: t('pf.confirmIntro'), testid: 'plan-confirm',
      facts: [
        [t('pf.name'), body.name, 'confirm-name'],
        [t('pf.kind'), t('kind.' + body.kind) + (body.theme ? ' · ' + t('theme.' + body.theme) : '')],
        [t('pf.batch'), planningBatchName(body.planningBatch)],
        moneyFact(t('pf.total'), body.totalInvestment, 'confirm-amount'),
        moneyFact(t('pf.planned'), body.plannedThisYear, 'confirm-planned'),
        body.equipmentInvestment !== null ? moneyFact(t('pf.equipment'), body.equipmentInvestment) : null,
        [t('pf.period'), `${month(body.startMonth)} – ${month(body.endMonth)}`],
        isCity() ? [t('pf.key'), t(wantKey ? 'yes' : 'no')] : null,
        [t('pf.status'), t(recorded ? 'pf.next.recorded' : 'pf.next.planned'), 'confirm-next'],
      ],
      confirmLabel: t('g.d.confirm'),
      fieldNames: fields.flatMap((f) => [f.name, ...(f.aliases || [])]),
      onFieldErrors: (err) => state.show(err, {}, problemText),
      run: async (general) => {
        try {
          const res = await request('POST', routes.projects(id), { json: body, ifMatch: version });
          return res.data ?? {};
        } catch (err) {
          if (err instanceof ApiError && err.status === 412) {
            general.replaceChildren(h('p', { class: 'form-error', role: 'alert', 'data-testid': 'form-error' }, t('pf.changed')));
            await done(null);
            return null;
          }
          throw err;
        }
      },
    });
    state.busy(false);
    if (!result) return;
    for (const f of [name, total, planned, equipment, start, end]) { f.control.value = ''; f.control.dispatchEvent(new Event('input')); }
    kind.control.value = ''; theme.control.value = ''; status.control.value = 'planned'; keyBox.checked = false;
    let message = t(recorded ? 'pf.doneRecorded' : 'pf.done', { p: body.name });
    if (wantKey && result.id) {
      const keyed = await submit(state, () => request('PUT', `${routes.projects(id)}/${encodeURIComponent(result.id)}/key`, { json: { key: true } }));
      if (!keyed) message = t('pf.keyFailed', { why: state.general.textContent });
    }
    await done(message);
  });

  return {
    card: c,
    update() {
      key.el.classList.toggle('is-disabled', !isCity());
      keyBox.disabled = !isCity();
    },
  };
}
