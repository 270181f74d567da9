// Enterprise page (#/enterprise/{id}): profile, projects with monthly investment, certifications, grants, history.
// Refreshed whenever its county's board changes (and polled while the hub is down).
import { h, setText, setAttr, flash } from '../dom.js';
import { t, countyName, getLang, paren } from '../i18n.js';
import '../strings/coverage.js';
import { money, count, pct, ratio, month, dateTime, moneyScale, shortMonth } from '../format.js';
import { getJson, routes, loadCounties, loadSectors, counties, ApiError } from '../api.js';
import { watch, connectionState } from '../live.js';
import { sectorName, statusBadge } from '../table.js';
import { setDefaults } from '../charts.js';
import { canWriteCounty, onSession } from '../session.js';
import { historyTable } from '../audit.js';

const KIND_COLORS = { intelligent: '#60a5fa', green: '#22c55e', technical: '#c084fc' };
const STATUS_ORDER = { underway: 0, planned: 1, completed: 2, cancelled: 3 };

function dl(pairs) {
  return h('dl', { class: 'profile' }, pairs.map(([label, value]) => h('div', null, h('dt', null, label), h('dd', null, value))));
}

function kindBadge(kind) {
  return h('span', { class: 'badge kind-badge kind-' + kind }, t('kind.' + kind));
}

function projectStatusBadge(s) {
  return h('span', { class: 'badge ps-' + s }, t('pStatus.' + s));
}

