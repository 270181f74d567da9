// County agent workspace (#/workspace; city staff pick a county: #/workspace?county=ID): the worklist, the county's
// 月调度 completeness and start rate, its firms (paged, searchable, a "no project yet" tab), registering a firm, its
// project database (review, 入库, 出库, key projects), the monthly report import, exports, an API token for county
// scripts, and the county's recent change history.
import { h, setText } from '../dom.js';
import { t, countyName, getLang } from '../i18n.js';
import { count, dateTime } from '../format.js';
import { ApiError, request, download, getJson, routes, loadCounties, loadSectors, loadCalendar, counties, sectors } from '../api.js';
import { ready, session, isCity, isCounty, onSession, toLogin } from '../session.js';
import { watch } from '../live.js';
import { enterpriseTable, sectorName } from '../table.js';
import { field, formState, submit, textInput, select, toast, explain, errorText, copyText } from '../forms.js';
import { historyTable } from '../audit.js';
import { card } from './workspace/card.js';
import { importCard } from './workspace/import-card.js';
import { worklistCard } from './workspace/worklist-card.js';
import { projectsCard } from './workspace/projects-card.js';
import { scheduleCard } from '../cards/schedule.js';
import { projectDatabaseCard } from '../cards/project-database.js';
import '../strings/import.js';

const COUNTY_KEY = 'threeTransformations.wsCounty';
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const STATUSES = ['active', 'halted', 'semi-halted', 'revived'];
const WS_COLUMNS = ['name', 'sector', 'scale', 'status', 'covered', 'projects', 'completed', 'completedThisYear', 'flags'];

export const wsHref = (id) => `#/workspace/enterprise/${encodeURIComponent(id)}`;

export { card };

/** The page a signed-out or not-allowed person sees instead of a workspace page. */
export function guard(main, ctx, s, { cityOnly = false } = {}) {
  if (!s.authenticated) {
    toLogin();
    return false;
  }
  const allowed = cityOnly ? s.role === 'city' : (s.role === 'city' || s.role === 'county');
  if (!allowed) {
    ctx.setCrumbs([{ label: t(cityOnly ? 'nav.users' : 'nav.workspace') }]);
    main.replaceChildren(h('div', { class: 'card notfound', role: 'alert' },
      h('h1', null, t('ws.notAllowedTitle')),
      h('p', null, t(cityOnly ? 'ws.cityOnly' : 'ws.notAllowed', { role: t('role.' + s.role) })),
      h('p', null, h('a', { href: '#/' }, t('board.back')))));
    return false;
  }
  return true;
}

function rememberCounty(id) {
  try { window.localStorage.setItem(COUNTY_KEY, id); } catch { /* storage blocked */ }
}
function rememberedCounty() {
  try { return window.localStorage.getItem(COUNTY_KEY); } catch { return null; }
}

