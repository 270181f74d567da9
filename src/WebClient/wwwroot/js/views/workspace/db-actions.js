// What can be done to a project in the project database (项目库), by whom, each confirmed in a dialog: the county's
// review (县级审核), the city's admission (入库, for a proposal both levels at once), returning it with a reason,
// taking it out (出库: cancelled or merged, the reason required) and, for city staff, the key-project flag (重点项目).
// Rows have the shape of GET /api/projects items; the enterprise page maps its projects into it.
import { h } from '../../dom.js';
import { t, countyName } from '../../i18n.js';
import { month } from '../../format.js';
import { request, getJson, routes, counties } from '../../api.js';
import { isCity, canWriteCounty } from '../../session.js';
import { field, select, toast, newId } from '../../forms.js';
import { planningBatchName } from '../../audit.js';
import { confirmDialog, moneyFact, showProblem, problemText } from './confirm.js';
import '../../strings/records.js';

const base = (r) => `/api/enterprises/${encodeURIComponent(r.enterpriseId)}/projects/${encodeURIComponent(r.projectId)}`;

export function entryBadge(entry) {
  return h('span', { class: 'badge entry-badge entry-' + entry, 'data-testid': 'entry-badge' }, t('entry.' + entry));
}
export function keyBadge() {
  return h('span', { class: 'badge key-badge', 'data-testid': 'key-badge' }, '★ ' + t('key.badge'));
}

/** The row as a project of a firm object (GET /api/enterprises/{id}). */
export function rowOf(firm, p) {
  return {
    enterpriseId: firm.id, enterpriseName: firm.name, countyId: firm.countyId, aboveScale: firm.aboveScale, projectId: p.id,
    name: p.name, kind: p.kind, status: p.status, entry: p.entry, planningBatch: p.planningBatch ?? null, key: !!p.key,
    totalInvestment: p.totalInvestment, plannedThisYear: p.plannedThisYear, invested: p.invested, startMonth: p.startMonth,
    endMonth: p.endMonth, exitReason: p.exitReason ?? null, mergedInto: p.mergedInto ?? null, theme: p.theme ?? null,
  };
}

function facts(r) {
  const c = counties().find((x) => x.id === r.countyId);
  return [
    [t('pa.firm'), `${r.enterpriseName}${c ? ' · ' + countyName(c) : ''}`],
    [t('pa.project'), `${r.name} · ${t('kind.' + r.kind)}${r.theme ? ' · ' + t('theme.' + r.theme) : ''}`, 'confirm-project'],
    [t('pf.batch'), planningBatchName(r.planningBatch)],
    moneyFact(t('pl.total'), r.totalInvestment, 'confirm-amount'),
    [t('pl.period'), `${month(r.startMonth)} – ${month(r.endMonth)}`],
    [t('pa.now'), `${t('entry.' + r.entry)} · ${t('pStatus.' + r.status)}${r.key ? ' · ' + t('key.badge') : ''}`],
  ];
}

function textArea(attrs) {
  return h('textarea', { rows: '2', maxlength: '500', ...attrs });
}

/** A small form inside a dialog: fields with error slots, refusals by field. */
function dialogFields(list) {
  const byName = new Map(list.map((f) => [f.name.toLowerCase(), f]));
  return {
    el: h('div', { class: 'form dialog-fields' }, list.map((f) => f.el)),
    clear() { for (const f of list) { f.slot.replaceChildren(); f.control.removeAttribute('aria-invalid'); } },
    error(name, text) {
      const f = byName.get(String(name).toLowerCase());
      if (!f) return false;
      f.slot.append(h('p', { class: 'form-error', role: 'alert', 'data-testid': 'form-error' }, text));
      f.control.setAttribute('aria-invalid', 'true');
      f.control.focus();
      return true;
    },
    /** An ApiError: messages by field where a field is shown; the rest in the general slot. */
    show(err, general) {
      this.clear();
      if (err?.status === 400 && err.errors) {
        const rest = {};
        for (const [k, msgs] of Object.entries(err.errors)) {
          for (const m of [].concat(msgs)) if (!this.error(k, problemText(m))) (rest[k] ||= []).push(m);
        }
        if (Object.keys(rest).length) showProblem(general, { ...err, errors: rest, status: 400 });
        return;
      }
      showProblem(general, err);
    },
  };
}

async function send(method, url, json) {
  const res = await request(method, url, { json });
  return res.data ?? {};
}

/** The review (approve / return): the county approves a proposal, the city admits it; either may return it. */
async function review(r, decision, onDone) {
  const city = isCity();
  const kind = decision === 'return' ? 'return' : city ? 'admit' : 'countyApprove';
  const note = field('note', t(decision === 'return' ? 'pa.returnNote' : 'pa.note'), textArea({ 'data-testid': 'action-note' }));
  const fields = dialogFields([note]);
  const after = decision === 'return' ? 'proposed' : city ? 'entered' : 'county-reviewed';
  const extra = [fields.el];
  if (kind === 'admit' && r.entry === 'proposed') extra.unshift(h('p', { class: 'form-note' }, t('pa.admitBoth')));
  const done = await confirmDialog({
    backLabel: t('pa.cancel'), title: t('pa.t.' + kind), testid: 'action-dialog',
    facts: [...facts(r), [t('pa.after'), t('entry.' + after), 'confirm-after']],
    extra,
    confirmLabel: t('pa.' + kind),
    run: async (general) => {
      fields.clear();
      const text = note.control.value.trim().replace(/\s*[\r\n]+\s*/g, '；');
      if (decision === 'return' && !text) { fields.error('note', t('pa.needNote')); return null; }
      try {
        return await send('POST', base(r) + '/entry', { decision, note: text || null });
      } catch (err) { fields.show(err, general); return null; }
    },
  });
  if (!done) return;
  toast(done.changed === false ? t('pa.same', { p: r.name }) : t('pa.done.' + kind, { p: r.name }));
  await onDone?.();
}

