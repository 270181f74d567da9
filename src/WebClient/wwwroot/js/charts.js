// Chart.js (vendored UMD build, global `Chart`) helpers.
import { t, paren } from './i18n.js';
import { money, moneyScale, shortMonth, month } from './format.js';

const COLORS = {
  text: '#c9d6e8',
  grid: 'rgba(148, 178, 216, 0.16)',
  bar: 'rgba(56, 189, 248, 0.75)',
  barBorder: '#38bdf8',
  line: '#fbbf24',
  pace: '#f472b6',
};

let defaultsSet = false;
export function setDefaults() {
  if (defaultsSet || !window.Chart) return;
  defaultsSet = true;
  const C = window.Chart;
  C.defaults.color = COLORS.text;
  C.defaults.borderColor = COLORS.grid;
  C.defaults.font.family = getComputedStyle(document.body).fontFamily;
  C.defaults.font.size = 14;
}

function monthsOfYear(year) {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/**
 * Monthly completion trend: bars per month (right axis), cumulative line and target pace line (left axis).
 * Returns {update(snapshot), destroy()}.
 */
export function trendChart(canvas, { onMonth } = {}) {
  setDefaults();
  if (!window.Chart) return { update() {}, destroy() {} };
  let scale = { div: 1e8, label: '' };
  const chart = new window.Chart(canvas, {
    data: {
      labels: [],
      datasets: [
        { type: 'bar', label: t('trend.monthly'), data: [], yAxisID: 'yMonth', order: 3,
          backgroundColor: COLORS.bar, borderColor: COLORS.barBorder, borderWidth: 1, borderRadius: 3, maxBarThickness: 36 },
        { type: 'line', label: t('trend.cumulative'), data: [], yAxisID: 'yCum', order: 1,
          borderColor: COLORS.line, backgroundColor: COLORS.line, borderWidth: 3, pointRadius: 3, tension: 0.25 },
        { type: 'line', label: t('trend.pace'), data: [], yAxisID: 'yCum', order: 2,
          borderColor: COLORS.pace, backgroundColor: COLORS.pace, borderWidth: 2, borderDash: [7, 5], pointRadius: 0 },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: { duration: 400 },
      interaction: { mode: 'index', intersect: false },
      // A month of the trend opens the board as of that month (only months with figures).
      onClick: onMonth ? (evt, items) => { const m = items[0] && chart.data.datasets[0].data[items[0].index]; if (m && m.y !== null) onMonth(m.m); } : undefined,
      onHover: onMonth ? (evt, items) => { canvas.classList.toggle('clickable', items.length > 0); } : undefined,
      plugins: {
        legend: { position: 'top', align: 'center', labels: { boxWidth: 14, boxHeight: 10, padding: 14, sort: (a, b) => a.datasetIndex - b.datasetIndex } },
        tooltip: {
          callbacks: {
            title: (items) => (items[0] ? month(items[0].raw?.m ?? chart.data.labels[items[0].dataIndex]) : ''),
            label: (item) => ` ${item.dataset.label}: ${money((item.raw?.y ?? item.parsed.y) * scale.div)}`,
          },
        },
      },
      parsing: { xAxisKey: 'x', yAxisKey: 'y' },
      scales: {
        x: { grid: { display: false } },
        yCum: { position: 'left', beginAtZero: true, title: { display: true, text: '' } },
        yMonth: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: '' } },
      },
    },
  });

  function update(s) {
    if (!s) return;
    const year = s.programmeYear || Number(String(s.reportingMonth || '').slice(0, 4)) || new Date().getFullYear();
    const months = monthsOfYear(year);
    const trend = Array.isArray(s.trend) ? s.trend : [];
    const byMonth = new Map(trend.map((p) => [p.month, p]));
    const target = Number(s.targets?.completedThisYear) || 0;
    const maxCum = Math.max(target, ...trend.map((p) => Number(p.cumulative) || 0));
    scale = moneyScale(maxCum);
    const labels = months.map((m) => shortMonth(m));
    const round = (v) => Math.round((v / scale.div) * 100) / 100;
    chart.data.labels = labels;
    chart.data.datasets[0].data = months.map((m, i) => ({ x: labels[i], y: byMonth.has(m) ? round(byMonth.get(m).completed) : null, m }));
    chart.data.datasets[1].data = months.map((m, i) => ({ x: labels[i], y: byMonth.has(m) ? round(byMonth.get(m).cumulative) : null, m }));
    chart.data.datasets[2].data = months.map((m, i) => ({ x: labels[i], y: round((target * (i + 1)) / 12), m }));
    // Keep the monthly bars in the lower part of the plot so the cumulative line reads above them.
    const maxMonth = Math.max(0, ...trend.map((p) => Number(p.completed) || 0)) / scale.div;
    chart.options.scales.yMonth.suggestedMax = maxMonth * 2.2;
    chart.options.scales.yCum.suggestedMax = (maxCum / scale.div) * 1.05;
    chart.options.scales.yCum.title.text = t('trend.axisCumulative') + paren(scale.label);
    chart.options.scales.yMonth.title.text = t('trend.axisMonthly') + paren(scale.label);
    chart.update();
  }

  return { update, destroy: () => chart.destroy(), chart };
}
