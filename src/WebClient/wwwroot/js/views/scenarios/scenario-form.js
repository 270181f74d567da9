// The new-scenario form: start (baseline, months, runs, seed, deadline), policy, an optional alternative, pace.
// Amounts in 万元; every number checked before sending; server problems land on their fields in the reader's language.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { request, routes, ApiError } from '../../api.js';
import { errorText } from '../../forms.js';
import '../../strings/records.js';

const L = (key) => t('sc.' + key);

function row(labelKey, control, cls) {
  const id = 'sc-' + control.name;
  control.id = id;
  return h('div', { class: 'sc-row' + (cls ? ' ' + cls : '') },
    h('label', { for: id }, L(labelKey)), control, h('p', { class: 'sc-field-error', 'data-for': control.name, role: 'alert' }));
}
const num = (name, value, attrs = {}) => h('input', { name, type: 'number', value: String(value), ...attrs });
const monthBox = (name, value) => h('input', { name, type: 'month', value });
const check = (name, labelKey) => h('label', { class: 'sc-check' }, h('input', { name, type: 'checkbox' }), ' ', L(labelKey));
const opts = (name, list) => h('select', { name }, list.map(([v, key]) => h('option', { value: v }, L(key))));

/** Numbers the form checks itself: name → [labelKey, min, max]. */
const LIMITS = {
  enterprises: ['enterprises', 1, 1000000], months: ['months', 1, 120], runs: ['runs', 1, 1000], seed: ['seed', -2147483648, 2147483647],
  subsidyRate: ['subsidyRate', 0, 100], projectCap: ['projectCap', 0, 1e8], annualFund: ['annualFund', 0, 1e9],
  rewardAmount: ['rewardAmount', 0, 1e6], countyPush: ['countyPush', 0, 10], machineRatio: ['machineRatio', 0, 100], altMachineRatio: ['machineRatio', 0, 100],
  altSubsidyRate: ['subsidyRate', 0, 100], altProjectCap: ['projectCap', 0, 1e8], altCountyPush: ['countyPush', 0, 10],
};
/** Server field names → the form control they belong to. */
const SERVER_FIELDS = {
  'policy.subsidyRate': 'subsidyRate', 'policy.projectCap': 'projectCap', 'policy.annualFund': 'annualFund', 'policy.rewardAmount': 'rewardAmount',
  'policy.machineReplacesLabourRatio': 'machineRatio', 'alternatives[0].policy.machineReplacesLabourRatio': 'altMachineRatio',
  'policy.batchMonths': 'batchMonths', 'policy.countyPush': 'countyPush', 'policy.countyPushFrom': 'countyPushFrom', paceMs: 'paceMs',
};

