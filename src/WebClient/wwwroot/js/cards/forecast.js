// The live forecast card (expected value, 5–95 % band and chance of meeting each target by the deadline, with a chart)
// and the early-warning panel (level with shape and words, reason, since) of a board (issue 15, items 1–2).
import { h, setText } from '../dom.js';
import { t, getLang } from '../i18n.js';
import { pct, count, money, month, dateTime } from '../format.js';
import { setDefaults } from '../charts.js';
import '../strings/forecast.js';

const KEYS = ['coverage', 'projectsThisYear', 'completedThisYear'];

function value(key, v) {
  if (key === 'coverage') return pct(v);
  if (key === 'completedThisYear') return money(v);
  return count(Math.round(Number(v) * 10) / 10);
}

function outlook(p) {
  return p >= 0.8 ? 'likely' : p >= 0.5 ? 'uncertain' : 'unlikely';
}

const RAG = { likely: 'green', uncertain: 'amber', unlikely: 'red' };
const GLYPHS = { green: '✓', amber: '!', red: '✕' };

function mark(level, label) {
  return h('span', { class: `rag rag-${level}`, role: 'img', 'aria-label': label, title: label }, GLYPHS[level]);
}

export function forecastCard(prefix) {
  const title = h('h2', { id: `h-${prefix}-fc` }, t('fc.title', { deadline: '—' }));
  const meta = h('p', { class: 'muted small', 'data-testid': `${prefix}-forecast-meta` }, t('fc.pending'));
  const tbody = h('tbody');
  const table = h('table', { class: 'fc-table' },
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, t('fc.target')), h('th', { scope: 'col', class: 'c-num' }, t('fc.goal')),
      h('th', { scope: 'col', class: 'c-num' }, t('fc.expected')), h('th', { scope: 'col', class: 'c-num' }, t('fc.band')),
      h('th', { scope: 'col', class: 'c-num' }, t('fc.probability')))),
    tbody);
  const canvas = h('canvas', { role: 'img', 'aria-label': t('fc.chart') });
  const el = h('section', { class: 'card forecast-card', 'aria-labelledby': `h-${prefix}-fc`, 'data-testid': `${prefix}-forecast` },
    h('header', { class: 'card-head' }, title), meta, table,
    h('div', { class: 'fc-chart' }, canvas), h('p', { class: 'muted small chart-caption' }, t('fc.chart')));
  let chart = null;

  function ensureChart() {
    setDefaults();
    if (chart || !window.Chart) return chart;
    chart = new window.Chart(canvas, {
      type: 'bar',
      data: { labels: [], datasets: [
        { label: t('fc.chartBand'), data: [], backgroundColor: 'rgba(56, 189, 248, 0.45)', borderColor: '#38bdf8', borderWidth: 1, barThickness: 14 },
        { type: 'scatter', label: t('fc.chartExpected'), data: [], backgroundColor: '#fbbf24', borderColor: '#fbbf24', pointRadius: 6, pointStyle: 'rectRot' },
      ] },
      options: {
        indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { position: 'top', labels: { boxWidth: 12, boxHeight: 10 } },
          tooltip: { callbacks: { label: (i) => Array.isArray(i.raw) ? ` ${i.raw[0]}–${i.raw[1]} %` : ` ${i.raw?.x ?? i.raw} %` } } },
        scales: { x: { suggestedMin: 80, suggestedMax: 110, title: { display: true, text: '%' } }, y: { type: 'category' } },
      },
    });
    return chart;
  }

  function update(s) {
    const f = s?.forecast;
    if (!f) { setText(meta, t('fc.pending')); el.dataset.state = 'pending'; return; }
    el.dataset.state = 'ready';
    setText(title, t('fc.title', { deadline: month(f.deadline) }));
    setText(meta, t('fc.asOf', { month: month(f.asOf), runs: f.runs, time: dateTime(f.computedAt) }));
    const keys = KEYS.filter((k) => f.targets?.[k]);
    tbody.replaceChildren(...keys.map((k) => {
      const x = f.targets[k];
      const o = outlook(x.probability);
      return h('tr', { 'data-testid': 'forecast-row', 'data-key': k, 'data-probability': String(x.probability) },
        h('th', { scope: 'row' }, t('fc.key.' + k)),
        h('td', { class: 'c-num' }, value(k, x.target)),
        h('td', { class: 'c-num strong' }, value(k, x.expected)),
        h('td', { class: 'c-num muted' }, `${value(k, x.p5)} – ${value(k, x.p95)}`),
        h('td', { class: 'c-num fc-prob' }, mark(RAG[o], t('fc.' + o)), ' ',
          h('b', { 'data-testid': 'forecast-probability' }, pct(x.probability, 0)), ' ', h('span', { class: 'muted small' }, t('fc.' + o))));
    }));
    const c = ensureChart();
    if (c) {
      const share = (v, target) => (Number(target) > 0 ? Math.round((Number(v) / Number(target)) * 1000) / 10 : 100);
      const labels = keys.map((k) => t('fc.key.' + k));
      c.data.labels = labels;
      c.data.datasets[0].data = keys.map((k) => [share(f.targets[k].p5, f.targets[k].target), share(f.targets[k].p95, f.targets[k].target)]);
      c.data.datasets[1].data = keys.map((k, i) => ({ x: share(f.targets[k].expected, f.targets[k].target), y: labels[i] }));
      c.update();
    }
  }

  return { el, update, destroy: () => chart?.destroy() };
}

export function warningsPanel(prefix, { max = 6 } = {}) {
  const summary = h('span', { class: 'muted small', 'data-testid': `${prefix}-warnings-summary` });
  const list = h('ol', { class: 'warn-list', 'data-testid': `${prefix}-warnings` });
  const toggle = h('button', { type: 'button', class: 'btn link warn-more', hidden: true, onclick: () => { expanded = !expanded; render(); } });
  const el = h('section', { class: 'card warnings-card', 'aria-labelledby': `h-${prefix}-warn` },
    h('header', { class: 'card-head' }, h('h2', { id: `h-${prefix}-warn` }, t('warn.title')), summary), list, toggle);
  let warnings = [];
  let expanded = false;

  function render() {
    const en = getLang() === 'en';
    const shown = expanded ? warnings : warnings.slice(0, max);
    if (!warnings.length) list.replaceChildren(h('li', { class: 'muted', 'data-testid': 'warnings-none' }, t('warn.none')));
    else list.replaceChildren(...shown.map((w) => h('li', {
      class: 'warn warn-' + w.level, 'data-testid': 'warning', 'data-rule': w.rule, 'data-level': w.level,
      'data-county': w.countyId ?? '', 'data-enterprise': w.enterpriseId ?? '',
    },
      mark(w.level === 'red' ? 'red' : 'amber', t('warn.' + w.level)),
      h('span', { class: 'warn-level' }, t('warn.' + w.level)),
      h('span', { class: 'warn-reason' }, en ? w.reasonEn : w.reason),
      h('span', { class: 'muted small warn-since' }, t('warn.since', { time: dateTime(w.since) })))));
    toggle.hidden = warnings.length <= max;
    setText(toggle, expanded ? t('warn.less') : t('warn.more', { n: warnings.length - max }));
  }

  function update(s) {
    warnings = Array.isArray(s?.warnings) ? s.warnings : [];
    const red = warnings.filter((w) => w.level === 'red').length;
    setText(summary, t('warn.summary', { red, amber: warnings.length - red }));
    el.dataset.red = String(red);
    render();
  }

  return { el, update, counts: () => ({ red: warnings.filter((w) => w.level === 'red').length, all: warnings.length }) };
}
