// One firm in the workspace (#/workspace/enterprise/{id}): the month's scheduling report (月调度), a month's investment,
// a project's status, cloud / digital milestones and certifications, planning a project (谋划) and its way through the
// project database (review, 入库, 出库, key flag), the profile (If-Match), with the firm's projects month by month and its
// full change history. Every change re-reads the firm.
import { h, setText, flash } from '../dom.js';
import { t, countyName, getLang, paren } from '../i18n.js';
import '../strings/coverage.js';
import { money, count, pct, ratio, month, dateTime } from '../format.js';
import { ApiError, request, routes, loadCounties, loadSectors, loadCalendar, counties, sectors } from '../api.js';
import { ready, session, isCity, canWriteCounty, onSession, toLogin } from '../session.js';
import { watch } from '../live.js';
import { sectorName, statusBadge } from '../table.js';
import {
  field, formState, submit, textInput, monthInput, wanInput, wanToYuan, wanHint, yuanToWan, select, setOptions,
  isMonth, toast,
} from '../forms.js';
import { historyTable, planningBatchName } from '../audit.js';
import { card, guard, wsHref } from './workspace.js';
import { planForm } from './workspace/plan-form.js';
import { scheduleForm } from './workspace/schedule-form.js';
import { actionButtons, entryBadge, keyBadge, rowOf } from './workspace/db-actions.js';
import '../strings/records.js';

const STATUSES = ['active', 'halted', 'semi-halted', 'revived'];
const P_STATUSES = ['planned', 'underway', 'completed', 'cancelled'];
const CERT_KINDS = ['green-factory', 'smart-workshop', 'smart-factory', 'smart-manufacturing-benchmark', 'integration-demonstration'];
const LEVELS = ['city', 'provincial', 'national'];
const STATUS_ORDER = { underway: 0, planned: 1, completed: 2, cancelled: 3 };
const HISTORY_PAGE = 50;