export function mountWorkspace(main, ctx, route) {
  let destroyed = false;
  const cleanups = [];
  const loading = h('p', { class: 'loading' }, t('board.loading'));
  main.append(loading);
  ctx.setTitle(t('nav.workspace'));
  ctx.setCrumbs([{ label: t('nav.workspace') }]);

  Promise.all([ready(), loadCounties().catch(() => []), loadSectors().catch(() => [])]).then(([s]) => {
    if (destroyed) return;
    loading.remove();
    if (!guard(main, ctx, s)) return;
    let countyId = isCounty() ? s.county : (route.query.get('county') || rememberedCounty());
    if (countyId && !counties().some((c) => c.id === countyId)) countyId = null;
    if (isCity() && countyId && route.query.get('county') !== countyId) {
      window.location.replace(`#/workspace?county=${encodeURIComponent(countyId)}`);
      return;
    }
    if (!countyId) { pickCounty(); return; }
    if (isCity()) rememberCounty(countyId);
    build(countyId);
  });

  // Signing out (or the session ending) leaves the workspace.
  cleanups.push(onSession((s) => {
    if (!destroyed && s.loaded && !s.authenticated && !s.lost) toLogin();
  }));

  function countySelect(selected) {
    const sel = h('select', {
      id: 'ws-county', 'data-testid': 'ws-county',
      onchange: (e) => { if (e.target.value) window.location.hash = `#/workspace?county=${encodeURIComponent(e.target.value)}`; },
    }, h('option', { value: '' }, t('ws.pickCounty')),
    counties().map((c) => h('option', { value: c.id, selected: c.id === selected }, countyName(c))));
    return h('span', { class: 'field inline' }, h('label', { for: 'ws-county' }, t('ws.county')), sel);
  }

  function pickCounty() {
    main.append(h('div', { class: 'board-head' }, h('h1', { class: 'board-title' }, t('ws.title')), h('span', { class: 'board-head-extra' }, countySelect(''))),
      card('h-pick', t('ws.pickCounty'),
        h('p', { class: 'muted' }, t('ws.pickIntro')),
        h('ul', { class: 'county-picks' }, counties().map((c) => h('li', null,
          h('a', { class: 'btn county-pick', href: `#/workspace?county=${encodeURIComponent(c.id)}` }, countyName(c)))))));
  }

  function build(countyId) {
    const county = counties().find((c) => c.id === countyId);
    const cname = countyName(county);
    ctx.setTitle(t('ws.titleCounty', { name: cname }));
    ctx.setCrumbs([{ label: t('nav.workspace'), href: '#/workspace' + (isCity() ? `?county=${encodeURIComponent(countyId)}` : '') }, { label: cname }]);

    const head = h('div', { class: 'board-head' },
      h('h1', { class: 'board-title' }, t('ws.titleCounty', { name: cname })),
      h('ul', { class: 'board-meta' },
        h('li', null, t('ws.signedInAs') + ' ', h('b', null, session().displayName || session().userName), ' · ', t('role.' + session().role)),
        h('li', null, h('a', { href: `#/county/${encodeURIComponent(countyId)}` }, t('ws.countyBoard')))),
      h('span', { class: 'board-head-extra' }, isCity() ? countySelect(countyId) : null));

    const work = worklistCard(countyId);
    const ents = enterprisesCard(countyId);
    const imp = importCard(countyId, () => { ents.refresh(); hist.load(); });
    const files = downloadsCard(countyId);
    const token = tokenCard();
    const hist = historyCard(countyId);
    const projects = projectsCard(countyId);
    // The county's 月调度 completeness and its project database with the start rate, as on its board (pushed).
    const sched = scheduleCard('ws', countyId);
    const database = projectDatabaseCard('ws');

    main.append(head, work.el,
      h('div', { class: 'ws-kpis' }, sched.el, database.el),
      h('div', { class: 'ws-grid' },
        h('div', { class: 'ws-main' }, ents.el),
        h('div', { class: 'ws-side' }, files.el, token.el)),
      projects.el,
      imp.el,
      hist.el);

    work.load();
    ents.load();
    hist.load();
    projects.load();
    let first = true;
    const unwatch = watch(`county:${countyId}`, (snapshot) => {
      sched.update(snapshot);
      database.update(snapshot);
      if (first) { first = false; return; }
      work.refresh();
      ents.refresh();
      hist.refresh();
      projects.refresh();
    });
    cleanups.push(unwatch, () => ents.destroy(), () => hist.destroy(), () => projects.destroy());
  }

  // ---- enterprises: all / no project yet, and registering a firm ----
  function enterprisesCard(countyId) {
    const tabs = [
      { key: 'all', label: t('ws.tabAll'), opts: {} },
      { key: 'noProject', label: t('ws.tabNoProject'), opts: { fixed: { aboveScale: 'true', covered: 'false' } } },
    ];
    const tables = new Map();
    let active = route.query.get('tab') === 'noProject' ? 'noProject' : 'all';
    const panel = h('div', { class: 'tab-panel', role: 'tabpanel', id: 'ws-tabpanel' });
    const note = h('p', { class: 'muted small tab-note' });
    const tabButtons = tabs.map((tb) => h('button', {
      type: 'button', role: 'tab', class: 'tab', id: 'ws-tab-' + tb.key, 'aria-controls': 'ws-tabpanel',
      'data-testid': 'ws-tab-' + tb.key, onclick: () => show(tb.key),
    }, tb.label, h('span', { class: 'tab-count', 'data-ref': 'count-' + tb.key })));
    const tabList = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('ent.list') }, tabButtons);
    tabList.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const i = tabs.findIndex((x) => x.key === active);
      const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
      show(next.key);
      document.getElementById('ws-tab-' + next.key)?.focus();
    });

    function table(key) {
      if (!tables.has(key)) {
        const tb = tabs.find((x) => x.key === key);
        tables.set(key, enterpriseTable(countyId, {
          stateKey: `ws:${countyId}:${key}`, href: wsHref, rowTestid: 'ws-row', columns: WS_COLUMNS, ...tb.opts,
        }));
      }
      return tables.get(key);
    }

    function show(key) {
      active = key;
      for (const b of tabButtons) {
        const on = b.id === 'ws-tab-' + key;
        b.setAttribute('aria-selected', on ? 'true' : 'false');
        b.tabIndex = on ? 0 : -1;
      }
      panel.setAttribute('aria-labelledby', 'ws-tab-' + key);
      const tb = table(key);
      setText(note, key === 'noProject' ? t('ws.noProjectNote') : '');
      note.hidden = key !== 'noProject';
      panel.replaceChildren(note, tb.el);
      tb.load();
    }

    const reg = registerForm(countyId);
    const regButton = h('button', {
      type: 'button', class: 'btn btn-primary', 'aria-expanded': 'false', 'aria-controls': reg.el.id, 'data-testid': 'ws-register',
      onclick: () => {
        const open = reg.el.hidden;
        reg.el.hidden = !open;
        regButton.setAttribute('aria-expanded', String(open));
        if (open) reg.focus();
      },
    }, '＋ ' + t('ws.register'));
    reg.onCancel = () => { reg.el.hidden = true; regButton.setAttribute('aria-expanded', 'false'); regButton.focus(); };

    const el = card('h-ws-ents', t('ent.list'), reg.el, tabList, panel);
    el.querySelector('.card-head-extra').append(regButton);

    // Counts on the tabs (one small read each).
    async function counts() {
      try {
        const [all, none] = await Promise.all([
          getJson(routes.enterprises(countyId, { take: 1 })),
          getJson(routes.enterprises(countyId, { take: 1, aboveScale: true, covered: false })),
        ]);
        setText(el.querySelector('[data-ref="count-all"]'), count(all.total));
        setText(el.querySelector('[data-ref="count-noProject"]'), count(none.total));
      } catch { /* the tables say when the server is unreachable */ }
    }

    return {
      el,
      load() { show(active); counts(); },
      refresh() { tables.get(active)?.refresh(); counts(); },
      destroy() { for (const tb of tables.values()) tb.destroy(); },
    };
  }

  function registerForm(countyId) {
    const id = field('id', t('ws.r.id'), textInput({ 'data-testid': 'reg-id', maxlength: '64', autocapitalize: 'none', spellcheck: 'false' }),
      { hint: t('ws.r.idHint') });
    const name = field('name', t('ws.r.name'), textInput({ 'data-testid': 'reg-name', maxlength: '200' }));
    const countyCtl = isCity()
      ? select(counties().map((c) => [c.id, countyName(c)]), countyId, { 'data-testid': 'reg-county' })
      : h('input', { type: 'text', readonly: true, value: countyName(counties().find((c) => c.id === countyId)), 'aria-readonly': 'true' });
    const county = field('countyId', t('e.county'), countyCtl, { hint: isCity() ? null : t('ws.r.countyFixed') });
    const sector = field('sector', t('e.sector'), select([['', t('ws.choose')], ...sectors().map((s) => [s.id, sectorName(s.id)])], '', { 'data-testid': 'reg-sector' }));
    const scale = field('aboveScale', t('e.scale'), select([['true', t('scale.above')], ['false', t('scale.below')]], 'true', { 'data-testid': 'reg-scale' }),
      { hint: t('ws.r.scaleHint') });
    const status = field('status', t('e.status'), select(STATUSES.map((s) => [s, t('entStatus.' + s)]), 'active', { 'data-testid': 'reg-status' }));
    const fields = [id, name, county, sector, scale, status];
    const submitBtn = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'reg-submit' }, t('ws.r.submit'));
    const cancel = h('button', { type: 'button', class: 'btn', onclick: () => api.onCancel?.() }, t('ws.cancel'));
    const form = h('form', { class: 'form form-grid', novalidate: true }, fields.map((f) => f.el), h('div', { class: 'form-actions span-all' }, submitBtn, cancel));
    const state = formState(form, fields);
    const el = h('div', { class: 'subpanel', id: 'ws-register-panel', hidden: true },
      h('h3', { class: 'subpanel-title' }, t('ws.register')), h('p', { class: 'muted small' }, t('ws.r.intro')), form);

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      state.clear();
      const firmId = id.control.value.trim();
      let bad = false;
      if (!ID_PATTERN.test(firmId)) { state.fieldError('id', firmId ? t('srv.enterpriseId') : t('srv.required')); bad = true; }
      if (!name.control.value.trim()) { state.fieldError('name', t('srv.required')); bad = true; }
      if (!sector.control.value) { state.fieldError('sector', t('srv.required')); bad = true; }
      if (bad) { form.querySelector('[aria-invalid="true"]')?.focus(); return; }
      const body = {
        name: name.control.value.trim(),
        countyId: isCity() ? county.control.value : countyId,
        sector: sector.control.value,
        aboveScale: scale.control.value === 'true',
        status: status.control.value,
      };
      // If-Match "0": create only — an id already in use is refused (412) instead of overwriting that firm.
      const res = await submit(state, () => request('PUT', routes.enterprise(firmId), { json: body, ifMatch: '"0"' }), {
        412: t('ws.r.taken'),
      });
      if (!res) {
        const taken = state.general.querySelector('.form-error');
        if (taken && taken.textContent === t('ws.r.taken')) {
          state.clear();
          state.fieldError('id', t('ws.r.taken'));
          id.slot.querySelector('.form-error')?.append(' ', h('a', { href: wsHref(firmId) }, t('ws.r.open')));
        }
        return;
      }
      toast(t('ws.r.done', { name: body.name }));
      window.location.hash = wsHref(firmId);
    });

    const api = { el, focus: () => id.control.focus(), onCancel: null };
    return api;
  }

  // ---- exports ----
  function downloadsCard(countyId) {
    const btn = (label, url, name, testid) => h('button', {
      type: 'button', class: 'btn', 'data-testid': testid,
      onclick: async (e) => {
        const b = e.currentTarget;
        b.disabled = true;
        try {
          const file = await download(url, name);
          toast(t('dl.done', { file }));
        } catch (err) {
          toast(errorText(err), 'error');
        } finally { b.disabled = false; }
      },
    }, label);
    const el = card('h-ws-dl', t('dl.title'),
      h('dl', { class: 'dl-list' },
        h('div', null, h('dt', null, t('dl.enterprises')), h('dd', { class: 'btn-row' },
          btn('XLSX', routes.countyExport(countyId, 'xlsx'), `${countyId}-enterprises.xlsx`, 'export-xlsx'),
          btn('CSV', routes.countyExport(countyId, 'csv'), `${countyId}-enterprises.csv`, 'export-csv'))),
        h('div', null, h('dt', null, t('dl.history')), h('dd', { class: 'btn-row' },
          btn('XLSX', routes.countyHistory(countyId, { take: 100000, format: 'xlsx' }), `${countyId}-history.xlsx`, 'history-xlsx'),
          btn('CSV', routes.countyHistory(countyId, { take: 100000, format: 'csv' }), `${countyId}-history.csv`, 'history-csv')))),
      h('p', { class: 'muted small' }, t('mr.dlHint')));
    return { el };
  }

  // ---- API token for county scripts ----
  function tokenCard() {
    const out = h('div', { class: 'token-out' });
    const get = h('button', { type: 'button', class: 'btn', 'data-testid': 'token-get' }, t('tok.get'));
    const state = formState(h('div'), [], { general: h('div', { class: 'form-general' }) });
    get.addEventListener('click', async () => {
      get.disabled = true;
      state.clear();
      try {
        const calendar = await loadCalendar();
        const { data } = await request('POST', routes.token());
        const area = h('textarea', { class: 'token-text mono', readonly: true, rows: '4', 'data-testid': 'token-text', 'aria-label': t('tok.title'), spellcheck: 'false' });
        area.value = data.token;
        const until = new Date(Date.now() + (Number(data.expiresIn) || 0) * 1000);
        const copy = h('button', {
          type: 'button', class: 'btn btn-primary',
          onclick: async () => { toast(await copyText(data.token, area) ? t('tok.copied') : t('tok.copyFailed'), 'ok'); },
        }, t('tok.copy'));
        out.replaceChildren(area,
          h('div', { class: 'btn-row' }, copy, h('span', { class: 'muted small' }, t('tok.expires', { h: Math.round((Number(data.expiresIn) || 0) / 3600), at: dateTime(until.toISOString()) }))),
          h('p', { class: 'muted small' }, t('tok.usage')),
          h('pre', { class: 'code' }, `TOKEN='…'\ncurl -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\\n  -d '{"invested": 1200000}' \\\n  ${window.location.origin}/api/enterprises/ENTERPRISE_ID/projects/p1/progress/${calendar.reportingMonth}`));
        get.textContent = t('tok.again');
      } catch (err) {
        state.show(err);
      } finally { get.disabled = false; }
    });
    const el = card('h-ws-token', t('tok.title'), h('p', { class: 'muted small' }, t('tok.intro')), state.general, h('div', { class: 'btn-row' }, get), out);
    return { el };
  }

  // ---- the county's recent changes ----
  function historyCard(countyId) {
    const PAGE = 50;
    let shown = PAGE;
    let entries = [];
    let seq = 0;
    let timer = null;
    let lastSig = '';
    const body = h('div', { class: 'table-wrap' });
    const more = h('button', { type: 'button', class: 'btn', hidden: true, onclick: () => { shown += PAGE * 2; render(true); } });
    const status = h('p', { class: 'muted small' });
    const el = card('h-ws-history', t('wsh.title'), status, body, h('div', { class: 'btn-row center' }, more));
    el.querySelector('.card-head-extra').append(h('span', { class: 'muted small' }, t('wsh.caption')));
    el.classList.add('ws-history');

    function render(force) {
      const sig = JSON.stringify(entries.slice(0, shown).map((e) => [e.enterpriseId, e.version])) + getLang() + shown;
      if (!force && sig === lastSig) return;
      lastSig = sig;
      if (entries.length === 0) {
        body.replaceChildren(h('p', { class: 'empty' }, t('wsh.none')));
        more.hidden = true;
        return;
      }
      body.replaceChildren(historyTable(entries, { testid: 'ws-history', rowTestid: 'ws-history-row', firm: true, firmHref: wsHref, limit: shown }));
      more.hidden = entries.length <= shown;
      more.textContent = t('wsh.more', { n: count(Math.min(entries.length - shown, PAGE * 2)) });
    }

    async function load() {
      const my = ++seq;
      try {
        const list = await getJson(routes.countyHistory(countyId, { take: 200 }));
        if (my !== seq) return;
        entries = Array.isArray(list) ? list : [];
        setText(status, t('wsh.count', { n: count(entries.length) }));
        render(false);
      } catch {
        if (my === seq) setText(status, t('board.error'));
      }
    }

    return {
      el, load,
      refresh() { clearTimeout(timer); timer = setTimeout(load, 1500); },
      destroy() { clearTimeout(timer); seq++; },
    };
  }

  return {
    destroy() {
      destroyed = true;
      for (const fn of cleanups) { try { fn(); } catch (e) { console.error(e); } }
    },
  };
}