/** Monthly investment as a small SVG bar chart; bars of the programme year are brighter. */
function sparkline(monthly, year, color) {
  const NS = 'http://www.w3.org/2000/svg';
  const list = Array.isArray(monthly) ? monthly : [];
  const w = Math.max(list.length, 12) * 10;
  const max = Math.max(1, ...list.map((m) => Number(m.amount) || 0));
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${w} 40`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('e.p.monthly') + '：' + list.map((m) => `${m.month} ${money(m.amount)}`).join('；'));
  list.forEach((m, i) => {
    const v = Number(m.amount) || 0;
    const bh = Math.max(v > 0 ? 1.5 : 0, (v / max) * 38);
    const rect = document.createElementNS(NS, 'rect');
    rect.setAttribute('x', String(i * 10 + 1));
    rect.setAttribute('y', String(40 - bh));
    rect.setAttribute('width', '8');
    rect.setAttribute('height', String(bh));
    rect.setAttribute('rx', '1.5');
    rect.setAttribute('fill', color);
    rect.setAttribute('opacity', year && String(m.month).startsWith(String(year)) ? '1' : '0.45');
    const title = document.createElementNS(NS, 'title');
    title.textContent = `${month(m.month)}：${money(v)}`;
    rect.appendChild(title);
    svg.appendChild(rect);
  });
  return svg;
}

function monthTable(monthly) {
  return h('table', { class: 'data-table month-table' },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('e.p.month')), h('th', { scope: 'col', class: 'c-num' }, t('e.p.amount')))),
    h('tbody', null, (monthly || []).map((m) => h('tr', null, h('td', null, month(m.month)), h('td', { class: 'c-num' }, money(m.amount))))));
}

export function mountEnterprise(main, id, ctx) {
  let destroyed = false;
  let data = null;
  let dataSig = '';
  let year = null;
  let seq = 0;
  let unwatch = null;
  let watchedCounty = null;
  let chart = null;
  const timers = [];

  const loading = h('p', { class: 'loading' }, t('board.loading'));
  main.append(loading);
  ctx.setCrumbs([{ label: t('board.loading') }]);

  // ---- skeleton (built once data arrives) ----
  const r = {};
  let built = false;
  const projectCards = new Map();

  function build(e) {
    built = true;
    loading.remove();
    r.title = h('h1', { class: 'board-title' });
    r.badges = h('span', { class: 'ent-badges' });
    r.version = h('span', { 'data-testid': 'enterprise-version' });
    r.updated = h('span');
    r.live = h('span', { class: 'muted small live-note' }, t('e.live'));
    // People who may change this firm get a way into its workspace page.
    r.wsLink = h('a', { class: 'btn', hidden: true, 'data-testid': 'open-workspace' }, t('wse.open'));
    const head = h('div', { class: 'board-head' }, r.title, r.badges,
      h('ul', { class: 'board-meta' },
        h('li', null, t('e.updatedAt') + ' ', h('b', null, r.updated)),
        h('li', { class: 'ver' }, t('e.version') + ' v', r.version)),
      h('span', { class: 'board-head-extra' }, r.live, r.wsLink));

    r.countyLink = h('a');
    r.sector = h('span'); r.scale = h('span'); r.status = h('span'); r.covered = h('span');
    r.cloud = h('span'); r.digital = h('span'); r.id = h('span', { class: 'mono' });
    const profile = h('section', { class: 'card', 'aria-labelledby': 'h-profile' },
      h('header', { class: 'card-head' }, h('h2', { id: 'h-profile' }, t('e.profile'))),
      dl([[t('e.county'), r.countyLink], [t('e.sector'), r.sector], [t('e.scale'), r.scale],
        [t('e.status'), r.status], [t('e.covered'), r.covered], [t('e.cloudSince'), r.cloud], [t('e.digitalSince'), r.digital]]));

    r.sumTotal = h('span', { class: 'mid' }); r.sumInvested = h('span', { class: 'mid' });
    r.sumPlanned = h('span', { class: 'mid' }); r.sumGrants = h('span', { class: 'mid' });
    r.sumProjects = h('span', { class: 'mid' });
    r.canvas = h('canvas', { role: 'img', 'aria-label': t('e.p.monthly') });
    const totals = h('section', { class: 'card', 'aria-labelledby': 'h-totals' },
      h('header', { class: 'card-head' }, h('h2', { id: 'h-totals' }, t('e.totals'))),
      h('dl', { class: 'stat-grid sum-grid' },
        h('div', null, h('dt', null, t('e.projects')), h('dd', null, r.sumProjects)),
        h('div', null, h('dt', null, t('e.totalInvestment')), h('dd', null, r.sumTotal)),
        h('div', null, h('dt', null, t('e.invested')), h('dd', null, r.sumInvested)),
        h('div', null, h('dt', null, t('e.plannedThisYear')), h('dd', null, r.sumPlanned)),
        h('div', null, h('dt', null, t('fund.awarded')), h('dd', null, r.sumGrants))),
      h('div', { class: 'chart-box ent-chart' }, r.canvas));

    r.projects = h('div', { class: 'project-grid' });
    r.noProjects = h('p', { class: 'muted', hidden: true }, t('e.p.none'));
    const projects = h('section', { class: 'card', 'aria-labelledby': 'h-projects' },
      h('header', { class: 'card-head' }, h('h2', { id: 'h-projects' }, t('e.projects')), r.projCount = h('span', { class: 'muted' })),
      r.projects, r.noProjects);

    r.certs = h('div');
    r.grants = h('div');
    r.history = h('div');
    r.historyCard = h('section', { class: 'card', 'aria-labelledby': 'h-history', hidden: true },
      h('header', { class: 'card-head' }, h('h2', { id: 'h-history' }, t('e.history'))), r.history);
    const lists = h('div', { class: 'ent-lists' },
      h('section', { class: 'card', 'aria-labelledby': 'h-certs' },
        h('header', { class: 'card-head' }, h('h2', { id: 'h-certs' }, t('e.certs'))), r.certs),
      h('section', { class: 'card', 'aria-labelledby': 'h-grants' },
        h('header', { class: 'card-head' }, h('h2', { id: 'h-grants' }, t('e.grants'))), r.grants));

    main.append(head, h('div', { class: 'city-grid' },
      h('div', { class: 'ent-top' }, profile, totals),
      projects, lists, r.historyCard));
  }

  function projectCard(p) {
    let c = projectCards.get(p.id);
    if (c) return c;
    c = {
      name: h('h3', { class: 'project-name' }),
      kind: h('span'), status: h('span'),
      period: h('span', { class: 'muted small' }),
      total: h('dd'), planned: h('dd'), invested: h('dd'),
      pct: h('span', { class: 'strong' }),
      bar: h('div', { class: 'bar' }, h('div', { class: 'bar-fill fill-info' })),
      spark: h('div', { class: 'spark-box' }),
      months: h('div'),
    };
    c.details = h('details', { class: 'months' }, h('summary', null, t('e.p.showMonths')), c.months);
    c.el = h('article', { class: 'project', 'data-project': p.id },
      h('header', { class: 'project-head' }, c.name, h('span', { class: 'project-badges' }, c.kind, c.status)),
      c.period,
      h('dl', { class: 'project-figs' },
        h('div', null, h('dt', null, t('e.p.total')), c.total),
        h('div', null, h('dt', null, t('e.p.planned')), c.planned),
        h('div', null, h('dt', null, t('e.p.invested')), c.invested)),
      h('div', { class: 'project-progress' }, c.bar, c.pct),
      h('div', { class: 'muted small' }, t('e.p.monthly')),
      c.spark, c.details);
    projectCards.set(p.id, c);
    return c;
  }

  function listSig(x) { return JSON.stringify(x ?? null) + getLang(); }

  function setTable(container, rowsData, makeTable) {
    const sig = listSig(rowsData);
    if (container.dataset.sig === sig) return;
    const had = container.dataset.sig;
    container.dataset.sig = sig;
    container.replaceChildren(makeTable());
    if (had) flash(container);
  }

  function render(e) {
    if (!built) build(e);
    const county = counties().find((c) => c.id === e.countyId);
    const cname = county ? countyName(county) : e.countyId;
    ctx.setTitle(e.name);
    ctx.setCrumbs([
      { label: cname, href: `#/county/${encodeURIComponent(e.countyId)}` },
      { label: e.name },
    ]);
    setText(r.title, e.name);
    setAttr(r.wsLink, 'href', `#/workspace/enterprise/${encodeURIComponent(e.id)}`);
    r.wsLink.hidden = !canWriteCounty(e.countyId);
    const bsig = `${e.aboveScale}|${e.status}|${e.covered}|${getLang()}`;
    if (r.badges.dataset.sig !== bsig) {
      r.badges.replaceChildren(
        h('span', { class: 'badge' }, t(e.aboveScale ? 'scale.above' : 'scale.below')),
        statusBadge(e.status),
        e.aboveScale ? h('span', { class: 'badge ' + (e.covered ? 'cov-yes' : 'cov-no') }, t(e.covered ? 'covered.yes' : 'covered.no')) : null);
      r.badges.dataset.sig = bsig;
    }
    setText(r.version, String(e.version));
    setText(r.updated, dateTime(e.updatedAt));

    setText(r.countyLink, cname);
    setAttr(r.countyLink, 'href', `#/county/${encodeURIComponent(e.countyId)}`);
    setText(r.sector, sectorName(e.sector));
    setText(r.scale, t(e.aboveScale ? 'scale.above' : 'scale.below'));
    setText(r.status, t('entStatus.' + e.status));
    setText(r.covered, t(e.covered ? 'covered.yes' : e.aboveScale ? 'covered.no' : 'covered.na'));
    setText(r.cloud, e.cloudSince ? month(e.cloudSince) : t('none'));
    setText(r.digital, e.digitalSince ? month(e.digitalSince) : t('none'));

    const projects = Array.isArray(e.projects) ? e.projects : [];
    const grants = Array.isArray(e.grants) ? e.grants : [];
    const sum = (list, f) => list.reduce((a, x) => a + (Number(f(x)) || 0), 0);
    const live = projects.filter((p) => p.status !== 'cancelled');
    setText(r.sumProjects, count(projects.length));
    setText(r.sumTotal, money(sum(live, (p) => p.totalInvestment)));
    setText(r.sumInvested, money(sum(projects, (p) => p.invested)));
    setText(r.sumPlanned, money(sum(live, (p) => p.plannedThisYear)));
    setText(r.sumGrants, money(sum(grants, (g) => g.awarded)));
    setText(r.projCount, t('plan.projects', { n: count(projects.length) }));

    // Projects, keyed so that changed figures flash in place.
    const sorted = [...projects].sort((a, b) => (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9)
      || String(b.startMonth).localeCompare(String(a.startMonth)));
    const seen = new Set();
    const order = [];
    for (const p of sorted) {
      const c = projectCard(p);
      seen.add(p.id);
      order.push(c.el);
      setText(c.name, p.name);
      const ksig = `${p.kind}|${p.status}|${getLang()}`;
      if (c.kind.dataset.sig !== ksig) {
        c.kind.replaceChildren(kindBadge(p.kind));
        c.status.replaceChildren(projectStatusBadge(p.status));
        c.kind.dataset.sig = ksig;
      }
      c.el.dataset.status = p.status;
      setText(c.period, `${t('e.p.period')} ${month(p.startMonth)} – ${month(p.endMonth)}`);
      setText(c.total, money(p.totalInvestment));
      setText(c.planned, money(p.plannedThisYear));
      setText(c.invested, money(p.invested));
      const share = ratio(p.invested, p.totalInvestment);
      setText(c.pct, pct(share));
      c.bar.querySelector('.bar-fill').style.width = (Math.min(1, share) * 100).toFixed(1) + '%';
      const dsig = JSON.stringify(p.monthly);
      const msig = dsig + year + getLang();
      if (c.spark.dataset.sig !== msig) {
        const changed = c.spark.dataset.data !== undefined && c.spark.dataset.data !== dsig;
        c.spark.replaceChildren(sparkline(p.monthly, year, KIND_COLORS[p.kind] || '#38bdf8'));
        c.months.replaceChildren(monthTable(p.monthly));
        c.spark.dataset.sig = msig;
        c.spark.dataset.data = dsig;
        if (changed) flash(c.spark);
      }
    }
    for (const k of [...projectCards.keys()]) if (!seen.has(k)) projectCards.delete(k);
    const same = order.length === r.projects.children.length && order.every((el, i) => r.projects.children[i] === el);
    if (!same) r.projects.replaceChildren(...order);
    r.noProjects.hidden = projects.length > 0;

    // Certifications
    const certs = Array.isArray(e.certifications) ? e.certifications : [];
    setTable(r.certs, certs, () => certs.length === 0 ? h('p', { class: 'muted' }, t('none')) : h('table', { class: 'data-table' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('e.c.kind')), h('th', { scope: 'col' }, t('e.c.level')), h('th', { scope: 'col' }, t('e.c.month')))),
      h('tbody', null, [...certs].sort((a, b) => String(b.month).localeCompare(String(a.month))).map((c) => h('tr', null,
        h('td', null, t('cert.' + c.kind)),
        h('td', null, h('span', { class: 'badge level-' + c.level }, t('level.' + c.level))),
        h('td', null, month(c.month)))))));

    // Grants
    const projName = new Map(projects.map((p) => [p.id, p.name]));
    setTable(r.grants, grants, () => grants.length === 0 ? h('p', { class: 'muted' }, t('none')) : h('table', { class: 'data-table' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('e.g.batch')), h('th', { scope: 'col' }, t('e.g.project')), h('th', { scope: 'col' }, t('e.g.class')),
        h('th', { scope: 'col', class: 'c-num' }, t('e.g.awarded')), h('th', { scope: 'col', class: 'c-num' }, t('e.g.disbursed')),
        h('th', { scope: 'col' }, t('e.g.month')))),
      h('tbody', null, grants.map((g) => h('tr', null,
        h('td', null, g.batchName || g.batchId), h('td', null, projName.get(g.projectId) || '—'),
        h('td', null, t('grant.' + g.class)),
        h('td', { class: 'c-num' }, money(g.awarded)), h('td', { class: 'c-num' }, money(g.disbursed)),
        h('td', null, month(g.awardedMonth))))),
      h('tfoot', null, h('tr', null,
        h('th', { scope: 'row', colspan: '3' }, t('e.g.total')),
        h('td', { class: 'c-num strong' }, money(sum(grants, (g) => g.awarded))),
        h('td', { class: 'c-num strong' }, money(sum(grants, (g) => g.disbursed))),
        h('td')))));

    // History (audit trail), newest first, through the one history renderer.
    const history = Array.isArray(e.history) ? e.history : null;
    r.historyCard.hidden = !history;
    if (history) setTable(r.history, history, () => historyTable(history, { testid: 'enterprise-history' }));

    renderChart(projects);
  }

  function renderChart(projects) {
    if (!window.Chart) return;
    setDefaults();
    const byMonth = new Map();
    for (const p of projects) {
      for (const m of p.monthly || []) {
        if (!byMonth.has(m.month)) byMonth.set(m.month, { intelligent: 0, green: 0, technical: 0 });
        const k = byMonth.get(m.month);
        k[p.kind] = (k[p.kind] || 0) + (Number(m.amount) || 0);
      }
    }
    const months = [...byMonth.keys()].sort();
    // Fill gaps so the time axis is even.
    const all = [];
    if (months.length) {
      let [y, mo] = months[0].split('-').map(Number);
      const [ey, em] = months[months.length - 1].split('-').map(Number);
      while (y < ey || (y === ey && mo <= em)) {
        all.push(`${y}-${String(mo).padStart(2, '0')}`);
        mo++; if (mo > 12) { mo = 1; y++; }
      }
    }
    const max = Math.max(0, ...all.map((m) => { const k = byMonth.get(m); return k ? k.intelligent + k.green + k.technical : 0; }));
    const scale = moneyScale(max);
    const labels = all.map((m) => (m.endsWith('-01') || m === all[0] ? `${m.slice(0, 4)} ${shortMonth(m)}` : shortMonth(m)));
    const datasets = ['intelligent', 'green', 'technical'].map((k) => ({
      label: t('kind.' + k), data: all.map((m) => Math.round(((byMonth.get(m)?.[k] || 0) / scale.div) * 100) / 100),
      backgroundColor: KIND_COLORS[k], stack: 's', borderRadius: 2,
    }));
    if (!chart) {
      chart = new window.Chart(r.canvas, {
        type: 'bar',
        data: { labels, datasets },
        options: {
          responsive: true, maintainAspectRatio: false, animation: { duration: 300 },
          interaction: { mode: 'index', intersect: false },
          plugins: {
            legend: { position: 'top', align: 'end', labels: { boxWidth: 12, boxHeight: 10 } },
            tooltip: { callbacks: { title: (items) => (items[0] ? month(all[items[0].dataIndex]) : ''),
              label: (item) => ` ${item.dataset.label}: ${money(item.parsed.y * chart.$scale.div)}` } },
          },
          scales: {
            x: { stacked: true, grid: { display: false }, ticks: { autoSkip: true, maxRotation: 0 } },
            y: { stacked: true, beginAtZero: true, title: { display: true, text: '' } },
          },
        },
      });
    } else {
      chart.data.labels = labels;
      chart.data.datasets.forEach((d, i) => { d.data = datasets[i].data; });
    }
    chart.$scale = scale;
    chart.options.scales.y.title.text = t('e.p.monthly') + paren(scale.label);
    chart.update();
  }

  async function load() {
    const my = ++seq;
    try {
      const e = await getJson(routes.enterprise(id));
      if (destroyed || my !== seq) return;
      const sig = JSON.stringify(e);
      if (sig !== dataSig) {
        dataSig = sig;
        data = e;
        render(e);
      }
      if (e.countyId && e.countyId !== watchedCounty) {
        // Follow the enterprise's county (it can move to another one).
        unwatch?.();
        watchedCounty = e.countyId;
        let first = true;
        unwatch = watch(`county:${e.countyId}`, (snap) => {
          year = snap.programmeYear || year;
          if (first) {
            first = false;
            if (data) { dataSig = ''; render(data); dataSig = JSON.stringify(data); }
            return;
          }
          load();
        });
      }
    } catch (err) {
      if (destroyed || my !== seq) return;
      if (err instanceof ApiError && err.status === 404) {
        loading.remove();
        if (!built) {
          main.replaceChildren(h('div', { class: 'card notfound' },
            h('h1', null, t('board.notFound', { id })),
            h('p', null, h('a', { href: '#/' }, t('board.back')))));
        }
        return;
      }
      loading.textContent = t('board.error');
    }
  }

  Promise.all([loadCounties().catch(() => []), loadSectors().catch(() => [])]).then(() => { if (!destroyed) load(); });
  const offSession = onSession(() => { if (r.wsLink && data) r.wsLink.hidden = !canWriteCounty(data.countyId); });
  // Poll the enterprise itself while the hub is down (or not yet up).
  timers.push(setInterval(() => { if (connectionState().state !== 'connected' || !data) load(); }, 5000));

  return {
    destroy() {
      destroyed = true;
      seq++;
      timers.forEach(clearInterval);
      unwatch?.();
      offSession();
      chart?.destroy();
    },
  };
}
