// Sensitivity analysis (tornado chart, Morris table) and policy sweep (cost–coverage frontier) of POST /api/analyses.
// mountAnalysis(element) renders the request form, the progress and both charts into element; it re-renders on a
// language change. Uses the shared API client, i18n and money formatting, and the vendored Chart.js (window.Chart).
import { request, getJson, setCsrf, ApiError } from './api.js';
import { t, onLangChange } from './i18n.js';
import { money, moneyScale, pct, count } from './format.js';
import './strings/analysis.js';

const PARAMETERS = ['firstProject', 'furtherProject', 'grantResponse', 'certificationResponse', 'applySubsidy', 'applyReward',
  'applyCertificationReward', 'revive', 'sizeFactor', 'durationFactor', 'investmentSigma', 'haltedFactor'];
const OUTPUTS = ['coverageAtDeadline', 'additionalCovered', 'investmentCompleted'];

function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function numbers(text, field) {
  const parts = String(text).split(/[,，\s]+/).filter(Boolean).map(Number);
  if (parts.length === 0 || parts.some((n) => !Number.isFinite(n))) throw new Error(t('analysis.badList', { field }));
  return parts;
}

function outputValue(point, output) {
  if (output === 'coverageAtDeadline') return point.coverageAtDeadline * 100;
  if (output === 'investmentCompleted') return point.investmentCompleted / 1e8;
  return point.additionalCovered;
}

// The analysis last asked for on this page: the view shows it again when it is mounted anew (another language, a return).
let lastAnalysis = null;

