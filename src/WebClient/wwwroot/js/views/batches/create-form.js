// Opening a funding batch (city staff): id and name, the investment window, the subsidy rate and cap, rewards per
// result, and the budget — every amount in 万元, checked as a number before anything is sent.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { request, routes } from '../../api.js';
import { field, monthInput, toast } from '../../forms.js';
import { parseWan } from '../../amount.js';
import { RESULTS, resultLabel } from '../../grants.js';
import { dialogForm } from './dialog-form.js';

const DEFAULT_REWARDS = { 'smart-factory': '50', 'smart-workshop': '30', 'green-factory': '50', 'machine-replaces-labour': '20' };

export function createForm({ onCreated }) {
  const id = h('input', { type: 'text', autocomplete: 'off', 'data-testid': 'new-id' });
  const name = h('input', { type: 'text', autocomplete: 'off', 'data-testid': 'new-name' });
  const from = monthInput({ 'data-testid': 'new-from' });
  const to = monthInput({ 'data-testid': 'new-to' });
  const rate = h('input', { type: 'text', inputmode: 'decimal', value: '10', class: 'num-input', 'data-testid': 'new-rate' });
  const cap = h('input', { type: 'text', inputmode: 'decimal', class: 'num-input', 'data-testid': 'new-cap' });
  const budget = h('input', { type: 'text', inputmode: 'decimal', class: 'num-input', 'data-testid': 'new-budget' });
  const rewards = RESULTS.map((r) => ({ r, input: h('input', { type: 'text', inputmode: 'decimal', class: 'num-input', value: DEFAULT_REWARDS[r] ?? '' }) }));
  const fields = [
    field('id', t('g.new.id'), id, { hint: t('g.new.idHint') }), field('name', t('g.new.name'), name, { cls: 'span-all' }),
    field('windowFrom', t('g.new.from'), from), field('windowTo', t('g.new.to'), to),
    field('subsidy.rate', t('g.new.rate'), rate), field('subsidy.cap', t('g.new.cap'), cap), field('budget', t('g.new.budget'), budget),
    ...rewards.map(({ r, input }) => field('rewards.' + r, t('g.new.reward', { r: resultLabel(r) }), input)),
  ];
  const form = h('form', { class: 'form', novalidate: true }, h('div', { class: 'form-grid' }, fields.map((f) => f.el)),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'new-submit' }, t('g.new.submit'))));
  const state = dialogForm(form, fields);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const errors = {};
    const need = (el, key, label) => { if (!el.value.trim()) errors[key] = t('g.e.required', { f: label }); };
    need(id, 'id', t('g.new.id')); need(name, 'name', t('g.new.name'));
    need(from, 'windowFrom', t('g.new.from')); need(to, 'windowTo', t('g.new.to'));
    const rateText = rate.value.trim();
    let subsidy = null;
    if (rateText) {
      if (!/^\d+(\.\d+)?$/.test(rateText) || Number(rateText) <= 0 || Number(rateText) > 100) errors['subsidy.rate'] = t('g.e.invalid', { f: t('g.new.rate') });
      else {
        const c = parseWan(cap.value, t('g.new.cap'));
        if (c.error) errors['subsidy.cap'] = c.error;
        subsidy = { rate: Math.round(Number(rateText) * 100) / 10000, cap: c.yuan ?? null };
      }
    }
    const b = parseWan(budget.value, t('g.new.budget'));
    if (b.error) errors.budget = b.error;
    const rewardAmounts = {};
    for (const { r, input } of rewards) {
      const v = parseWan(input.value, t('g.new.reward', { r: resultLabel(r) }));
      if (v.error) errors['rewards.' + r] = v.error; else if (!v.empty) rewardAmounts[r] = v.yuan;
    }
    if (Object.keys(errors).length) { state.refuse(errors); return; }
    state.clear();
    state.busy(true);
    try {
      await request('POST', routes.batches(), { json: {
        id: id.value.trim(), name: name.value.trim(), windowFrom: from.value, windowTo: to.value,
        kinds: ['intelligent', 'green', 'technical'], subsidy, rewards: rewardAmounts, budget: b.yuan ?? null,
      } });
      toast(t('g.new.done', { name: name.value.trim() }));
      onCreated?.(id.value.trim());
    } catch (err) {
      state.show(err);
    } finally {
      state.busy(false);
    }
  });

  const el = h('section', { class: 'card', 'aria-labelledby': 'h-g-new', 'data-testid': 'create-card' },
    h('header', { class: 'card-head' }, h('h2', { id: 'h-g-new' }, t('g.new.title'))), form);
  return { el };
}
