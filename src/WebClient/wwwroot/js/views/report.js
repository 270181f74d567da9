// The monthly scheduling report (月调度通报, #/report?month=YYYY-MM): the bureau's document as a page — printable (print
// CSS: A4, no app chrome) — with the DOCX download beside it. City staff only; everything is set as text, never markup.
import { h } from '../dom.js';
import { t, getLang, countyName } from '../i18n.js';
import { pct, month, dateTime } from '../format.js';
import { download, loadCounties, counties } from '../api.js';
import { session, onSession, isCity } from '../session.js';
import { toast } from '../forms.js';
import '../strings/report.js';

const fixed2 = (v) => Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const yi = (yuan) => fixed2(Number(yuan) / 1e8);
const wan = (yuan) => fixed2(Number(yuan) / 1e4);
const points = (d) => (Math.abs(d) * 100).toFixed(1);

function table(head, rows, numeric = []) {
  return h('table', null,
    h('thead', null, h('tr', null, head.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, rows.map((r) => h('tr', null, r.map((c, i) => h('td', { class: numeric.includes(i) ? 'num' : null }, c))))));
}

function value(unit, v) {
  if (unit === 'yuan') return yi(v);
  if (unit === 'share') return pct(v);
  return Number(v).toLocaleString('en-US');
}

function forecastValue(key, v) {
  if (key === 'completedThisYear' || key === 'investmentThisYear') return yi(v) + (getLang() === 'en' ? ' (100 m)' : ' 亿元');
  if (key === 'coverage') return pct(v);
  return Number(v).toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** A county's name in the reader's language (never its id). */
function county(id, fallback) {
  const c = counties().find((x) => x.id === id);
  return c ? countyName(c) : fallback || id;
}

function render(r) {
  const en = getLang() === 'en';
  const figureName = (key) => r.figures.find((f) => f.key === key)?.[en ? 'labelEn' : 'label'] ?? key;
  const calendar = (f) => f.aheadOfCalendar === null || f.aheadOfCalendar === undefined ? '—'
    : f.key === 'coverage' ? (f.aheadOfCalendar >= 0 ? t('report.met') : t('report.gap', { d: points(f.aheadOfCalendar) }))
      : f.aheadOfCalendar >= 0 ? t('report.ahead', { d: points(f.aheadOfCalendar) }) : t('report.behind', { d: points(f.aheadOfCalendar) });
  const doc = h('article', { class: 'report-doc', 'data-testid': 'report-doc' },
    h('h1', null, t('report.title')),
    h('p', { class: 'report-sub' }, `（${month(r.month)}）`),
    h('p', { class: 'report-sub' }, t('report.sub', { m: month(r.month), p: pct(r.calendarProgress), d: r.dueDate })),
    h('h2', null, t('report.s1')),
    h('p', { class: 'report-unit' }, t('report.unitYi')),
    table([t('report.col.figure'), t('report.col.target'), t('report.col.actual'), t('report.col.ofTarget'), t('report.col.calendar'), t('report.col.status')],
      r.figures.map((f) => [en ? f.labelEn : f.label, value(f.unit, f.target), value(f.unit, f.actual), f.ofTarget === null ? '—' : pct(f.ofTarget), calendar(f), t('report.rag.' + f.status)]),
      [1, 2, 3]),
    h('h2', null, t('report.s2')),
    r.first && r.last ? h('p', null, t('report.firstLast', { f: countyName(r.first), fs: r.first.score.toFixed(2), l: countyName(r.last), ls: r.last.score.toFixed(2) })) : null,
    h('p', { class: 'report-unit' }, t('report.unitWan')),
    table([t('report.col.rank'), t('report.col.county'), t('report.col.score'), t('report.col.coverage'), t('report.col.projects'), t('report.col.completed'), t('report.col.completedTarget'), t('report.col.ofTarget'), t('report.col.note')],
      r.league.map((c) => [String(c.rank), countyName(c), c.score.toFixed(2), `${pct(c.coverage)}（${c.covered}/${c.aboveScale}）`, `${c.projectsThisYear}/${c.projectsTarget}`,
        wan(c.completedThisYear), wan(c.completedTarget), c.completedTarget > 0 ? pct(c.completedThisYear / c.completedTarget) : '—',
        c.id === r.first?.id ? t('report.first') : c.id === r.last?.id ? t('report.last') : '']),
      [2, 5, 6, 7]),
    h('h2', null, t('report.s3')),
    h('p', null, t('report.schedule', { due: r.scheduleDue, rep: r.scheduleReported, p: r.scheduleDue > 0 ? pct(r.scheduleReported / r.scheduleDue) : '—', d: r.dueDate })),
    h('h2', null, t('report.s4')),
    r.warnings === null || r.warnings === undefined ? h('p', { 'data-testid': 'report-warnings-none' }, t('report.warningsNotComputed'))
      : r.warnings.length === 0 ? h('p', null, t('report.noWarnings'))
        : table([t('report.col.level'), t('report.col.figure'), t('report.col.scope'), t('report.col.reason'), t('report.col.since')],
          r.warnings.map((w) => [t(w.level === 'red' ? 'report.red' : 'report.amber'), figureName(w.target),
            w.countyId ? county(w.countyId) : t('report.city'), (en && w.reasonEn) || w.reason, dateTime(w.since)])),
    h('h2', null, t('report.s5')),
    !r.forecast ? h('p', { 'data-testid': 'report-forecast-none' }, t('report.forecastNotComputed'))
      : [h('p', { 'data-testid': 'report-forecast' }, t('report.forecastNote', { m: month(r.forecast.asOf), n: r.forecast.runs, d: month(r.forecast.deadline) })),
        table([t('report.col.figure'), t('report.col.target'), t('report.col.expected'), t('report.col.band'), t('report.col.probability')],
          Object.entries(r.forecast.targets).map(([k, f]) => [figureName(k), forecastValue(k, f.target), forecastValue(k, f.expected),
            `${forecastValue(k, f.p5)} – ${forecastValue(k, f.p95)}`, pct(f.probability, 0)]))],
    h('h2', null, t('report.s6')),
    r.keyProjects.length === 0 ? h('p', null, t('report.noKey')) : [h('p', { class: 'report-unit' }, t('report.unitWan')),
      table([t('report.col.county'), t('report.col.firm'), t('report.col.project'), t('report.col.total'), t('report.col.planned'), t('report.col.thisYear'), t('report.col.progress'), t('report.col.problems')],
        r.keyProjects.map((p) => [county(p.countyId, p.county), p.enterprise, p.name, wan(p.totalInvestment), wan(p.plannedThisYear), wan(p.completedThisYear),
          p.progressPercent === null ? t('report.notReported') : `${p.progressPercent}%${p.progress ? '，' + p.progress : ''}`, p.problems || '']),
        [3, 4, 5])]);
  return doc;
}

export function mountReport(main, ctx, route) {
  ctx.setTitle(t('nav.report'));
  ctx.setCrumbs([{ label: t('nav.report') }]);
  const monthInput = h('input', { type: 'month', id: 'report-month', value: route?.query?.get('month') || '', 'data-testid': 'report-month' });
  const body = h('div', { 'data-testid': 'report-body' }, h('p', { class: 'loading' }, t('board.loading')));
  const selected = () => monthInput.value || route?.query?.get('month') || '';
  const tools = h('div', { class: 'report-tools' },
    h('span', { class: 'field inline' }, h('label', { for: 'report-month' }, t('report.month')), monthInput),
    h('button', { type: 'button', class: 'btn', onclick: () => { window.location.hash = '#/report' + (selected() ? '?month=' + selected() : ''); } }, t('report.show')),
    h('button', {
      type: 'button', class: 'btn btn-primary', 'data-testid': 'report-docx',
      onclick: async () => {
        try { await download(`/api/reports/monthly?format=docx${selected() ? '&month=' + encodeURIComponent(selected()) : ''}`, 'report.docx'); }
        catch { toast(t('report.error'), 'error'); }
      },
    }, t('report.docx')),
    h('button', { type: 'button', class: 'btn', onclick: () => window.print() }, t('report.print')));
  main.append(h('div', { class: 'report-page' }, tools, body));

  let controller = null;
  async function load() {
    if (!session().loaded) return;
    if (!isCity()) { body.replaceChildren(h('p', { class: 'banner' }, t('report.cityOnly'))); return; }
    controller?.abort();
    controller = new AbortController();
    const m = route?.query?.get('month');
    try {
      const res = await fetch('/api/reports/monthly' + (m ? '?month=' + encodeURIComponent(m) : ''), { headers: { Accept: 'application/json' }, signal: controller.signal, cache: 'no-store' });
      const data = await res.json().catch(() => null);
      await loadCounties().catch(() => []);
      if (res.ok && data) {
        if (!monthInput.value) monthInput.value = data.month;
        body.replaceChildren(render(data));
      } else if (res.status === 400) {
        const why = data?.firstMonth ? `${month(data.firstMonth)} – ${month(data.lastMonth)}` : m;
        body.replaceChildren(h('p', { class: 'banner' }, t('report.badMonth', { why })));
      } else body.replaceChildren(h('p', { class: 'banner' }, res.status === 401 || res.status === 403 ? t('report.cityOnly') : t('report.error')));
    } catch (e) {
      if (e.name !== 'AbortError') body.replaceChildren(h('p', { class: 'banner' }, t('report.error')));
    }
  }
  const off = onSession(load);
  load();
  return { destroy() { controller?.abort(); off(); } };
}
