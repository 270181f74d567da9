// City staff's actions on a whole batch: publish the public notice for every application that passed the audit,
// award every application past its notice (exactly the ones listed in the confirmation), set the budget, close
// applications. Each is checked, then confirmed in the card, before anything is sent.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { request, routes, getJson, newIdempotencyKey } from '../../api.js';
// Forms take 万元, so they show 万元 too (with CNY in English).
import { wan as money, dateTime, count } from '../../format.js';
import { field, toast } from '../../forms.js';
import { parseWan, liveEcho } from '../../amount.js';
import { dialogForm, confirmPanel, moneyLine, showInPanel } from './dialog-form.js';

function section(title, ...body) {
  return h('div', { class: 'subpanel' }, h('h3', { class: 'subpanel-title' }, title), ...body);
}

export function bulkActions({ onDone }) {
  let batchId = null;

  // ---- publish the notice ----
  const noticeReady = h('p', { class: 'muted small', 'data-testid': 'notice-ready' });
  const days = h('input', { type: 'text', inputmode: 'numeric', value: '7', class: 'num-input', 'data-testid': 'notice-days' });
  const daysField = field('days', t('g.bulk.days'), days, { hint: t('g.bulk.daysHint'), aliases: ['until'] });
  const noticeBtn = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'notice-publish' }, t('g.bulk.notice'));
  const noticeForm = h('form', { class: 'form', novalidate: true }, noticeReady, daysField.el, h('div', { class: 'form-actions' }, noticeBtn));
  const noticeState = dialogForm(noticeForm, [daysField]);
  noticeForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const raw = days.value.trim();
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 60) { noticeState.refuse({ days: t('g.e.days', { f: t('g.bulk.days') }) }); return; }
    // What waits for the notice now (the live board may be a moment behind).
    let n = 0;
    try {
      const page = await getJson(routes.applications(batchId, { stage: 'public-notice', take: 1000 }));
      n = page.items.filter((a) => a.status === 'pending' && !a.noticeUntil).length;
    } catch (err) { noticeState.show(err); return; }
    if (!n) { noticeState.refuse({ general: t('g.bulk.nothing') }); return; }
    noticeState.clear();
    const until = new Date(Date.now() + Number(raw) * 86400e3);
    until.setSeconds(0, 0);
    const panel = confirmPanel({
      title: t('g.bulk.notice'),
      lines: [[t('g.bulk.notice'), t('g.bulk.noticeConfirm', { n: count(n), t: dateTime(until.toISOString()) }), 'confirm-notice']],
      onBack: () => { panel.remove(); noticeForm.hidden = false; },
      onConfirm: async (slot) => {
        try {
          const r = await request('POST', routes.batchPart(batchId, 'notice'), { json: { until: until.toISOString() } });
          toast(t('g.bulk.noticeDone', { n: count(r.data?.published?.length ?? n) }));
          panel.remove(); noticeForm.hidden = false;
          onDone?.();
        } catch (err) { showInPanel(slot, err); }
      },
    });
    noticeForm.hidden = true;
    noticeForm.after(panel);
  });

  // ---- award every recommended application past its notice ----
  const awardReady = h('p', { class: 'muted small', 'data-testid': 'award-ready' });
  const awardBtn = h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'award-all' }, t('g.bulk.award'));
  const awardSlot = h('div', { class: 'form-general' });
  const awardBox = h('div', { class: 'form' }, awardReady, awardSlot, h('div', { class: 'form-actions' }, awardBtn));
  awardBtn.addEventListener('click', async () => {
    awardSlot.replaceChildren();
    let items = [];
    try {
      const page = await getJson(routes.applications(batchId, { stage: 'award', take: 1000 }));
      items = page.items.filter((a) => a.status === 'pending');
    } catch (err) { showInPanel(awardSlot, err); return; }
    if (items.length === 0) { awardSlot.append(h('p', { class: 'form-error', role: 'alert' }, t('g.bulk.nothing'))); return; }
    const sum = items.reduce((s, a) => s + Number(a.amount), 0);
    const key = newIdempotencyKey();
    const panel = confirmPanel({
      title: t('g.bulk.awardConfirm', { n: count(items.length) }),
      lines: [...items.map((a) => [`#${a.id} ${a.enterpriseName}`, money(a.amount)]), moneyLine(t('g.d.confirmAward'), sum)],
      onBack: () => { panel.remove(); awardBox.hidden = false; },
      onConfirm: async (slot) => {
        try {
          // Exactly the applications listed above: one that reached the stage meanwhile waits for the next round.
          const r = await request('POST', routes.batchPart(batchId, 'awards'), { json: { applicationIds: items.map((a) => a.id) }, idempotencyKey: key });
          toast(t('g.bulk.awardDone', { n: count(r.data?.awarded?.length ?? items.length) }));
          panel.remove(); awardBox.hidden = false;
          onDone?.();
        } catch (err) { showInPanel(slot, err); if (err?.status === 409) onDone?.(); }
      },
    });
    awardBox.hidden = true;
    awardBox.after(panel);
  });

  // ---- budget ----
  const cap = h('input', { type: 'text', inputmode: 'decimal', class: 'num-input', 'data-testid': 'budget-cap' });
  const capField = field('budget', t('g.bulk.budget'), cap, { hint: ' ' });
  const capEcho = h('p', { class: 'amount-live', 'aria-live': 'polite' });
  capField.el.append(capEcho);
  liveEcho(cap, t('g.bulk.budget'), capEcho);
  const budgetForm = h('form', { class: 'form', novalidate: true }, capField.el,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn', 'data-testid': 'budget-set' }, t('g.bulk.setBudget'))));
  const budgetState = dialogForm(budgetForm, [capField]);
  budgetForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const r = parseWan(cap.value, t('g.bulk.budget'));
    if (r.error) { budgetState.refuse({ budget: r.error }); return; }
    budgetState.clear();
    const yuan = r.empty ? null : r.yuan;
    const panel = confirmPanel({
      title: t('g.bulk.setBudget'),
      lines: [yuan === null ? [t('g.bulk.budget'), t('g.bulk.budgetUncapped')] : moneyLine(t('g.bulk.budgetConfirm'), yuan)],
      onBack: () => { panel.remove(); budgetForm.hidden = false; },
      onConfirm: async (slot) => {
        try {
          await request('PUT', routes.batchPart(batchId, 'budget'), { json: { budget: yuan } });
          toast(t('g.bulk.budgetDone'));
          panel.remove(); budgetForm.hidden = false;
          onDone?.();
        } catch (err) { showInPanel(slot, err); }
      },
    });
    budgetForm.hidden = true;
    budgetForm.after(panel);
  });

  // ---- close applications ----
  const closeBtn = h('button', { type: 'button', class: 'btn', 'data-testid': 'close-intake' }, t('g.bulk.close'));
  const closeBox = h('div', { class: 'form' }, h('p', { class: 'muted small' }, t('g.bulk.closeConfirm')), h('div', { class: 'form-actions' }, closeBtn));
  closeBtn.addEventListener('click', () => {
    const panel = confirmPanel({
      title: t('g.bulk.close'), lines: [[t('g.bulk.close'), t('g.bulk.closeConfirm')]],
      onBack: () => { panel.remove(); closeBox.hidden = false; },
      onConfirm: async (slot) => {
        try {
          await request('POST', routes.batchPart(batchId, 'close'));
          toast(t('g.bulk.closeDone'));
          panel.remove(); closeBox.hidden = false;
          onDone?.();
        } catch (err) { showInPanel(slot, err); }
      },
    });
    closeBox.hidden = true;
    closeBox.after(panel);
  });

  const el = h('section', { class: 'card g-bulk', 'data-testid': 'bulk-actions', 'aria-labelledby': 'h-g-bulk' },
    h('header', { class: 'card-head' }, h('h2', { id: 'h-g-bulk' }, t('g.bulk.title'))),
    h('div', { class: 'g-bulk-grid' },
      section(t('g.bulk.notice'), noticeForm),
      section(t('g.bulk.award'), awardBox),
      section(t('g.bulk.setBudget'), budgetForm),
      section(t('g.bulk.close'), closeBox)));

  return {
    el,
    setBatch(id) { batchId = id; },
    update(b) {
      noticeReady.textContent = t('g.bulk.noticeReady', { n: count(b.awaitingNotice ?? 0) });
      const awaitingAward = b.stages?.award ?? 0;
      awardReady.textContent = t('g.bulk.awardReady', { n: count(awaitingAward) });
      capField.hint.textContent = t('g.bulk.budgetHint', { v: b.ledger?.cap == null ? t('g.k.uncapped') : money(b.ledger.cap) });
      closeBtn.disabled = !b.acceptingApplications;
    },
  };
}
