// City board (#/): KPIs, monthly trend, county league table.
import { h, setText, setAttr } from '../dom.js';
import { t, countyName, paren } from '../i18n.js';
import { pct, count, score, moneyScale, inUnit } from '../format.js';
import { boardHead } from '../board-head.js';
import { boardKpis, ragDot, updateRag, STATUS_KEYS } from '../widgets.js';
import { trendChart } from '../charts.js';
import { replyReadings } from '../cards/reply-readings.js';
import { projectDatabaseCard } from '../cards/project-database.js';
import { scheduleCard } from '../cards/schedule.js';
import { moreTargetsCard } from '../cards/more-targets.js';
import '../strings/city-panels.js';
import { asOfOf, follow, pastBanner, boardHash } from '../past.js';
import { forecastCard, warningsPanel } from '../cards/forecast.js';

function leagueTable(asOf = null) {
  const rows = new Map();   // county id → {tr, cells}
  const tbody = h('tbody');
  // One unit for the whole column (the largest figure's), named in the header.
  const completedHead = h('th', { scope: 'col', class: 'c-num' }, t('league.completed'));
  const table = h('table', { class: 'league' },
    h('caption', { class: 'sr-only' }, t('league.caption')),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col', class: 'c-rank' }, t('league.rank')),
      h('th', { scope: 'col', class: 'c-name' }, t('league.county')),
      h('th', { scope: 'col', class: 'c-num' }, t('league.score')),
      h('th', { scope: 'col', class: 'c-num' }, t('league.coverage')),
      h('th', { scope: 'col', class: 'c-num' }, t('league.projects')),
      completedHead,
      STATUS_KEYS.map((k) => h('th', { scope: 'col', class: 'c-rag', title: t('statusLong.' + k) }, t('status.' + k))))),
    tbody);

  function rowFor(c) {
    let row = rows.get(c.id);
    if (row) return row;
    const cells = {
      rank: h('span', { class: 'rank-badge' }),
      name: h('a', { href: boardHash(c.id, asOf), class: 'county-link' }),
      mark: h('span', { class: 'league-mark' }),
      score: h('span', { class: 'strong' }),
      coverage: h('span'),
      coverageSub: h('span', { class: 'sub' }),
      projects: h('span'),
      projectsSub: h('span', { class: 'sub' }),
      completed: h('span'),
      completedSub: h('span', { class: 'sub' }),
      rag: {},
    };
    const tr = h('tr', {
      'data-testid': 'county-row', 'data-county': c.id,
      onclick: (e) => { if (!e.target.closest('a')) window.location.hash = boardHash(c.id, asOf); },
    },
      h('td', { class: 'c-rank' }, cells.rank),
      h('th', { scope: 'row', class: 'c-name' }, h('div', { class: 'name-wrap' }, cells.name, cells.mark)),
      h('td', { class: 'c-num' }, cells.score),
      h('td', { class: 'c-num' }, cells.coverage, cells.coverageSub),
      h('td', { class: 'c-num' }, cells.projects, cells.projectsSub),
      h('td', { class: 'c-num' }, cells.completed, cells.completedSub),
      STATUS_KEYS.map((k) => {
        const dot = ragDot('unknown');
        cells.rag[k] = dot;
        return h('td', { class: 'c-rag' }, dot);
      }));
    row = { tr, cells };
    rows.set(c.id, row);
    return row;
  }

  function update(counties) {
    if (!Array.isArray(counties)) return;
    const sorted = [...counties].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99) || (b.score ?? 0) - (a.score ?? 0));
    const ranks = sorted.map((c) => c.rank).filter((r) => r !== null && r !== undefined);
    const firstRank = Math.min(...ranks);
    const lastRank = Math.max(...ranks);
    const seen = new Set();
    const order = [];
    const scale = moneyScale(Math.max(0, ...counties.flatMap((c) => [Number(c.completedThisYear) || 0, Number(c.completedTarget) || 0])));
    setText(completedHead, t('league.completed') + paren(scale.label));
    for (const c of sorted) {
      const { tr, cells } = rowFor(c);
      seen.add(c.id);
      order.push(tr);
      setAttr(tr, 'data-rank', c.rank);
      const pos = c.rank === firstRank ? 'first' : c.rank === lastRank && sorted.length > 1 ? 'last' : '';
      tr.className = pos ? 'pos-' + pos : '';
      setText(cells.rank, String(c.rank ?? '—'));
      setText(cells.name, countyName(c));
      setAttr(cells.name, 'title', countyName(c));
      if (pos) {
        setText(cells.mark, t('league.' + pos));
        cells.mark.className = 'league-mark mark-' + pos;
        cells.mark.hidden = false;
      } else {
        cells.mark.textContent = '';
        cells.mark.hidden = true;
      }
      setText(cells.score, score(c.score));
      setText(cells.coverage, pct(c.coverage));
      setText(cells.coverageSub, `${c.covered}/${c.aboveScale}`);
      setText(cells.projects, count(c.projectsThisYear));
      setText(cells.projectsSub, '/ ' + count(c.projectsTarget));
      setText(cells.completed, inUnit(c.completedThisYear, scale));
      setText(cells.completedSub, '/ ' + inUnit(c.completedTarget, scale));
      for (const k of STATUS_KEYS) updateRag(cells.rag[k], c.status?.[k], t('statusLong.' + k));
    }
    for (const id of [...rows.keys()]) if (!seen.has(id)) rows.delete(id);
    // Re-order only when the order changed, so rows don't jump needlessly.
    const same = order.length === tbody.children.length && order.every((tr, i) => tbody.children[i] === tr);
    if (!same) tbody.replaceChildren(...order);
  }

  return { el: table, update };
}