/** 出库: the reason is required; a merge names the firm's project it went into. */
async function exit(r, onDone) {
  const reasonName = newId('exit-reason');
  const radios = ['cancelled', 'merged'].map((v) => h('label', { class: 'radio' },
    h('input', { type: 'radio', name: reasonName, value: v, 'data-testid': 'exit-reason-' + v }), ' ', t('exit.' + v)));
  const reasonBox = h('div', { class: 'radio-row', role: 'radiogroup', tabindex: '-1' }, radios);
  const reason = { el: null, control: reasonBox, slot: h('div', { class: 'field-errors' }), name: 'reason' };
  reason.el = h('fieldset', { class: 'ff fieldset', 'data-field': 'reason' }, h('legend', null, t('pa.reason')), reasonBox, reason.slot);
  const targetSel = select([['', t('ws.choose')]], '', { 'data-testid': 'exit-merged-into' });
  const target = field('mergedInto', t('pa.mergedInto'), targetSel);
  target.el.hidden = true;
  const note = field('note', t('pa.exitNote'), textArea({ 'data-testid': 'exit-note' }));
  const fields = dialogFields([reason, target, note]);
  let others = null;
  reasonBox.addEventListener('change', async () => {
    fields.clear();
    const merged = reasonBox.querySelector('input:checked')?.value === 'merged';
    target.el.hidden = !merged;
    if (merged && !others) {
      try {
        const firm = await getJson(routes.enterprise(r.enterpriseId));
        others = (firm.projects || []).filter((p) => p.id !== r.projectId && p.entry !== 'exited');
      } catch { others = []; }
      targetSel.replaceChildren(h('option', { value: '' }, others.length ? t('ws.choose') : t('pa.noTarget')),
        ...others.map((p) => h('option', { value: p.id }, `${p.name}（${t('entry.' + p.entry)}）`)));
    }
  });
  const done = await confirmDialog({
    backLabel: t('pa.cancel'), title: t('pa.t.exit'), testid: 'action-dialog',
    facts: [...facts(r), [t('pa.after'), `${t('entry.exited')} · ${t('pStatus.cancelled')}`, 'confirm-after']],
    extra: [h('p', { class: 'form-warn' }, t('pa.exitWarn')), fields.el],
    confirmLabel: t('pa.exit'),
    run: async (general) => {
      fields.clear();
      const why = reasonBox.querySelector('input:checked')?.value;
      if (!why) { fields.error('reason', t('pa.needReason')); radios[0].querySelector('input').focus(); return null; }
      if (why === 'merged' && !targetSel.value) { fields.error('mergedInto', t('pa.needMerged')); return null; }
      const text = note.control.value.trim().replace(/\s*[\r\n]+\s*/g, '；');
      try {
        const res = await send('POST', base(r) + '/exit', { reason: why, mergedInto: why === 'merged' ? targetSel.value : null, note: text || null });
        return { ...res, why };
      } catch (err) { fields.show(err, general); return null; }
    },
  });
  if (!done) return;
  toast(done.changed === false ? t('pa.same', { p: r.name }) : t('pa.done.exit', { p: r.name, why: t('exit.' + done.why) }));
  await onDone?.();
}

/** City staff: the key-project flag. */
async function setKey(r, on, onDone) {
  const which = on ? 'keyOn' : 'keyOff';
  const done = await confirmDialog({
    backLabel: t('pa.cancel'), title: t('pa.t.' + which), testid: 'action-dialog',
    facts: [...facts(r), [t('pa.after'), on ? t('key.badge') : '—', 'confirm-after']],
    confirmLabel: t('pa.' + which),
    run: async (general) => {
      try { return await send('PUT', base(r) + '/key', { key: on }); } catch (err) { showProblem(general, err); return null; }
    },
  });
  if (!done) return;
  toast(done.changed === false ? t('pa.same', { p: r.name }) : t('pa.done.' + which, { p: r.name }));
  await onDone?.();
}

/** The buttons the signed-in person may use on a row (none when they may not write to its county). */
export function actionButtons(r, onDone) {
  if (!canWriteCounty(r.countyId)) return [];
  const city = isCity();
  const b = (key, fn, cls = '') => h('button', { type: 'button', class: 'btn btn-small ' + cls, 'data-testid': 'pa-' + key, onclick: fn }, t('pa.' + key));
  const out = [];
  if (r.entry === 'proposed' || (r.entry === 'county-reviewed' && city)) {
    out.push(city ? b('admit', () => review(r, 'approve', onDone), 'btn-primary') : b('countyApprove', () => review(r, 'approve', onDone), 'btn-primary'));
    out.push(b('return', () => review(r, 'return', onDone)));
  }
  // A finished project stays as it is; any other may leave (cancelled or merged).
  if (r.entry !== 'exited' && r.status !== 'completed') out.push(b('exit', () => exit(r, onDone), 'btn-danger'));
  if (city && r.entry !== 'exited') out.push(r.key ? b('keyOff', () => setKey(r, false, onDone)) : b('keyOn', () => setKey(r, true, onDone)));
  return out;
}