function kindBadge(kind) {
  return h('span', { class: 'badge kind-badge kind-' + kind }, t('kind.' + kind));
}
function projectStatusBadge(s) {
  return h('span', { class: 'badge ps-' + s }, t('pStatus.' + s));
}
function monthsBetween(from, to) {
  const out = [];
  let [y, m] = from.split('-').map(Number);
  const [ey, em] = to.split('-').map(Number);
  while (y < ey || (y === ey && m <= em)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++; if (m > 12) { m = 1; y++; }
  }
  return out;
}
/** Compact money for the month grid: 万 in Chinese (the unit reports use), millions in English. */
function cellScale() {
  return getLang() === 'en' ? { div: 1e6, label: 'CNY m' } : { div: 1e4, label: '万元' };
}
/** An amount as the 万元 figure the form takes (with the usual reading alongside in English). */
function wanMoney(yuan) {
  const wan = `${(Number(yuan) / 1e4).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 万元`;
  return getLang() === 'en' ? `${money(yuan)} (${wan})` : wan;
}
function cellText(yuan, scale) {
  return (Number(yuan) / scale.div).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function mountWorkspaceEnterprise(main, id, ctx, route) {
  let destroyed = false;
  let data = null;
  let etag = null;
  let history = [];
  let calendar = { reportingMonth: '2022-08', programmeYear: 2022 };
  let built = false;
  let seq = 0;
  let unwatch = null;
  let watchedCounty = null;
  let reloadTimer = null;
  let historyShown = HISTORY_PAGE;
  const cleanups = [];
  const r = {};

  const loading = h('p', { class: 'loading' }, t('board.loading'));
  main.append(loading);
  ctx.setTitle(t('nav.workspace'));
  ctx.setCrumbs([{ label: t('nav.workspace'), href: '#/workspace' }, { label: t('board.loading') }]);

  Promise.all([ready(), loadCounties().catch(() => []), loadSectors().catch(() => []), loadCalendar()]).then(([s, , , cal]) => {
    if (destroyed) return;
    calendar = cal;
    if (!guard(main, ctx, s)) { loading.remove(); return; }
    load();
  });
  cleanups.push(onSession((s) => {
    if (destroyed || !s.loaded) return;
    if (!s.authenticated && !s.lost) toLogin();
  }));

  const writable = () => !!data && canWriteCounty(data.countyId);
  const projectsOf = () => (Array.isArray(data?.projects) ? data.projects : []);
  const projectName = (pid) => projectsOf().find((p) => p.id === pid)?.name || pid;

  // ---------------------------------------------------------------- reading
  async function load() {
    const my = ++seq;
    try {
      const [ent, hist] = await Promise.all([
        request('GET', routes.enterprise(id)),
        request('GET', routes.enterpriseHistory(id)).catch(() => ({ data: null })),
      ]);
      if (destroyed || my !== seq) return;
      const previous = data;
      data = ent.data;
      etag = ent.etag || `"${data.version}"`;
      if (Array.isArray(hist.data)) history = hist.data;
      else if (Array.isArray(data.history)) history = data.history;
      const first = !built;
      if (!built) build();
      render(previous);
      follow(data.countyId);
      if (first) openLinkedForm();
    } catch (err) {
      if (destroyed || my !== seq) return;
      loading.remove();
      if (err instanceof ApiError && err.status === 404) {
        main.replaceChildren(h('div', { class: 'card notfound' },
          h('h1', null, t('board.notFound', { id })),
          h('p', null, t('wse.notFoundHint')),
          h('p', null, h('a', { href: '#/workspace' }, t('wse.backToList')))));
        return;
      }
      if (!built) {
        main.replaceChildren(h('p', { class: 'banner', role: 'alert' }, t('board.error')));
        reloadTimer = setTimeout(load, 5000);
      }
    }
  }

  /** A worklist link names the form that resolves it (?form=progress&project=…&month=…, or ?form=add-project). */
  function openLinkedForm() {
    const q = route?.query;
    const form = q?.get('form');
    if (form === 'progress' && q.get('project') && projectsOf().some((p) => p.id === q.get('project'))) {
      r.progress.prefill(q.get('project'), q.get('month') || '');
    } else if (form === 'schedule' && q.get('project') && projectsOf().some((p) => p.id === q.get('project'))) {
      r.schedule.prefill(q.get('project'), q.get('month') || '');
    } else if (form === 'add-project' && r.addProject?.card) {
      r.addProject.card.scrollIntoView({ block: 'nearest' });
      r.addProject.card.querySelector('input, select, textarea')?.focus();
    }
  }

  /** Re-read when the firm's county board changes (someone else's change, an import). */
  function follow(countyId) {
    if (countyId === watchedCounty) return;
    unwatch?.();
    watchedCounty = countyId;
    let first = true;
    unwatch = watch(`county:${countyId}`, () => {
      if (first) { first = false; return; }
      clearTimeout(reloadTimer);
      reloadTimer = setTimeout(load, 700);
    });
  }

  // ---------------------------------------------------------------- layout
  function build() {
    built = true;
    loading.remove();
    r.title = h('h1', { class: 'board-title' });
    r.badges = h('span', { class: 'ent-badges' });
    r.meta = h('ul', { class: 'board-meta' });
    r.links = h('span', { class: 'board-head-extra' });
    r.readonly = h('p', { class: 'banner banner-info', role: 'note', hidden: true });

    r.progress = progressForm();
    r.status = statusForm();
    r.cloud = milestoneForm('cloud');
    r.digital = milestoneForm('digital');
    r.profile = profileForm();
    r.addProject = planForm({ id, etag: () => etag, done: (message) => (message ? done(message) : load()) });
    r.schedule = scheduleForm({ id, data: () => data, calendar: () => calendar, done });
    r.dbBody = h('div', { class: 'table-wrap' });
    r.dbCard = card('h-wse-db', t('pl.title'), h('p', { class: 'muted small' }, t(isCity() ? 'pl.intro.city' : 'pl.intro.county')), r.dbBody);
    r.dbCard.dataset.testid = 'wse-db';
    r.cert = certForm();

    r.matrix = h('div', { class: 'table-wrap' });
    r.matrixCard = card('h-wse-projects', t('wse.projects'), h('p', { class: 'muted small', 'data-ref': 'matrix-note' }), r.matrix);
    r.projCount = h('span', { class: 'muted' });
    r.matrixCard.querySelector('.card-head-extra').append(r.projCount);

    r.certList = h('div');
    r.certCard = card('h-wse-certs', t('e.certs'), r.certList, r.cert.el);

    r.historyBody = h('div', { class: 'table-wrap' });
    r.historyMore = h('button', { type: 'button', class: 'btn', hidden: true, onclick: () => { historyShown += HISTORY_PAGE * 4; renderHistory(true); } });
    r.historyCount = h('span', { class: 'muted small' });
    r.historyCard = card('h-wse-history', t('e.history'), r.historyBody, h('div', { class: 'btn-row center' }, r.historyMore));
    r.historyCard.querySelector('.card-head-extra').append(r.historyCount);

    r.milestoneCard = card('h-wse-milestones', t('wse.milestones'), r.cloud.el, r.digital.el);
    r.statusCard = card('h-wse-status', t('wse.status.title'), r.status.el);

    r.forms = [r.progress.card, r.statusCard, r.milestoneCard, r.profile.card, r.addProject.card, r.schedule.card];
    main.append(
      h('div', { class: 'board-head' }, r.title, r.badges, r.meta, r.links),
      r.readonly,
      r.schedule.card,
      h('div', { class: 'wse-grid' },
        h('div', { class: 'wse-col' }, r.progress.card, r.statusCard),
        h('div', { class: 'wse-col' }, r.milestoneCard, r.certCard),
        h('div', { class: 'wse-col' }, r.profile.card)),
      r.matrixCard,
      r.dbCard,
      r.addProject.card,
      r.historyCard);
  }

  // ---------------------------------------------------------------- rendering
  function render(previous) {
    const e = data;
    const county = counties().find((c) => c.id === e.countyId);
    const cname = county ? countyName(county) : e.countyId;
    ctx.setTitle(e.name);
    ctx.setCrumbs([
      { label: t('nav.workspace'), href: '#/workspace' + (isCity() ? `?county=${encodeURIComponent(e.countyId)}` : '') },
      { label: cname, href: '#/workspace' + (isCity() ? `?county=${encodeURIComponent(e.countyId)}` : '') },
      { label: e.name },
    ]);
    setText(r.title, e.name);
    r.badges.replaceChildren(
      h('span', { class: 'badge' }, t(e.aboveScale ? 'scale.above' : 'scale.below')),
      statusBadge(e.status),
      e.aboveScale ? h('span', { class: 'badge ' + (e.covered ? 'cov-yes' : 'cov-no') }, t(e.covered ? 'covered.yes' : 'covered.no')) : null);
    r.meta.replaceChildren(
      h('li', null, t('e.id') + ' ', h('b', { class: 'mono' }, e.id)),
      h('li', null, t('e.county') + ' ', h('b', null, cname)),
      h('li', null, t('e.updatedAt') + ' ', h('b', null, dateTime(e.updatedAt))),
      h('li', { class: 'ver' }, t('e.version') + ' v', h('span', { 'data-testid': 'wse-version' }, String(e.version))));
    r.links.replaceChildren(
      h('a', { class: 'btn', href: `#/enterprise/${encodeURIComponent(e.id)}` }, t('wse.boardPage')),
      h('a', { class: 'btn', href: '#/workspace' + (isCity() ? `?county=${encodeURIComponent(e.countyId)}` : '') }, t('wse.backToList')));
    if (previous && previous.version !== e.version) flash(r.meta.querySelector('[data-testid="wse-version"]'));

    // A session that ended under open forms keeps them as they were, so nothing typed is lost.
    const canWrite = session().lost ? (r.lastCanWrite ?? false) : writable();
    r.lastCanWrite = canWrite;
    r.readonly.hidden = canWrite;
    if (!canWrite) r.readonly.textContent = t('wse.readonly', { county: cname });
    for (const c of r.forms) c.hidden = !canWrite;
    r.cert.el.hidden = !canWrite;
    r.milestoneCard.hidden = false;
    r.cloud.setWritable(canWrite);
    r.digital.setWritable(canWrite);

    r.progress.update();
    r.status.update();
    r.cloud.update();
    r.digital.update();
    r.profile.update();
    r.addProject.update();
    r.schedule.update();
    renderMatrix(canWrite);
    renderDatabase();
    renderCerts();
    renderHistory(false);
  }

  function renderMatrix(canWrite) {
    const projects = [...projectsOf()].sort((a, b) => (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9)
      || String(a.id).localeCompare(String(b.id), undefined, { numeric: true }));
    setText(r.projCount, t('plan.projects', { n: count(projects.length) }));
    const note = r.matrixCard.querySelector('[data-ref="matrix-note"]');
    const scale = cellScale();
    note.textContent = t('wse.matrixNote', { unit: scale.label }) + (canWrite ? ' ' + t('wse.matrixClick') : '');
    if (projects.length === 0) {
      r.matrix.replaceChildren(h('p', { class: 'empty' }, t('e.p.none')));
      return;
    }
    const year = calendar.programmeYear;
    const months = monthsBetween(`${year}-01`, calendar.reportingMonth);
    const before = `${year}-01`;
    const totals = new Map(months.map((m) => [m, 0]));
    let totalEarlier = 0;
    const rows = projects.map((p) => {
      const byMonth = new Map((p.monthly || []).map((m) => [m.month, Number(m.amount) || 0]));
      const earlier = (p.monthly || []).filter((m) => m.month < before).reduce((a, m) => a + (Number(m.amount) || 0), 0);
      totalEarlier += earlier;
      const reportable = canWrite && p.status !== 'cancelled';
      return h('tr', { 'data-project': p.id, class: p.status === 'cancelled' ? 'row-muted' : null },
        h('th', { scope: 'row', class: 'c-name' },
          p.name,
          h('span', { class: 'sub' }, kindBadge(p.kind), ' ', month(p.startMonth), ' – ', month(p.endMonth))),
        h('td', null, projectStatusBadge(p.status)),
        h('td', { class: 'c-num' }, money(p.totalInvestment)),
        h('td', { class: 'c-num' }, money(p.plannedThisYear)),
        h('td', { class: 'c-num' }, money(p.invested), h('span', { class: 'sub' }, pct(ratio(p.invested, p.totalInvestment)))),
        h('td', { class: 'c-num c-month c-earlier' }, earlier ? cellText(earlier, scale) : h('span', { class: 'muted' }, '·')),
        months.map((m) => {
          const v = byMonth.get(m);
          totals.set(m, totals.get(m) + (v || 0));
          const text = v ? cellText(v, scale) : '·';
          const inRange = m >= p.startMonth;
          if (!reportable || !inRange) {
            return h('td', { class: 'c-num c-month' + (v ? '' : ' muted') }, text);
          }
          return h('td', { class: 'c-num c-month' }, h('button', {
            type: 'button', class: 'cell-btn' + (v ? '' : ' empty-cell'), 'data-month': m,
            title: t('wse.cellTitle', { p: p.name, m: month(m), v: v ? money(v) : t('wse.notReported') }),
            onclick: () => r.progress.prefill(p.id, m),
          }, text));
        }));
    });
    r.matrix.replaceChildren(h('table', { class: 'data-table matrix', 'data-testid': 'wse-projects' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('e.p.name')), h('th', { scope: 'col' }, t('e.p.status')),
        h('th', { scope: 'col', class: 'c-num' }, t('e.p.total')), h('th', { scope: 'col', class: 'c-num' }, t('e.p.planned')),
        h('th', { scope: 'col', class: 'c-num' }, t('e.p.invested')),
        h('th', { scope: 'col', class: 'c-num c-month', title: t('wse.earlierLong', { y: year }) }, t('wse.earlier')),
        months.map((m) => h('th', { scope: 'col', class: 'c-num c-month', title: month(m) }, shortMonthLabel(m))))),
      h('tbody', null, rows),
      h('tfoot', null, h('tr', null,
        h('th', { scope: 'row', colspan: '5' }, t('wse.monthTotal') + paren(scale.label)),
        h('td', { class: 'c-num c-month' }, totalEarlier ? cellText(totalEarlier, scale) : '·'),
        months.map((m) => h('td', { class: 'c-num c-month strong' }, totals.get(m) ? cellText(totals.get(m), scale) : '·'))))));
  }

  function shortMonthLabel(m) {
    const [, mo] = m.split('-').map(Number);
    return getLang() === 'en' ? new Date(Date.UTC(2000, mo - 1, 1)).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' }) : `${mo}月`;
  }

  /** The firm's projects in the project database, with what the signed-in person may do to each. */
  function renderDatabase() {
    const projects = [...projectsOf()].sort((a, b) => String(a.id).localeCompare(String(b.id), undefined, { numeric: true }));
    if (projects.length === 0) { r.dbBody.replaceChildren(h('p', { class: 'empty' }, t('e.p.none'))); return; }
    r.dbBody.replaceChildren(h('table', { class: 'data-table pl-table', 'data-testid': 'wse-db-table' },
      h('thead', null, h('tr', null, ['pl.project', 'pf.batch', 'pl.total', 'pl.period', 'pl.stage', 'pl.actions']
        .map((k) => h('th', { scope: 'col', class: k === 'pl.total' ? 'c-num' : null }, t(k))))),
      h('tbody', null, projects.map((p) => {
        const row = rowOf(data, p);
        return h('tr', { 'data-testid': 'wse-db-row', 'data-project': p.id, class: p.entry === 'exited' ? 'row-muted' : null },
          h('th', { scope: 'row', class: 'c-name' }, p.name, ' ', p.key ? keyBadge() : null,
            h('span', { class: 'sub' }, t('kind.' + p.kind), p.theme ? ' · ' + t('theme.' + p.theme) : '', ' · ', t('pStatus.' + p.status))),
          h('td', null, planningBatchName(p.planningBatch)),
          h('td', { class: 'c-num' }, money(p.totalInvestment)),
          h('td', { class: 'nowrap' }, `${month(p.startMonth)} – ${month(p.endMonth)}`),
          h('td', null, entryBadge(p.entry), p.exitReason ? h('span', { class: 'sub' }, t('pl.exitedBecause', { why: t('exit.' + p.exitReason) })) : null),
          h('td', { class: 'actions' }, h('div', { class: 'btn-row' }, session().lost ? [] : actionButtons(row, load))));
      }))));
  }

  function renderCerts() {
    const certs = Array.isArray(data.certifications) ? data.certifications : [];
    r.certList.replaceChildren(certs.length === 0 ? h('p', { class: 'muted' }, t('none')) : h('table', { class: 'data-table', 'data-testid': 'wse-certs' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('e.c.kind')), h('th', { scope: 'col' }, t('e.c.level')), h('th', { scope: 'col' }, t('e.c.month')))),
      h('tbody', null, [...certs].sort((a, b) => String(b.month).localeCompare(String(a.month))).map((c) => h('tr', null,
        h('td', null, t('cert.' + c.kind)),
        h('td', null, h('span', { class: 'badge level-' + c.level }, t('level.' + c.level))),
        h('td', null, month(c.month)))))));
  }

  function renderHistory(force) {
    const sig = JSON.stringify([history.length, history[0]?.version, historyShown, getLang(), data?.version]);
    if (!force && r.historyBody.dataset.sig === sig) return;
    r.historyBody.dataset.sig = sig;
    setText(r.historyCount, t('wsh.count', { n: count(history.length) }));
    const list = history;
    r.historyBody.replaceChildren(historyTable(history, { testid: 'wse-history', limit: historyShown, projectName: (_, pid) => projectsOf().find((p) => p.id === pid)?.name }));
    r.historyMore.hidden = list.length <= historyShown;
    r.historyMore.textContent = t('wsh.more', { n: count(Math.min(list.length - historyShown, HISTORY_PAGE * 4)) });
  }

  // ---------------------------------------------------------------- forms
  /** After a successful write: say so, and read the firm again. */
  async function done(message) {
    toast(message);
    await load();
  }

  function projectOptions(filter, label) {
    return projectsOf()
      .slice()
      .sort((a, b) => (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) || String(a.id).localeCompare(String(b.id), undefined, { numeric: true }))
      .map((p) => [p.id, `${p.name}${paren(t('pStatus.' + p.status))}`, filter(p) ? null : { disabled: true, title: label }]);
  }

  // Report a month's investment for a project (PUT replaces that month).
  function progressForm() {
    const project = field('projectId', t('wse.p.project'), h('select', { 'data-testid': 'progress-project' }), { aliases: ['status', 'projects'] });
    const monthF = field('month', t('wse.p.month'), monthInput({ 'data-testid': 'progress-month' }));
    const amount = field('invested', t('wse.p.amountWan'), wanInput({ 'data-testid': 'progress-amount-wan', placeholder: '0.00' }), { hint: ' ' });
    const current = h('p', { class: 'field-hint current-amount', 'data-testid': 'progress-current', 'aria-live': 'polite' });
    const button = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'progress-submit' }, t('wse.p.submit'));
    const none = h('p', { class: 'form-note', hidden: true }, t('wse.p.noProjects'));
    const form = h('form', { class: 'form', novalidate: true }, none, project.el, monthF.el, amount.el, current,
      h('div', { class: 'form-actions' }, button));
    const state = formState(form, [project, monthF, amount]);
    const c = card('h-wse-progress', t('wse.p.title'), h('p', { class: 'muted small' }, t('wse.p.intro')), form);
    c.classList.add('card-primary');

    const selectedProject = () => projectsOf().find((p) => p.id === project.control.value);
    function showCurrent() {
      const p = selectedProject();
      const m = monthF.control.value;
      if (p) monthF.control.min = p.startMonth;
      if (!p || !isMonth(m)) { current.textContent = ''; return; }
      const have = (p.monthly || []).find((x) => x.month === m);
      current.textContent = have
        ? t('wse.p.have', { m: month(m), v: wanMoney(have.amount) })
        : t('wse.p.haveNone', { m: month(m) });
    }
    function showHint() {
      amount.hint.textContent = wanHint(amount.control.value) || t('wse.p.amountHint');
    }
    project.control.addEventListener('change', showCurrent);
    monthF.control.addEventListener('input', showCurrent);
    monthF.control.addEventListener('change', showCurrent);
    amount.control.addEventListener('input', showHint);

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      state.clear();
      const p = selectedProject();
      const m = monthF.control.value.trim();
      const yuan = wanToYuan(amount.control.value);
      let bad = false;
      if (!p) { state.fieldError('projectId', t('srv.required')); bad = true; }
      if (!isMonth(m)) { state.fieldError('month', m ? t('srv.month') : t('srv.required')); bad = true; }
      else if (m > calendar.reportingMonth) { state.fieldError('month', t('srv.afterReporting', { m: month(calendar.reportingMonth) })); bad = true; }
      if (String(amount.control.value).trim() === '' && amount.control.validity?.badInput !== true) { state.fieldError('invested', t('srv.required')); bad = true; }
      else if (!Number.isFinite(yuan)) { state.fieldError('invested', t('srv.format')); bad = true; }
      else if (yuan < 0) { state.fieldError('invested', t('srv.negative')); bad = true; }
      if (bad) { form.querySelector('[aria-invalid="true"]')?.focus(); return; }
      const res = await submit(state, () => request('PUT', routes.progress(id, p.id, m), { json: { invested: yuan } }), {
        404: t('wse.p.gone'),
      });
      if (!res) return;
      await done(res.data?.changed === false
        ? t('wse.p.same', { p: p.name, m: month(m) })
        : t('wse.p.done', { p: p.name, m: month(m), v: money(yuan) }));
    });

    return {
      card: c,
      update() {
        const opts = projectOptions((p) => p.status !== 'cancelled', t('wse.p.cancelledOption'));
        const keep = project.control.value || opts.find((o) => !o[2])?.[0] || '';
        setOptions(project.control, [['', t('ws.choose'), { disabled: true }], ...opts], keep);
        const usable = opts.some((o) => !o[2]);
        none.hidden = usable;
        button.disabled = !usable;
        monthF.control.max = calendar.reportingMonth;
        if (!monthF.control.value) monthF.control.value = calendar.reportingMonth;
        monthF.hint?.remove();
        showCurrent();
        showHint();
      },
      prefill(projectId, m) {
        project.control.value = projectId;
        monthF.control.value = m;
        const p = selectedProject();
        const have = (p?.monthly || []).find((x) => x.month === m);
        amount.control.value = have ? yuanToWan(have.amount) : '';
        showCurrent();
        showHint();
        state.clear();
        c.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
        amount.control.focus();
        amount.control.select?.();
      },
    };
  }

  // Change a project's status; cancelling asks a second time (it cannot be undone).
  function statusForm() {
    const project = field('projectId', t('wse.p.project'), h('select', { 'data-testid': 'status-project' }));
    const status = field('status', t('wse.status.new'), select(P_STATUSES.map((s) => [s, t('pStatus.' + s)]), 'underway', { 'data-testid': 'status-value' }));
    const warn = h('p', { class: 'form-warn', hidden: true, role: 'alert' }, t('wse.status.cancelWarn'));
    const button = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'status-submit' }, t('wse.status.submit'));
    const form = h('form', { class: 'form', novalidate: true }, project.el, status.el, warn, h('div', { class: 'form-actions' }, button));
    const state = formState(form, [project, status]);
    let armed = false;
    let touched = false;   // the user picked a status: a live re-read must not put the current one back
    const disarm = () => { armed = false; warn.hidden = true; button.textContent = t('wse.status.submit'); };
    project.control.addEventListener('change', () => {
      const p = projectsOf().find((x) => x.id === project.control.value);
      if (p) status.control.value = p.status;
      touched = false;
      disarm();
    });
    status.control.addEventListener('change', () => { touched = true; disarm(); });

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      state.clear();
      const p = projectsOf().find((x) => x.id === project.control.value);
      if (!p) { state.fieldError('projectId', t('srv.required')); return; }
      const next = status.control.value;
      if (next === p.status) { state.note(t('wse.status.same', { s: t('pStatus.' + next) })); return; }
      if (next === 'cancelled' && !armed) {
        armed = true;
        warn.hidden = false;
        button.textContent = t('wse.status.confirmCancel');
        return;
      }
      const res = await submit(state, () => request('PUT', routes.projectStatus(id, p.id), { json: { status: next } }));
      disarm();
      if (!res) return;
      touched = false;
      await done(t('wse.status.done', { p: p.name, s: t('pStatus.' + next) }));
    });

    return {
      el: form,
      update() {
        const opts = projectOptions((p) => p.status !== 'cancelled', t('wse.p.cancelledOption'));
        const keep = project.control.value || opts.find((o) => !o[2])?.[0] || '';
        setOptions(project.control, opts, keep);
        const p = projectsOf().find((x) => x.id === project.control.value);
        if (p && !armed && !touched) status.control.value = p.status;
        button.disabled = !opts.some((o) => !o[2]);
      },
    };
  }

  // Cloud adoption (企业上云) / digital transformation month: PUT sets, DELETE clears.
  function milestoneForm(which) {
    const key = which === 'cloud' ? 'cloudSince' : 'digitalSince';
    const label = t(which === 'cloud' ? 'wse.m.cloud' : 'wse.m.digital');
    const currentEl = h('b', { 'data-testid': which + '-current' });
    const monthF = field('month', t('wse.m.month'), monthInput({ 'data-testid': which + '-month' }));
    const setBtn = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': which + '-set' }, t('wse.m.set'));
    const clearBtn = h('button', { type: 'button', class: 'btn', 'data-testid': which + '-clear' }, t('wse.m.clear'));
    const form = h('form', { class: 'form form-inline', novalidate: true }, monthF.el, h('div', { class: 'form-actions' }, setBtn, clearBtn));
    const state = formState(form, [monthF]);
    const el = h('div', { class: 'milestone', 'data-milestone': which },
      h('h3', { class: 'subpanel-title' }, label, ' ', h('span', { class: 'muted' }, t('wse.m.now')), ' ', currentEl), form);

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      state.clear();
      const m = monthF.control.value.trim();
      if (!isMonth(m)) { state.fieldError('month', m ? t('srv.month') : t('srv.required')); return; }
      if (m > calendar.reportingMonth) { state.fieldError('month', t('srv.afterReporting', { m: month(calendar.reportingMonth) })); return; }
      const res = await submit(state, () => request('PUT', routes.milestone(id, which), { json: { month: m } }));
      if (!res) return;
      await done(t('wse.m.done', { what: label, m: month(m) }));
    });
    clearBtn.addEventListener('click', async () => {
      const res = await submit(state, () => request('DELETE', routes.milestone(id, which)));
      if (!res) return;
      monthF.control.value = '';
      await done(t('wse.m.cleared', { what: label }));
    });

    return {
      el,
      setWritable(on) { form.hidden = !on; },
      update() {
        const v = data[key];
        setText(currentEl, v ? month(v) : t('none'));
        monthF.control.max = calendar.reportingMonth;
        if (!monthF.control.value && v) monthF.control.value = v;
        clearBtn.disabled = !v;
      },
    };
  }

  // Add a certification (kind, level, month).
  function certForm() {
    const kind = field('kind', t('e.c.kind'), select([['', t('ws.choose')], ...CERT_KINDS.map((k) => [k, t('cert.' + k)])], '', { 'data-testid': 'cert-kind' }));
    const level = field('level', t('e.c.level'), select(LEVELS.map((l) => [l, t('level.' + l)]), 'city', { 'data-testid': 'cert-level' }));
    const monthF = field('month', t('e.c.month'), monthInput({ 'data-testid': 'cert-month' }));
    const button = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'cert-submit' }, t('wse.c.submit'));
    const form = h('form', { class: 'form form-grid', novalidate: true }, kind.el, level.el, monthF.el,
      h('div', { class: 'form-actions span-all' }, button));
    const state = formState(form, [kind, level, monthF], {});
    const el = h('div', { class: 'subpanel' }, h('h3', { class: 'subpanel-title' }, t('wse.c.title')), form);
    monthF.control.max = calendar.reportingMonth;

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      state.clear();
      const m = monthF.control.value.trim();
      let bad = false;
      if (!kind.control.value) { state.fieldError('kind', t('srv.required')); bad = true; }
      if (!isMonth(m)) { state.fieldError('month', m ? t('srv.month') : t('srv.required')); bad = true; }
      else if (m > calendar.reportingMonth) { state.fieldError('month', t('srv.afterReporting', { m: month(calendar.reportingMonth) })); bad = true; }
      if (bad) return;
      const body = { kind: kind.control.value, level: level.control.value, month: m };
      const res = await submit(state, () => request('POST', routes.certifications(id), { json: body }));
      if (!res) return;
      const what = `${t('cert.' + body.kind)}${paren(t('level.' + body.level))}`;
      if (res.data?.changed === false) { toast(t('wse.c.same', { what })); return; }
      kind.control.value = '';
      await done(t('wse.c.done', { what }));
    });
    return { el };
  }

  // The profile, guarded by If-Match: a change by someone else since it was read is refused (412), the user's
  // input stays in the form, and they can load the latest version and apply it again.
  function profileForm() {
    const name = field('name', t('ws.r.name'), textInput({ 'data-testid': 'profile-name', maxlength: '200' }));
    const countyCtl = select(counties().map((c) => [c.id, countyName(c)]), '', { 'data-testid': 'profile-county' });
    const county = field('countyId', t('e.county'), countyCtl);
    const sector = field('sector', t('e.sector'), select(sectors().map((s) => [s.id, sectorName(s.id)]), '', { 'data-testid': 'profile-sector' }));
    const scale = field('aboveScale', t('e.scale'), select([['true', t('scale.above')], ['false', t('scale.below')]], 'true', { 'data-testid': 'profile-scale' }));
    const status = field('status', t('e.status'), select(STATUSES.map((s) => [s, t('entStatus.' + s)]), 'active', { 'data-testid': 'profile-status' }));
    const fields = [name, county, sector, scale, status];
    const button = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'profile-submit' }, t('wse.f.submit'));
    const reset = h('button', { type: 'button', class: 'btn', 'data-testid': 'profile-reset' }, t('wse.f.reset'));
    const form = h('form', { class: 'form', novalidate: true, 'aria-describedby': 'wse-profile-version' }, fields.map((f) => f.el),
      h('p', { class: 'muted small', id: 'wse-profile-version' }),
      h('div', { class: 'form-actions' }, button, reset));
    const state = formState(form, fields, {});
    const c = card('h-wse-profile', t('wse.f.title'), form);
    let base = null;      // the profile the form was filled from
    let baseEtag = null;  // the version that profile was read at (sent as If-Match)
    let dirty = false;

    const values = () => ({
      name: name.control.value.trim(), countyId: county.control.value, sector: sector.control.value,
      aboveScale: scale.control.value === 'true', status: status.control.value,
    });
    const profileOf = (e) => ({ name: e.name, countyId: e.countyId, sector: e.sector, aboveScale: !!e.aboveScale, status: e.status });
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

    function fill(p) {
      name.control.value = p.name;
      county.control.value = p.countyId;
      sector.control.value = p.sector;
      scale.control.value = String(p.aboveScale);
      status.control.value = p.status;
      dirty = false;
    }
    function versionNote() {
      form.querySelector('#wse-profile-version').textContent = t('wse.f.version', { v: String(baseEtag || '').replace(/\D/g, '') });
    }
    form.addEventListener('input', () => { dirty = true; });
    form.addEventListener('change', () => { dirty = true; });
    reset.addEventListener('click', () => { state.clear(); base = profileOf(data); baseEtag = etag; fill(base); versionNote(); });

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      state.clear();
      const body = values();
      if (!body.name) { state.fieldError('name', t('srv.required')); name.control.focus(); return; }
      if (same(body, base) && baseEtag === etag) { state.note(t('wse.f.nothing')); return; }
      const res = await submit(state, () => request('PUT', routes.enterprise(id), { json: body, ifMatch: baseEtag }), {
        412: t('wse.f.conflict'),
      });
      if (!res) {
        const conflict = [...state.general.querySelectorAll('.form-error')].some((x) => x.textContent.startsWith(t('wse.f.conflict')));
        if (conflict) {
          state.general.querySelector('.form-error').append(' ', h('button', {
            type: 'button', class: 'btn btn-small', 'data-testid': 'profile-reload',
            onclick: reloadKeepingInput,
          }, t('wse.f.reload')));
        }
        return;
      }
      dirty = false;
      base = null;
      const moved = body.countyId !== data.countyId;
      await done(t('wse.f.done', { name: body.name }));
      if (moved) toast(t('wse.f.moved', { county: countyName(counties().find((x) => x.id === body.countyId)) }));
    });

    // Three-way merge: what the user edited (against the version they started from) stays; every other field
    // takes the latest saved value, so re-saving cannot silently undo someone else's change.
    async function reloadKeepingInput() {
      const mine = values();
      const started = base || profileOf(data);
      await load();
      const latest = profileOf(data);
      const merged = {};
      const kept = [];
      const theirs = [];
      const both = [];
      for (const k of Object.keys(latest)) {
        const edited = mine[k] !== started[k];
        const changed = latest[k] !== started[k];
        merged[k] = edited ? mine[k] : latest[k];
        if (edited) kept.push(k);
        if (changed && !edited) theirs.push(k);
        if (edited && changed && latest[k] !== mine[k]) both.push(k);
      }
      fill(merged);
      dirty = kept.length > 0;
      base = latest;
      baseEtag = etag;
      versionNote();
      state.clear();
      const sep = getLang() === 'en' ? ', ' : '、';
      state.note(t('wse.f.reloaded', { v: data.version })
        + (kept.length ? ' ' + t('wse.f.kept', { fields: kept.map(fieldLabel).join(sep) }) : '')
        + (theirs.length ? ' ' + t('wse.f.theirs', { fields: theirs.map(fieldLabel).join(sep) }) : ''));
      const shown = { name: (v) => v, countyId: (v) => countyName(counties().find((c) => c.id === v)) || v, sector: sectorName,
        aboveScale: (v) => t(v ? 'scale.above' : 'scale.below'), status: (v) => t('entStatus.' + v) };
      for (const k of both) {
        const f = fields.find((x) => x.name === k);
        f?.slot.append(h('p', { class: 'form-warn' }, t('wse.f.both', { v: shown[k](latest[k]) })));
      }
    }
    const fieldLabel = (k) => ({ name: t('ws.r.name'), countyId: t('e.county'), sector: t('e.sector'), aboveScale: t('e.scale'), status: t('e.status') }[k] || k);

    return {
      card: c,
      update() {
        const latest = profileOf(data);
        // County agents cannot move a firm to another county; only city staff see the choice.
        county.control.disabled = !isCity();
        county.hint?.remove();
        if (!isCity()) {
          if (!county.el.querySelector('.field-hint')) county.el.insertBefore(h('p', { class: 'field-hint' }, t('wse.f.countyCity')), county.slot);
        }
        if (!dirty || !base) {
          base = latest; baseEtag = etag; fill(latest);
        } else if (same(latest, base)) {
          // Only other parts of the firm changed (e.g. a month reported): the profile being edited is still current.
          baseEtag = etag;
        }
        versionNote();
      },
    };
  }

  return {
    destroy() {
      destroyed = true;
      seq++;
      clearTimeout(reloadTimer);
      unwatch?.();
      for (const fn of cleanups) { try { fn(); } catch (e) { console.error(e); } }
    },
  };
}