function legend() {
  return h('ul', { class: 'legend', 'aria-label': t('league.legend') },
    ['green', 'amber', 'red'].map((s) => h('li', null, ragDot(s), ' ', t('rag.' + s))),
    h('li', { class: 'legend-mark' }, h('span', { class: 'league-mark mark-first' }, t('league.first'))),
    h('li', { class: 'legend-mark' }, h('span', { class: 'league-mark mark-last' }, t('league.last'))));
}

export function mountCity(main, ctx, route) {
  const asOf = asOfOf(route);
  ctx.setTitle(t('board.cityTitle'));
  ctx.setCrumbs([]);
  const head = boardHead(t('board.cityTitle'), 'city');
  const kpis = boardKpis('city');
  const league = leagueTable(asOf);
  const past = asOf ? pastBanner(asOf, null) : null;
  const readings = replyReadings('city');
  const database = projectDatabaseCard('city');
  const schedule = scheduleCard('city');
  const more = moreTargetsCard('city');
  const canvas = h('canvas', { role: 'img', 'aria-label': t('trend.title') + '：' + t('trend.caption') });
  const trendCard = h('section', { class: 'card trend', 'aria-labelledby': 'h-trend' },
    h('header', { class: 'card-head' }, h('h2', { id: 'h-trend' }, t('trend.title'))),
    h('div', { class: 'chart-box' }, canvas),
    h('p', { class: 'muted small chart-caption' }, t('trend.caption')));
  // A month of the trend opens the board as of that month: said on hover, so the caption (and the 1920×1080 fit) stays.
  canvas.setAttribute('title', t('past.trendHint'));
  const leagueCard = h('section', { class: 'card league-card', 'aria-labelledby': 'h-league' },
    h('header', { class: 'card-head' }, h('h2', { id: 'h-league' }, t('league.title')), h('span', { class: 'muted small' }, t('league.caption'))),
    h('div', { class: 'table-wrap' }, league.el),
    legend());

  const loading = h('p', { class: 'loading' }, t('board.loading'));
  // Two panels, so the overview fits a 1920×1080 wall screen: the targets, league, trend and fund; and the bureau's
  // records — the reply's two readings, the project database, monthly scheduling and the other targets.
  const overview = h('div', { class: 'city-panel', id: 'city-panel-overview', role: 'tabpanel', 'aria-labelledby': 'city-tab-overview' },
    h('div', { class: 'kpi-strip' }, kpis.cards.coverage, kpis.cards.projects, kpis.cards.investment, kpis.cards.goals),
    h('div', { class: 'lower' },
      leagueCard,
      h('div', { class: 'side-stack' }, trendCard, h('div', { class: 'pair' }, kpis.cards.fund, kpis.cards.ops))));
  const records = h('div', { class: 'city-panel', id: 'city-panel-records', role: 'tabpanel', 'aria-labelledby': 'city-tab-records', hidden: true },
    readings.el, h('div', { class: 'pair' }, database.el, schedule.el), more.el);
  const forecast = forecastCard('city');
  const warnings = warningsPanel('city', { max: 10 });
  const forecastPanel = h('div', { class: 'city-panel forecast-panel', id: 'city-panel-forecast', role: 'tabpanel', 'aria-labelledby': 'city-tab-forecast', hidden: true },
    forecast.el, warnings.el);
  const panels = { overview, records, forecast: forecastPanel };
  const tabButtons = Object.keys(panels).map((key) => h('button', {
    type: 'button', role: 'tab', class: 'tab', id: 'city-tab-' + key, 'aria-controls': 'city-panel-' + key,
    'aria-selected': key === 'overview' ? 'true' : 'false', 'data-testid': 'city-tab-' + key, onclick: () => showPanel(key),
  }, t('panels.' + key)));
  function showPanel(key) {
    for (const [k, el] of Object.entries(panels)) el.hidden = k !== key;
    tabButtons.forEach((b) => b.setAttribute('aria-selected', b.id === 'city-tab-' + key ? 'true' : 'false'));
  }
  head.el.append(h('div', { class: 'tabs city-tabs', role: 'tablist', 'aria-label': t('panels.label') }, tabButtons));
  const grid = h('div', { class: 'city-grid', hidden: true }, overview, records, forecastPanel);
  if (past) main.classList.add('board-past');
  main.append(...(past ? [past.el] : []), head.el, head.error, loading, grid);

  let trend = null;
  const errorTimer = setTimeout(() => { head.error.textContent = t('board.error'); head.error.hidden = false; }, 6000);

  const unwatch = follow('city', asOf, (snap) => {
    clearTimeout(errorTimer);
    past?.update(snap);
    head.error.hidden = true;
    loading.remove();
    grid.hidden = false;
    head.update(snap);
    kpis.update(snap);
    readings.update(snap);
    database.update(snap);
    schedule.update(snap);
    more.update(snap);
    kpis.setSpread(snap.counties);
    league.update(snap.counties);
    forecast.update(snap);
    warnings.update(snap);
    const red = warnings.counts().red;
    setText(tabButtons[2], red ? t('panels.forecastCount', { red }) : t('panels.forecast'));
    if (!trend) trend = trendChart(canvas, { onMonth: (m) => { window.location.hash = boardHash(null, m); } });
    trend.update(snap);
  }, (text) => { clearTimeout(errorTimer); loading.remove(); head.error.textContent = text; head.error.hidden = false; });

  return {
    destroy() {
      clearTimeout(errorTimer);
      unwatch();
      trend?.destroy();
      main.classList.remove('board-past');
      forecast.destroy();
    },
  };
}
