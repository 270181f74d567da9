// The grant-pipeline forecast of the batch (its board's `forecast`): applications per review stage against the awards
// they are expected to bring (a bar chart and a table), the expected total and award month, and with a capped budget
// the month it is expected to run out and who would then wait, in waiting-list rank. Updated from each snapshot.
import { h, setText } from '../../dom.js';
import { t } from '../../i18n.js';
import { money, count, pct, month, dateTime } from '../../format.js';
import { setDefaults } from '../../charts.js';
import { stageLabel, countyLabel } from '../../grants.js';
import '../../strings/batch-forecast.js';

const awards = (n) => (Math.round(Number(n) * 10) / 10).toFixed(1);
const stageName = (s) => (s === 'disbursement' ? t('bf.awarded') : stageLabel(s));

export function batchForecastCard() {
  const meta = h('p', { class: 'muted small', 'data-testid': 'batch-forecast-meta' }, t('bf.pending'));
  const expected = h('b', { class: 'mid', 'data-testid': 'batch-forecast-expected' });
  const expectedN = h('span', { class: 'muted small', 'data-testid': 'batch-forecast-expected-n' });
  const awardMonth = h('b', { 'data-testid': 'batch-forecast-award-month' });
  const budget = h('b', { 'data-testid': 'batch-forecast-budget' });
  const runOut = h('span', { 'data-testid': 'batch-forecast-runout' });
  const facts = h('dl', { class: 'facts' },
    h('div', null, h('dt', null, t('bf.expected')), h('dd', null, expected, ' ', expectedN)),
    h('div', null, h('dt', null, t('bf.awardMonth')), h('dd', null, awardMonth)),
    h('div', null, h('dt', null, t('bf.budget')), h('dd', null, budget, ' ', runOut)));
  const canvas = h('canvas', { role: 'img', 'aria-label': t('bf.chart') });
  const stageBody = h('tbody');
  const stageTable = h('table', { class: 'data-table', 'data-testid': 'batch-forecast-stages' },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('bf.c.stage')),
      h('th', { scope: 'col', class: 'c-num' }, t('bf.c.now')), h('th', { scope: 'col', class: 'c-num' }, t('bf.c.amount')),
      h('th', { scope: 'col', class: 'c-num' }, t('bf.c.expected')), h('th', { scope: 'col', class: 'c-num' }, t('bf.c.expectedAmount')))),
    stageBody);
  const waitBody = h('tbody');
  const waitTable = h('table', { class: 'data-table', 'data-testid': 'batch-forecast-waiting' },
    h('thead', null, h('tr', null, h('th', { scope: 'col', class: 'c-num' }, t('g.rank')),
      h('th', { scope: 'col' }, t('g.c.enterprise')), h('th', { scope: 'col' }, t('bf.c.stage')),
      h('th', { scope: 'col', class: 'c-num' }, t('g.c.amount')), h('th', { scope: 'col' }, t('bf.c.month')))),
    waitBody);
  const content = h('div', { hidden: true }, facts, h('div', { class: 'fc-chart' }, canvas),
    h('p', { class: 'muted small chart-caption' }, t('bf.chart')),
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('bf.chart') }, stageTable),
    h('h3', { class: 'g-sub' }, t('bf.waiting')),
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('bf.waiting') }, waitTable));
  const el = h('section', { class: 'card g-forecast-card', 'aria-labelledby': 'h-g-forecast', 'data-testid': 'batch-forecast', 'data-state': 'pending' },
    h('header', { class: 'card-head' }, h('h2', { id: 'h-g-forecast' }, t('bf.title'))), meta, content);
  let chart = null;

  function ensureChart() {
    setDefaults();
    if (chart || !window.Chart) return chart;
    chart = new window.Chart(canvas, {
      type: 'bar',
      data: { labels: [], datasets: [
        { label: t('bf.current'), data: [], backgroundColor: 'rgba(148, 178, 216, 0.55)', borderColor: '#94b2d8', borderWidth: 1, maxBarThickness: 28 },
        { label: t('bf.expectedAwards'), data: [], backgroundColor: 'rgba(251, 191, 36, 0.8)', borderColor: '#fbbf24', borderWidth: 1, maxBarThickness: 28 },
      ] },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { position: 'top', labels: { boxWidth: 12, boxHeight: 10 } } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { autoSkip: false, maxRotation: 45 } } },
      },
    });
    return chart;
  }

  function update(b) {
    const f = b?.forecast;
    const over = b && b.status !== 'open' && b.status !== 'reviewing';
    if (!f) {
      el.dataset.state = over ? 'over' : 'pending';
      setText(meta, over ? t('bf.over') : t('bf.pending'));
      content.hidden = true;
      return;
    }
    el.dataset.state = 'ready';
    el.dataset.forVersion = String(f.forVersion);
    content.hidden = false;
    setText(meta, t('bf.meta', { month: month(f.asOf), subsidy: pct(f.passRates?.subsidy), reward: pct(f.passRates?.reward), time: dateTime(f.computedAt) }));
    setText(expected, money(f.expectedAmount));
    setText(expectedN, t('bf.expectedN', { n: awards(f.expectedAwards) }));
    setText(awardMonth, f.awardMonth ? month(f.awardMonth) : '—');
    if (f.budget === null || f.budget === undefined) {
      setText(budget, t('g.k.uncapped'));
      setText(runOut, t('bf.uncapped'));
    } else {
      setText(budget, money(f.budget));
      setText(runOut, f.runsOutIn
        ? `${t('bf.runsOut', { month: month(f.runsOutIn) })}${t('bf.sep')}${t('bf.shortfall', { amount: money(f.shortfall) })}`
        : `${t('bf.fits')}${t('bf.sep')}${t('bf.left', { amount: money(f.budget - f.expectedAmount) })}`);
    }
    runOut.className = f.runsOutIn ? 'bad' : 'muted';
    el.dataset.runsOut = f.runsOutIn || '';

    const stages = f.stages || [];
    stageBody.replaceChildren(...stages.map((s) => h('tr', { 'data-testid': 'batch-forecast-stage', 'data-stage': s.stage },
      h('th', { scope: 'row' }, stageName(s.stage)),
      h('td', { class: 'c-num' }, count(s.applications)),
      h('td', { class: 'c-num' }, money(s.amount)),
      h('td', { class: 'c-num' }, awards(s.expectedAwards)),
      h('td', { class: 'c-num strong' }, money(s.expectedAmount)))));
    const waiting = f.waiting || [];
    waitBody.replaceChildren(...(waiting.length === 0
      ? [h('tr', null, h('td', { colspan: 5, class: 'empty', 'data-testid': 'batch-forecast-no-waiting' },
        f.budget === null || f.budget === undefined ? t('bf.uncapped') : t('bf.noWaiting')))]
      : waiting.map((w) => h('tr', { 'data-testid': 'batch-forecast-waiting-row', 'data-application': String(w.applicationId) },
        h('td', { class: 'c-num' }, String(w.rank)),
        h('td', null, w.enterpriseName, h('span', { class: 'sub' }, `${w.projectName} · ${countyLabel(w.countyId)}`)),
        h('td', null, stageLabel(w.stage), w.waitingNow ? h('span', { class: 'sub' }, t('bf.waitingNow')) : null),
        h('td', { class: 'c-num' }, money(w.amount)),
        h('td', null, month(w.month))))));

    const c = ensureChart();
    if (c) {
      c.data.labels = stages.map((s) => stageName(s.stage));
      c.data.datasets[0].data = stages.map((s) => s.applications);
      c.data.datasets[1].data = stages.map((s) => Math.round(Number(s.expectedAwards) * 10) / 10);
      c.update();
    }
  }

  return { el, update, destroy: () => chart?.destroy() };
}
