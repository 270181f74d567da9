// A scenario's results: coverage over time with its 5–95 % band per policy, the probability of full coverage by the
// deadline for the city and each county, each policy against its no-subsidy twin, the policies side by side, and the
// simulated funding batches. Money through the app's one formatter.
import { h } from '../../dom.js';
import { t, countyName, paren } from '../../i18n.js';
import { money, pct, month } from '../../format.js';
import { setDefaults } from '../../charts.js';

const L = (key) => t('sc.' + key);
const num = (v, digits = 1) => (v === null || v === undefined ? '—' : Number(v).toLocaleString('en-US', { maximumFractionDigits: digits }));
const armLabel = (name) => (t('sc.arm.' + name) === 'sc.arm.' + name ? name : t('sc.arm.' + name));
// Each policy has its own no-subsidy twin, named "no-subsidy · {policy}".
const armName = (name) => (name.startsWith('no-subsidy · ') ? `${t('sc.arm.no-subsidy')} · ${armLabel(name.slice(13))}` : armLabel(name));
// Colour-blind-safe (Okabe–Ito) with a dashed grey twin.
const COLORS = ['#56B4E9', '#E69F00', '#CC79A7', '#009E73', '#F0E442'];
const armColor = (arms, i) => (i === arms.length - 1 ? '#9aa5b4' : COLORS[i % COLORS.length]);

function card(title, testid, body) {
  return h('section', { class: 'card' }, h('header', { class: 'card-head' }, h('h2', null, title)), body);
}

