// County board (#/county/{id}): the county's figures, its enterprises (paged), its uncovered firms.
import { h, setText } from '../dom.js';
import { t, countyName } from '../i18n.js';
import { loadCounties, loadSectors, counties } from '../api.js';
import { boardKpis, statusChips } from '../widgets.js';
import { trendChart } from '../charts.js';
import { boardHead } from '../board-head.js';
import { replyReadings } from '../cards/reply-readings.js';
import { projectDatabaseCard } from '../cards/project-database.js';
import { scheduleCard } from '../cards/schedule.js';
import { moreTargetsCard } from '../cards/more-targets.js';
import { enterpriseTable, planList } from '../table.js';
import { canWriteCounty, isCity, onSession } from '../session.js';
import { asOfOf, follow, pastBanner, boardHash } from '../past.js';
import { forecastCard, warningsPanel } from '../cards/forecast.js';

export function mountCounty(main, countyId, ctx, route) {
  const asOf = asOfOf(route);
  let destroyed = false;
  const cleanups = [];
  const loading = h('p', { class: 'loading' }, t('board.loading'));
  main.append(loading);

  Promise.all([loadCounties(), loadSectors().catch(() => [])]).then(() => {
    if (destroyed) return;
    loading.remove();
    const known = counties().find((c) => c.id === countyId);
    if (!known) {
      main.append(h('div', { class: 'card notfound' },
        h('h1', null, t('board.notFound', { id: countyId })),
        h('p', null, h('a', { href: '#/' }, t('board.back')))));
      ctx.setCrumbs([{ label: countyId }]);
      return;
    }
    build(known);
  }).catch(() => {
    if (destroyed) return;
    loading.textContent = t('board.error');
    // Try again shortly: the server may be starting.
    const retry = setTimeout(() => { if (!destroyed) { main.replaceChildren(); const again = mountCounty(main, countyId, ctx); cleanups.push(() => again.destroy()); } }, 5000);
    cleanups.push(() => clearTimeout(retry));
  });

  function build(county) {
    const name = countyName(county);
    ctx.setTitle(name);
    ctx.setCrumbs([{ label: name, href: `#/county/${encodeURIComponent(countyId)}` }]);

    const head = boardHead(t('county.title', { name }), 'county');
    const rankEl = h('b', { 'data-testid': 'county-rank' }, '—');
    const switchId = 'county-switch';
    const switcher = h('select', {
      id: switchId,
      onchange: (e) => { window.location.hash = boardHash(e.target.value, asOf); },
    }, counties().map((c) => h('option', { value: c.id, selected: c.id === countyId }, countyName(c))));
    // People who may change this county's firms get a way into its workspace.
    const wsLink = h('a', {
      class: 'btn', 'data-testid': 'open-workspace',
      href: '#/workspace' + (isCity() ? `?county=${encodeURIComponent(countyId)}` : ''), hidden: !canWriteCounty(countyId),
    }, t('ws.open'));
    cleanups.push(onSession(() => {
      wsLink.hidden = !canWriteCounty(countyId);
      wsLink.setAttribute('href', '#/workspace' + (isCity() ? `?county=${encodeURIComponent(countyId)}` : ''));
    }));
    head.extra.append(
      wsLink,
      h('span', { class: 'rank-pill' }, t('county.rank') + ' ', rankEl),
      h('span', { class: 'field inline' }, h('label', { for: switchId }, t('county.switch')), switcher));

    const chips = statusChips();
    const kpis = boardKpis('county');
    const canvas = h('canvas', { role: 'img', 'aria-label': t('trend.title') + '：' + t('trend.caption') });
    canvas.setAttribute('title', t('past.trendHint'));
    const trendCard = h('section', { class: 'card trend', 'aria-labelledby': 'h-trend' },
      h('header', { class: 'card-head' }, h('h2', { id: 'h-trend' }, t('trend.title'))),
      h('div', { class: 'chart-box' }, canvas),
      h('p', { class: 'muted small chart-caption' }, t('trend.caption')));

    const table = enterpriseTable(countyId);
    const plan = planList(countyId);
    const tableCard = h('section', { class: 'card ent-card', 'aria-labelledby': 'h-ents' },
      h('header', { class: 'card-head' }, h('h2', { id: 'h-ents' }, t('ent.list'))),
      table.el);
    const planCard = h('section', { class: 'card plan-card', 'aria-labelledby': 'h-plan' },
      h('header', { class: 'card-head' }, h('h2', { id: 'h-plan' }, t('plan.title')), plan.countEl),
      plan.el);

    const readings = replyReadings('county');
    const database = projectDatabaseCard('county');
    const schedule = scheduleCard('county', countyId);
    const more = moreTargetsCard('county');
    const forecast = forecastCard('county');
    const warnings = warningsPanel('county');
    const grid = h('div', { class: 'city-grid county-grid', hidden: true },
      h('div', { class: 'status-row' }, h('span', { class: 'muted' }, t('county.targetStatus')), chips.el),
      h('div', { class: 'kpi-strip' }, kpis.cards.coverage, kpis.cards.projects, kpis.cards.investment, kpis.cards.goals),
      h('div', { class: 'forecast-row' }, forecast.el, warnings.el),
      readings.el,
      h('div', { class: 'county-lower' }, trendCard, h('div', { class: 'side-stack' }, kpis.cards.fund, kpis.cards.ops, database.el, schedule.el, more.el), planCard),
      tableCard);
    const past = asOf ? pastBanner(asOf, countyId) : null;
    if (past) { main.classList.add('board-past'); cleanups.push(() => main.classList.remove('board-past')); }
    main.append(...(past ? [past.el] : []), head.el, head.error, grid);

    let trend = null;
    const errorTimer = setTimeout(() => { head.error.textContent = t('board.error'); head.error.hidden = false; }, 6000);
    cleanups.push(() => clearTimeout(errorTimer));

    // The firm list and the uncovered firms are today's: a past view leaves them out rather than mix two moments.
    if (asOf) { tableCard.hidden = true; planCard.hidden = true; } else { table.load(); plan.load(); }
    let first = true;
    const unwatch = follow(`county:${countyId}`, asOf, (snap) => {
      clearTimeout(errorTimer);
      past?.update(snap);
      head.error.hidden = true;
      grid.hidden = false;
      head.update(snap);
      const nm = countyName(snap) || name;
      setText(head.title, t('county.title', { name: nm }));
      chips.update(snap.status);
      kpis.update(snap);
      readings.update(snap);
      database.update(snap);
      schedule.update(snap);
      more.update(snap);
      forecast.update(snap);
      warnings.update(snap);
      if (!trend) trend = trendChart(canvas, { onMonth: (m) => { window.location.hash = boardHash(countyId, m); } });
      trend.update(snap);
      if (!first && !asOf) { table.refresh(); plan.refresh(); }
      first = false;
    }, (text) => { clearTimeout(errorTimer); head.error.textContent = text; head.error.hidden = false; });
    const unwatchCity = follow('city', asOf, (city) => {
      const list = city.counties || [];
      const me = list.find((c) => c.id === countyId);
      setText(rankEl, me ? t('county.rankValue', { r: me.rank, n: list.length }) : '—');
    });
    cleanups.push(unwatch, unwatchCity, () => trend?.destroy(), () => forecast.destroy(), () => table.destroy(), () => plan.destroy());
  }

  return {
    destroy() {
      destroyed = true;
      for (const fn of cleanups) { try { fn(); } catch (e) { console.error(e); } }
    },
  };
}