export function scenarioForm({ onStarted }) {
  const form = h('form', { class: 'sc-form', novalidate: true, 'data-testid': 'scenario-form' },
    h('fieldset', null, h('legend', null, L('start')),
      row('baseline', opts('baseline', [['sanmenxia-2022', 'baselineRegistry'], ['live', 'baselineLive'], ['synthetic', 'baselineSynthetic']])),
      row('enterprises', num('enterprises', 10000, { min: 1, max: 1000000 }), 'sc-synthetic'),
      row('startMonth', monthBox('startMonth', '2020-01'), 'sc-start'),
      row('months', num('months', 36, { min: 1, max: 120 })),
      row('runs', num('runs', 100, { min: 1, max: 1000 })),
      row('seed', num('seed', 42)),
      row('deadline', monthBox('deadline', '2022-12'))),
    h('fieldset', null, h('legend', null, L('policy')),
      row('subsidyRate', num('subsidyRate', 35, { min: 0, max: 100, step: 1 })),
      row('projectCap', num('projectCap', 300, { min: 0, step: 10 })),
      row('annualFund', num('annualFund', 10000, { min: 0, step: 100 })),
      check('fundCapped', 'fundCapped'),
      row('rewardAmount', num('rewardAmount', '', { min: 0, step: 1, placeholder: L('rewardDefault') })),
      row('machineRatio', num('machineRatio', 10, { min: 0, max: 100, step: 1 })),
      row('batchMonths', h('input', { name: 'batchMonths', value: '4' })),
      row('countyPush', num('countyPush', 1.5, { min: 0, max: 10, step: 0.1 })),
      row('countyPushFrom', monthBox('countyPushFrom', '2022-01'))),
    h('fieldset', null, h('legend', null, L('alternative')),
      check('altOn', 'altOn'),
      row('altName', h('input', { name: 'altName', value: L('altDefaultName') })),
      row('subsidyRate', num('altSubsidyRate', 50, { min: 0, max: 100 })),
      row('projectCap', num('altProjectCap', 1000, { min: 0 })),
      row('countyPush', num('altCountyPush', 2, { min: 0, max: 10, step: 0.1 })),
      row('machineRatio', num('altMachineRatio', 20, { min: 0, max: 100, step: 1 }))),
    h('fieldset', null, h('legend', null, L('timing')),
      row('pace', opts('paceMs', [['0', 'paceFast'], ['1000', 'pace1s'], ['300', 'pace300']])),
      check('paused', 'startPaused')),
    h('button', { type: 'submit', class: 'btn btn-primary btn-wide', id: 'run', 'data-testid': 'scenario-run' }, L('run')),
    h('div', { class: 'form-general', 'data-testid': 'scenario-form-error', role: 'alert' }));
  const general = form.querySelector('.form-general');

  const sync = () => {
    const baseline = form.baseline.value;
    form.querySelector('.sc-synthetic').hidden = baseline !== 'synthetic';
    form.querySelector('.sc-start').hidden = baseline === 'live';
  };
  form.baseline.addEventListener('change', sync);
  sync();

  function clearErrors() {
    general.replaceChildren();
    for (const p of form.querySelectorAll('.sc-field-error')) p.textContent = '';
    for (const c of form.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
  }
  function fieldError(name, text) {
    const slot = form.querySelector(`.sc-field-error[data-for="${name}"]`);
    const control = form.elements[name];
    if (!slot) { general.append(h('p', { class: 'form-error' }, text)); return; }
    slot.textContent = text;
    if (control?.setAttribute) control.setAttribute('aria-invalid', 'true');
  }

  function build() {
    const f = new FormData(form);
    const errors = {};
    const n = (name) => {
      const raw = String(f.get(name) ?? '').trim();
      if (raw === '') return undefined;
      const v = Number(raw);
      const [key, min, max] = LIMITS[name] || [name, -Infinity, Infinity];
      if (!Number.isFinite(v)) errors[name] = t('sc.e.notNumber', { f: L(key) });
      else if (v < min || v > max) errors[name] = t('sc.e.range', { f: L(key), min, max });
      return v;
    };
    const baseline = f.get('baseline');
    const months = String(f.get('batchMonths') || '').split(/[ ,，、]+/).filter(Boolean).map(Number);
    if (months.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) errors.batchMonths = t('sc.e.range', { f: L('batchMonths'), min: 1, max: 12 });
    const wanToYuan = (v) => (v === undefined ? undefined : Math.round(v * 1e4 * 100) / 100);
    const body = {
      baseline, seed: n('seed'), months: n('months'), runs: n('runs'), deadline: f.get('deadline') || undefined,
      paceMs: Number(f.get('paceMs')), paused: f.get('paused') === 'on',
      enterprises: baseline === 'synthetic' ? n('enterprises') : null,
      startMonth: baseline === 'live' ? undefined : (f.get('startMonth') || undefined),
      policy: {
        subsidyRate: (n('subsidyRate') ?? 0) / 100, projectCap: wanToYuan(n('projectCap')), annualFund: wanToYuan(n('annualFund')),
        fundCapped: f.get('fundCapped') === 'on', rewardAmount: wanToYuan(n('rewardAmount')), batchMonths: months,
        countyPush: n('countyPush'), countyPushFrom: f.get('countyPushFrom') || undefined,
        machineReplacesLabourRatio: n('machineRatio') === undefined ? undefined : n('machineRatio') / 100,
      },
    };
    if (baseline === 'live') delete body.months;
    if (f.get('altOn') === 'on') {
      body.alternatives = [{
        name: String(f.get('altName') || '').trim() || L('altName'),
        policy: { ...body.policy, subsidyRate: (n('altSubsidyRate') ?? 0) / 100, projectCap: wanToYuan(n('altProjectCap')), countyPush: n('altCountyPush'),
          machineReplacesLabourRatio: n('altMachineRatio') === undefined ? undefined : n('altMachineRatio') / 100 },
      }];
    }
    return { body, errors };
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors();
    const { body, errors } = build();
    if (Object.keys(errors).length) { for (const [k, v] of Object.entries(errors)) fieldError(k, v); return; }
    const run = form.querySelector('#run');
    run.disabled = true;
    try {
      const r = await request('POST', routes.scenarios(), { json: body });
      onStarted?.(r.data.id);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.errors) {
        for (const name of Object.keys(err.errors)) {
          const control = SERVER_FIELDS[name] || name.replace(/^alternatives\[\d+\]\.policy\./, 'alt').replace(/^policy\./, '');
          const key = LIMITS[control]?.[0] || control;
          const label = L(key) === 'sc.' + key ? L('policy') : L(key);
          fieldError(form.querySelector(`.sc-field-error[data-for="${control}"]`) ? control : '_', t('sc.e.invalid', { f: label }));
        }
      } else {
        general.append(h('p', { class: 'form-error' }, err instanceof ApiError && err.status !== 400 ? errorText(err) : t('sc.e.general')));
      }
    } finally {
      run.disabled = false;
    }
  });

  return { el: form };
}