export function scenarioResults() {
  const canvas = h('canvas', { 'data-testid': 'coverage-chart', role: 'img', 'aria-label': L('coverageChart') });
  const targets = h('table', { class: 'data-table sc-table', 'data-testid': 'targets' });
  const compare = h('table', { class: 'data-table sc-table', 'data-testid': 'comparison' });
  const arms = h('table', { class: 'data-table sc-table' });
  const batches = h('table', { class: 'data-table sc-table' });
  const chartCard = card(L('coverageChart'), 'chart', h('div', { class: 'sc-chart' }, canvas));
  const el = h('div', { class: 'sc-results-body', hidden: true },
    chartCard,
    h('div', { class: 'sc-grid' }, card(L('targets'), 'targets', h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': L('targets') }, targets)),
      card(L('comparison'), 'comparison', h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': L('comparison') }, compare))),
    card(L('sideBySide'), 'arms', h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': L('sideBySide') }, arms)),
    card(L('batches'), 'batches', h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': L('batches') }, batches)));
  let chart = null;

  function renderChart(view) {
    if (!window.Chart) return;
    setDefaults();
    const list = view.results.arms;
    const labels = list[0].months.map((m) => month(m.month));
    const datasets = [];
    list.forEach((arm, i) => {
      const color = armColor(list, i);
      const name = armName(arm.name);
      datasets.push({ label: `${name} ${L('band')}`, data: arm.months.map((m) => m.bands.coverage.p5 * 100), borderWidth: 0, pointRadius: 0, fill: false, borderColor: 'transparent' });
      datasets.push({ label: `${name} 95%`, data: arm.months.map((m) => m.bands.coverage.p95 * 100), borderWidth: 0, pointRadius: 0, fill: '-1', backgroundColor: color + '33', borderColor: 'transparent' });
      datasets.push({ label: name, data: arm.months.map((m) => m.coverage * 100), borderColor: color, backgroundColor: color, borderWidth: 2, pointRadius: 0, fill: false, borderDash: i === list.length - 1 ? [6, 4] : [] });
    });
    const options = {
      responsive: true, maintainAspectRatio: false, animation: false,
      scales: { y: { title: { display: true, text: `${L('coverage')} %` } }, x: { ticks: { maxTicksLimit: 12 } } },
      plugins: {
        legend: { labels: { filter: (item) => !item.text.endsWith('95%') && !item.text.endsWith(L('band')) } },
        tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${c.parsed.y.toFixed(1)}%` } },
      },
    };
    if (chart && chart.data.datasets.length === datasets.length) {
      chart.data.labels = labels;
      chart.data.datasets.forEach((d, i) => Object.assign(d, datasets[i]));
      chart.options = options;
      chart.update('none');
    } else {
      chart?.destroy();
      chart = new window.Chart(canvas, { type: 'line', data: { labels, datasets }, options });
    }
  }

  const bar = (share, twin) => h('span', null,
    h('span', { class: 'sc-bar' + (twin ? ' twin' : ''), style: { width: Math.round(Number(share) * 80) + 'px' } }), pct(share, 0));
  const tr = (...cells) => h('tr', null, ...cells);
  const th = (x) => h('th', { scope: 'col' }, x);
  const td = (x) => h('td', null, x);

  function render(view) {
    const results = view?.results;
    const has = !!results && results.months.length > 0;
    el.hidden = !has;
    if (!has) return;
    renderChart(view);
    const list = results.arms;
    const at = results.months.find((x) => x.month === results.judgedAt) ?? results.months[results.months.length - 1];
    targets.replaceChildren(
      tr(th(L('county') + paren(`${L('judgedAt')} ${month(results.judgedAt)}`)), th(L('coverageAt')), ...list.map((a) => th(`${L('probability')} · ${armName(a.name)}`))),
      tr(td(h('strong', null, L('city'))), td(pct(at?.coverage)), ...list.map((a, i) => td(bar(a.probabilityFullCoverage, i === list.length - 1)))),
      ...results.counties.map((c, k) => tr(td(countyName({ name: c.name, nameEn: c.nameEn, id: c.id })), td(pct(c.coverageAtDeadline)),
        ...list.map((a, i) => td(bar(a.counties[k].probabilityFullCoverage, i === list.length - 1))))));

    const withTwin = list.filter((a) => a.comparison);
    const band = (v, b) => num(v) + paren(`${num(b.p5, 0)}–${num(b.p95, 0)}`);
    const rows = [
      ['additionalProjects', (c) => band(c.additionalProjects, c.additionalProjectsBand)],
      ['additionalInvestment', (c) => money(c.additionalInvestment)],
      ['additionalCompleted', (c) => money(c.additionalInvestmentCompleted)],
      ['additionalCovered', (c) => band(c.additionalCovered, c.additionalCoveredBand)],
      ['grants', (c) => money(c.grants)],
      ['leverage', (c) => (c.leverageRatio === null ? '—' : num(c.leverageRatio, 2))],
      ['perYuan', (c) => (c.additionalInvestmentPerYuan === null ? '—' : num(c.additionalInvestmentPerYuan, 2))],
      ['costPerFirm', (c) => money(c.costPerNewlyCoveredFirm)],
    ];
    compare.replaceChildren(tr(th(''), ...withTwin.map((a) => th(armName(a.name)))),
      ...rows.map(([key, f]) => tr(td(L(key)), ...withTwin.map((a) => td(f(a.comparison))))));

    const last = (a) => a.months[a.months.length - 1];
    const armRows = [
      ['coverage', (a) => pct(last(a).coverage) + paren(`${pct(last(a).bands.coverage.p5)}–${pct(last(a).bands.coverage.p95)}`)],
      ['covered', (a) => num(last(a).covered)],
      ['projects', (a) => num(last(a).projects)],
      ['totalInvestment', (a) => money(last(a).totalInvestment)],
      ['completedInvestment', (a) => money(last(a).investmentCompleted)],
      ['grants', (a) => money(last(a).grantsAwarded)],
      ['fullProb', (a) => pct(a.probabilityFullCoverage, 0)],
    ];
    arms.replaceChildren(tr(th(''), ...list.map((a) => th(armName(a.name)))),
      ...armRows.map(([key, f]) => tr(td(L(key)), ...list.map((a) => td(f(a))))));

    batches.replaceChildren(tr(...['batch', 'call', 'award', 'applications', 'requested', 'awards', 'awarded'].map((k) => th(L(k)))),
      ...results.batches.map((b) => tr(td(b.id + (b.complete ? '' : L('inProgress'))), td(month(b.callMonth)), td(month(b.awardMonth)),
        td(num(b.applications)), td(money(b.requested)), td(num(b.awarded)), td(money(b.awardedAmount)))));
  }

  return { el, render, destroy() { chart?.destroy(); chart = null; } };
}