export function mountAnalysis(element) {
  const state = { view: null, cached: false, output: 'coverageAtDeadline', charts: {}, timer: null };
  element.classList.add('analysis');

  const form = h('form', { 'data-testid': 'analysis-form', novalidate: true });
  const status = h('p', { class: 'analysis-status', 'data-testid': 'analysis-status', role: 'status', 'aria-live': 'polite' });
  const bar = h('progress', { 'data-testid': 'analysis-progress', max: '1', value: '0', hidden: true });
  const outputSelect = h('select', { name: 'a-output', 'data-testid': 'analysis-output' });
  const tornado = h('canvas', { 'data-testid': 'tornado-chart', role: 'img' });
  const frontier = h('canvas', { 'data-testid': 'frontier-chart', role: 'img' });
  const morris = h('table', { class: 'analysis-table', 'data-testid': 'morris-table' });
  const sweepTable = h('table', { class: 'analysis-table', 'data-testid': 'sweep-table' });
  const results = h('div', { class: 'analysis-results', hidden: true });

  function field(name, labelKey, attrs) {
    return h('label', {}, h('span', { text: t(labelKey) }), h('input', { name, ...attrs }));
  }

  function renderForm() {
    const previous = form.elements.length ? new FormData(form) : null;
    const keep = (name, fallback) => (previous && previous.get(name) !== null ? previous.get(name) : fallback);
    const checked = (name) => (previous ? previous.get(name) === 'on' : true);
    form.replaceChildren(
      h('fieldset', {}, h('legend', { text: t('analysis.title') }),
        field('a-runs', 'analysis.runs', { type: 'number', min: '1', max: '200', value: keep('a-runs', '10') }),
        field('a-seed', 'analysis.seed', { type: 'number', value: keep('a-seed', '42') }),
        field('a-deadline', 'analysis.deadline', { type: 'month', value: keep('a-deadline', '2022-12') })),
      h('fieldset', {}, h('legend', { text: t('analysis.sensitivity') }),
        field('a-range', 'analysis.range', { type: 'number', min: '1', max: '90', value: keep('a-range', '20') }),
        field('a-trajectories', 'analysis.trajectories', { type: 'number', min: '0', max: '20', value: keep('a-trajectories', '2') }),
        h('div', { class: 'analysis-params', role: 'group', 'aria-label': t('analysis.parameters') },
          PARAMETERS.map((p) => h('label', { class: 'analysis-check' },
            h('input', { type: 'checkbox', name: `a-p.${p}`, checked: checked(`a-p.${p}`) }), h('span', { text: t(`analysis.p.${p}`) }))))),
      h('fieldset', {}, h('legend', { text: t('analysis.sweep') }),
        field('a-rates', 'analysis.rates', { value: keep('a-rates', '20, 35, 50') }),
        field('a-caps', 'analysis.caps', { value: keep('a-caps', '150, 300, 600') }),
        field('a-funds', 'analysis.funds', { value: keep('a-funds', '5000, 10000') }),
        h('label', { class: 'analysis-check' }, h('input', { type: 'checkbox', name: 'a-fundCapped', checked: previous ? previous.get('a-fundCapped') === 'on' : true }),
          h('span', { text: t('analysis.fundCapped') }))),
      h('button', { type: 'submit', 'data-testid': 'analysis-run', text: t('analysis.run') }));
    outputSelect.replaceChildren(...OUTPUTS.map((o) => h('option', { value: o, selected: o === state.output, text: t(`analysis.out.${o}`) })));
  }

  function body() {
    const f = new FormData(form);
    const parameters = PARAMETERS.filter((p) => f.get(`a-p.${p}`) === 'on');
    return {
      scenario: { runs: Number(f.get('a-runs')), seed: Number(f.get('a-seed')), deadline: f.get('a-deadline') || undefined },
      sensitivity: parameters.length ? { parameters, range: Number(f.get('a-range')) / 100, trajectories: Number(f.get('a-trajectories')) } : undefined,
      sweep: {
        subsidyRates: numbers(f.get('a-rates'), t('analysis.rates')).map((r) => r / 100),
        projectCaps: numbers(f.get('a-caps'), t('analysis.caps')).map((c) => c * 1e4),
        annualFunds: numbers(f.get('a-funds'), t('analysis.funds')).map((c) => c * 1e4),
        fundCapped: f.get('a-fundCapped') === 'on',
      },
    };
  }

  function showError(message) {
    status.textContent = message;
    status.dataset.status = 'failed';
    bar.hidden = true;
  }

  async function submit(event) {
    event.preventDefault();
    clearTimeout(state.timer);
    let json;
    try { json = body(); } catch (e) { showError(e.message); return; }
    try {
      const session = await getJson('/api/auth/session').catch(() => null);
      if (session?.csrfToken) setCsrf(session.csrfToken);
      const answer = await request('POST', '/api/analyses', { json });
      state.cached = answer.data.cached;
      lastAnalysis = { id: answer.data.id, cached: state.cached };
      await poll(answer.data.id);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 401 || e.status === 403) showError(t('analysis.signin'));
      else if (e.status === 0) showError(t('analysis.unreachable'));
      else if (e.status >= 500) showError(t('analysis.serverError'));
      else showError(t('analysis.badRequest', { detail: Object.values(e.errors || {}).flat().join('；') || e.title || '' }));
    }
  }

  async function poll(id) {
    const view = await getJson(`/api/analyses/${encodeURIComponent(id)}`);
    state.view = view;
    renderStatus();
    if (view.status === 'running') state.timer = setTimeout(() => poll(id).catch(() => showError(t('analysis.unreachable'))), 400);
    else if (view.status === 'completed') renderResults();
  }

  function renderStatus() {
    const v = state.view;
    if (!v) return;
    status.dataset.status = v.status;
    bar.hidden = v.status !== 'running';
    bar.max = Math.max(1, v.total);
    bar.value = v.done;
    if (v.status === 'running') status.textContent = t('analysis.running', { done: v.done, total: v.total });
    else if (v.status === 'completed') status.textContent = t('analysis.completed', { total: v.total, seconds: v.elapsedSeconds.toFixed(1) }) + (state.cached ? ` ${t('analysis.cached')}` : '');
    else status.textContent = t('analysis.failed');
  }

  function chart(name, canvas, config) {
    state.charts[name]?.destroy();
    state.charts[name] = new window.Chart(canvas, config);
  }

  function renderResults() {
    const r = state.view?.results;
    if (!r) return;
    results.hidden = false;
    const base = outputValue(r.base, state.output);
    const rows = [...r.sensitivity]
      .map((p) => ({ name: t(`analysis.p.${p.parameter}`), low: outputValue(p.atLow, state.output) - base, high: outputValue(p.atHigh, state.output) - base, p }))
      .sort((a, b) => Math.max(Math.abs(b.low), Math.abs(b.high)) - Math.max(Math.abs(a.low), Math.abs(a.high)));
    chart('tornado', tornado, {
      type: 'bar',
      data: {
        labels: rows.map((x) => x.name),
        datasets: [
          { label: t('analysis.low'), data: rows.map((x) => x.low), backgroundColor: '#60a5fa' },
          { label: t('analysis.high'), data: rows.map((x) => x.high), backgroundColor: '#f97316' },
        ],
      },
      options: {
        indexAxis: 'y', animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { stacked: false, title: { display: true, text: t(`analysis.out.${state.output}`) } }, y: { stacked: true } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    morris.replaceChildren(h('caption', { text: t('analysis.morris') }),
      h('tr', {}, h('th', { text: t('analysis.col.parameter') }), h('th', { text: 'μ*' }), h('th', { text: 'σ' })),
      ...rows.map((x) => h('tr', {}, h('td', { text: x.name }),
        h('td', { text: scaled(x.p.morrisMuStar[state.output]) }), h('td', { text: scaled(x.p.morrisSigma[state.output]) }))));

    const sweep = r.sweep;
    const scale = moneyScale(Math.max(1, ...sweep.map((p) => p.result.grants)));
    const frontierPoints = sweep.filter((p) => p.frontier).sort((a, b) => a.result.grants - b.result.grants);
    chart('frontier', frontier, {
      type: 'scatter',
      data: {
        datasets: [
          { label: t('analysis.frontierLine'), data: frontierPoints.map((p) => ({ x: p.result.grants / scale.div, y: p.result.coverageAtDeadline * 100 })),
            showLine: true, borderColor: '#f97316', backgroundColor: '#f97316', pointRadius: 5 },
          { label: t('analysis.points'), data: sweep.map((p) => ({ x: p.result.grants / scale.div, y: p.result.coverageAtDeadline * 100 })),
            backgroundColor: '#60a5fa', pointRadius: 4 },
        ],
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { title: { display: true, text: `${t('analysis.grants')} (${scale.label})` } }, y: { title: { display: true, text: t('analysis.coverage') } } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    sweepTable.replaceChildren(h('caption', { text: t('analysis.sweepTable') }),
      h('tr', {}, ...['rate', 'cap', 'fund', 'coverage', 'pFull', 'additional', 'grants', 'cost', 'frontier'].map((k) => h('th', { text: t(`analysis.col.${k}`) }))),
      ...sweep.map((p) => h('tr', { dataset: { frontier: String(p.frontier) } },
        h('td', { text: pct(p.subsidyRate, 0) }), h('td', { text: money(p.projectCap) }), h('td', { text: money(p.annualFund) }),
        h('td', { text: pct(p.result.coverageAtDeadline) }), h('td', { text: pct(p.result.probabilityFullCoverage) }),
        h('td', { text: count(p.result.additionalCovered) }), h('td', { text: money(p.result.grants) }),
        h('td', { text: p.result.costPerNewlyCoveredFirm === null ? '—' : money(p.result.costPerNewlyCoveredFirm) }),
        h('td', { text: p.frontier ? t('analysis.yes') : '' }))));
  }

  function scaled(v) {
    const value = state.output === 'coverageAtDeadline' ? v * 100 : v;
    return Number(value).toFixed(3);
  }

  form.addEventListener('submit', (e) => { submit(e).catch((err) => showError(err.message)); });
  outputSelect.addEventListener('change', () => { state.output = outputSelect.value; renderResults(); });

  const title = h('h2', {});
  const intro = h('p', { class: 'analysis-intro' });
  const tornadoTitle = h('h3', {});
  const frontierTitle = h('h3', {});
  const outputLabel = h('label', {}, h('span', {}), outputSelect);
  function renderText() {
    title.textContent = t('analysis.title');
    intro.textContent = t('analysis.intro');
    tornadoTitle.textContent = t('analysis.tornado');
    frontierTitle.textContent = t('analysis.frontier');
    outputLabel.firstChild.textContent = t('analysis.output');
    renderForm();
    renderStatus();
    renderResults();
  }
  results.append(h('div', { class: 'analysis-chart' }, tornadoTitle, outputLabel, h('div', { class: 'analysis-canvas' }, tornado)), morris,
    h('div', { class: 'analysis-chart' }, frontierTitle, h('div', { class: 'analysis-canvas' }, frontier)), sweepTable);
  element.replaceChildren(title, intro, form, bar, status, results);
  renderText();
  const off = onLangChange(renderText);
  if (lastAnalysis) {
    state.cached = lastAnalysis.cached;
    poll(lastAnalysis.id).catch(() => showError(t('analysis.unreachable')));
  }
  return { unmount() { off(); clearTimeout(state.timer); Object.values(state.charts).forEach((c) => c.destroy()); element.replaceChildren(); } };
}
