// The county's enterprise table: server-side paging, sortable columns, filters.
import { h, setText, clear } from './dom.js';
import './strings/coverage.js';
import { t, getLang } from './i18n.js';
import { money, count } from './format.js';
import { getJson, routes, sectors } from './api.js';

const PAGE_SIZES = [20, 50, 100];
const STATUSES = ['active', 'halted', 'semi-halted', 'revived'];
const COLUMNS = [
  { key: 'name', label: 'ent.col.name', sort: 'name', cls: 'c-name' },
  { key: 'sector', label: 'ent.col.sector', sort: 'sector' },
  { key: 'scale', label: 'ent.col.scale' },
  { key: 'status', label: 'ent.col.status', sort: 'status' },
  { key: 'covered', label: 'ent.col.covered' },
  { key: 'projects', label: 'ent.col.projects', sort: 'projects', cls: 'c-num' },
  { key: 'totalInvestment', label: 'ent.col.totalInvestment', sort: 'totalInvestment', cls: 'c-num' },
  { key: 'completed', label: 'ent.col.completed', sort: 'completed', cls: 'c-num' },
  { key: 'completedThisYear', label: 'ent.col.completedThisYear', sort: 'completedThisYear', cls: 'c-num' },
  { key: 'flags', label: 'ent.col.flags', cls: 'c-flags' },
  { key: 'grants', label: 'ent.col.grants', cls: 'c-num' },
];

// Table state per county survives leaving and re-entering the county board.
const savedState = new Map();

export function sectorName(id) {
  const s = sectors().find((x) => x.id === id);
  if (!s) return id || '—';
  return getLang() === 'en' ? s.nameEn : s.nameZh;
}

export function statusBadge(status) {
  return h('span', { class: 'badge st-' + status }, t('entStatus.' + status));
}

function defaults() {
  return { skip: 0, take: 20, sort: 'name', desc: false, search: '', aboveScale: '', covered: '', sector: '', status: '' };
}

function select(label, value, options, onChange, testid) {
  const id = 'f-' + Math.random().toString(36).slice(2, 8);
  const sel = h('select', { id, 'data-testid': testid, onchange: (e) => onChange(e.target.value) },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
  return { el: h('div', { class: 'field' }, h('label', { for: id }, label), sel), sel };
}

/**
 * opts (all optional): stateKey — where filters are remembered (default: the county); href(id) — where a firm's
 * name links to; rowTestid; columns — the column keys to show; fixed — filters locked to a value (their selects hidden).
 */
export function enterpriseTable(countyId, opts = {}) {
  const stateKey = opts.stateKey || countyId;
  const fixed = opts.fixed || {};
  const href = opts.href || ((id) => `#/enterprise/${encodeURIComponent(id)}`);
  const columns = opts.columns ? COLUMNS.filter((c) => opts.columns.includes(c.key)) : COLUMNS;
  const shown = new Set(columns.map((c) => c.key));
  const state = { ...defaults(), ...(savedState.get(stateKey) || {}), ...fixed };
  let seq = 0;
  let controller = null;
  let lastData = null;
  let refreshTimer = null;
  let lastRefresh = 0;
  const rows = new Map();

  const save = () => savedState.set(stateKey, { ...state });

  // ---- filters ----
  let searchTimer = null;
  const searchId = 'f-search-' + stateKey;
  const search = h('input', {
    id: searchId, type: 'search', value: state.search, placeholder: t('ent.search'), autocomplete: 'off',
    'data-testid': 'enterprise-search',
    oninput: (e) => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => { state.search = e.target.value.trim(); state.skip = 0; load(); }, 300);
    },
  });
  const all = ['', t('ent.filter.all')];
  const fScale = select(t('ent.filter.scale'), state.aboveScale, [all, ['true', t('scale.above')], ['false', t('scale.below')]],
    (v) => { state.aboveScale = v; state.skip = 0; load(); }, 'filter-scale');
  const fCovered = select(t('ent.filter.covered'), state.covered, [all, ['true', t('covered.yes')], ['false', t('covered.no')]],
    (v) => { state.covered = v; state.skip = 0; load(); }, 'filter-covered');
  const fSector = select(t('ent.filter.sector'), state.sector, [all, ...sectors().map((s) => [s.id, sectorName(s.id)])],
    (v) => { state.sector = v; state.skip = 0; load(); }, 'filter-sector');
  const fStatus = select(t('ent.filter.status'), state.status, [all, ...STATUSES.map((s) => [s, t('entStatus.' + s)])],
    (v) => { state.status = v; state.skip = 0; load(); }, 'filter-status');
  const reset = h('button', {
    type: 'button', class: 'btn',
    onclick: () => {
      Object.assign(state, defaults(), { take: state.take }, fixed);
      search.value = '';
      fScale.sel.value = ''; fCovered.sel.value = ''; fSector.sel.value = ''; fStatus.sel.value = '';
      load();
    },
  }, t('ent.filter.reset'));
  const filters = h('div', { class: 'filters', role: 'search' },
    h('div', { class: 'field field-search' }, h('label', { for: searchId }, t('ent.searchLabel')), search),
    'aboveScale' in fixed ? null : fScale.el, 'covered' in fixed ? null : fCovered.el,
    'sector' in fixed ? null : fSector.el, 'status' in fixed ? null : fStatus.el, reset);

  // ---- table ----
  const headCells = new Map();
  const thead = h('thead', null, h('tr', null, columns.map((c) => {
    let content = t(c.label);
    if (c.sort) {
      content = h('button', { type: 'button', class: 'sort-btn', title: t('ent.sortBy'), onclick: () => sortBy(c.sort) },
        t(c.label), h('span', { class: 'sort-ind', 'aria-hidden': 'true' }));
    }
    const th = h('th', { scope: 'col', class: c.cls || '' }, content);
    headCells.set(c.sort, th);
    return th;
  })));
  const tbody = h('tbody');
  const empty = h('p', { class: 'empty', hidden: true }, t('ent.empty'));
  const table = h('table', { class: 'data-table ent-table', 'aria-busy': 'false' },
    h('caption', { class: 'sr-only' }, t('ent.list')), thead, tbody);

  // ---- pager ----
  const pageInfo = h('span', { class: 'page-info', 'aria-live': 'polite' });
  const btnFirst = h('button', { type: 'button', class: 'btn', onclick: () => goPage(0) }, '«', h('span', { class: 'sr-only' }, t('ent.first')));
  const btnPrev = h('button', { type: 'button', class: 'btn', onclick: () => goPage(pageIndex() - 1) }, '‹ ' + t('ent.prev'));
  const btnNext = h('button', { type: 'button', class: 'btn', onclick: () => goPage(pageIndex() + 1), 'data-testid': 'page-next' }, t('ent.next') + ' ›');
  const btnLast = h('button', { type: 'button', class: 'btn', onclick: () => goPage(pageCount() - 1) }, '»', h('span', { class: 'sr-only' }, t('ent.last')));
  const sizeSel = select(t('ent.pageSize'), String(state.take), PAGE_SIZES.map((n) => [String(n), String(n)]),
    (v) => { state.take = Number(v); state.skip = 0; load(); }, 'page-size');
  const pager = h('div', { class: 'pager' }, pageInfo, h('span', { class: 'pager-btns' }, btnFirst, btnPrev, btnNext, btnLast), sizeSel.el);

  const el = h('div', { class: 'ent-table-wrap' }, filters, h('div', { class: 'table-wrap' }, table), empty, pager);

  function pageIndex() { return Math.floor(state.skip / state.take); }
  function pageCount() { return Math.max(1, Math.ceil((lastData?.total || 0) / state.take)); }
  function goPage(i) {
    const p = Math.max(0, Math.min(pageCount() - 1, i));
    state.skip = p * state.take;
    load();
  }
  function sortBy(key) {
    if (state.sort === key) state.desc = !state.desc;
    else { state.sort = key; state.desc = ['projects', 'totalInvestment', 'completed', 'completedThisYear'].includes(key); }
    state.skip = 0;
    load();
  }

  function renderSort() {
    for (const [key, th] of headCells) {
      if (!key || !th.querySelector('.sort-ind')) continue;
      const active = state.sort === key;
      if (active) th.setAttribute('aria-sort', state.desc ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
      th.querySelector('.sort-ind').textContent = active ? (state.desc ? ' ▼' : ' ▲') : ' ⇅';
      th.classList.toggle('sorted', active);
    }
  }

  function rowFor(item) {
    let row = rows.get(item.id);
    if (row) return row;
    const c = {
      name: h('a', { href: href(item.id) }),
      sector: h('td'), scale: h('td'), status: h('td'), covered: h('td'),
      projects: h('td', { class: 'c-num' }), totalInvestment: h('td', { class: 'c-num' }),
      completed: h('td', { class: 'c-num' }), completedThisYear: h('td', { class: 'c-num' }),
      flags: h('td', { class: 'c-flags' }), grants: h('td', { class: 'c-num' }),
    };
    const tr = h('tr', { 'data-testid': opts.rowTestid || 'enterprise-row', 'data-enterprise': item.id, 'data-id': item.id },
      h('th', { scope: 'row', class: 'c-name' }, c.name),
      COLUMNS.filter((col) => col.key !== 'name' && shown.has(col.key)).map((col) => c[col.key]));
    row = { tr, c };
    rows.set(item.id, row);
    return row;
  }

  function flag(on, label) {
    return h('span', { class: 'flag ' + (on ? 'on' : 'off'), title: label + '：' + t(on ? 'yes' : 'no'), 'aria-label': label + '：' + t(on ? 'yes' : 'no') }, on ? '✓' : '–');
  }

  function render(data) {
    lastData = data;
    const items = data.items || [];
    const seen = new Set();
    const order = [];
    for (const it of items) {
      const { tr, c } = rowFor(it);
      seen.add(it.id);
      order.push(tr);
      setText(c.name, it.name);
      setText(c.sector, sectorName(it.sector));
      setText(c.scale, t(it.aboveScale ? 'scale.above' : 'scale.below'));
      if (c.status.dataset.v !== it.status) { c.status.replaceChildren(statusBadge(it.status)); c.status.dataset.v = it.status; }
      // Coverage counts above-scale firms only: a below-scale firm is neither covered nor 未覆盖.
      const cov = it.covered ? 'yes' : it.aboveScale ? 'no' : 'na';
      if (c.covered.dataset.v !== cov) {
        c.covered.replaceChildren(cov === 'na' ? h('span', { class: 'muted', title: t('covered.naHint') }, t('covered.na'))
          : h('span', { class: 'badge ' + (it.covered ? 'cov-yes' : 'cov-no') }, t('covered.' + cov)));
        c.covered.dataset.v = cov;
      }
      setText(c.projects, count(it.projects));
      setText(c.totalInvestment, money(it.totalInvestment));
      setText(c.completed, money(it.completed));
      setText(c.completedThisYear, money(it.completedThisYear));
      const fsig = `${it.cloud}|${it.digital}|${it.certifications}`;
      if (c.flags.dataset.v !== fsig) {
        c.flags.replaceChildren(flag(it.cloud, t('goal.cloud')), flag(it.digital, t('goal.digital')),
          h('span', { class: 'flag ' + (it.certifications > 0 ? 'on' : 'off'), title: t('e.certs') }, String(it.certifications ?? 0)));
        c.flags.dataset.v = fsig;
      }
      setText(c.grants, it.grantsAwarded ? money(it.grantsAwarded) : '—');
    }
    for (const id of [...rows.keys()]) if (!seen.has(id)) rows.delete(id);
    const same = order.length === tbody.children.length && order.every((tr, i) => tbody.children[i] === tr);
    if (!same) tbody.replaceChildren(...order);
    empty.hidden = items.length > 0;
    const pages = pageCount();
    const p = Math.min(pageIndex() + 1, pages);
    setText(pageInfo, t('ent.page', { n: count(data.total ?? 0), p, pages }));
    btnFirst.disabled = btnPrev.disabled = pageIndex() <= 0;
    btnNext.disabled = btnLast.disabled = pageIndex() >= pages - 1;
  }

  async function load() {
    save();
    renderSort();
    const my = ++seq;
    controller?.abort();
    controller = new AbortController();
    table.setAttribute('aria-busy', 'true');
    el.classList.add('busy');
    lastRefresh = Date.now();
    try {
      const data = await getJson(routes.enterprises(countyId, {
        skip: state.skip, take: state.take, sort: state.sort, desc: state.desc,
        search: state.search, aboveScale: state.aboveScale, covered: state.covered, sector: state.sector, status: state.status,
      }), { signal: controller.signal });
      if (my !== seq) return;
      // A filter may have shrunk the result below the current page: step back to the last page.
      if (data.items?.length === 0 && data.total > 0 && state.skip > 0) {
        state.skip = Math.max(0, (Math.ceil(data.total / state.take) - 1) * state.take);
        load();
        return;
      }
      render(data);
    } catch (e) {
      if (e.name === 'AbortError' || my !== seq) return;
      setText(pageInfo, t('board.error'));
    } finally {
      if (my === seq) {
        table.setAttribute('aria-busy', 'false');
        el.classList.remove('busy');
      }
    }
  }

  /** Re-read the current page (e.g. the county board changed); at most every 2 s. */
  function refresh() {
    const wait = Math.max(0, 2000 - (Date.now() - lastRefresh));
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(load, wait);
  }

  function destroy() {
    clearTimeout(refreshTimer);
    clearTimeout(searchTimer);
    controller?.abort();
    seq++;
  }

  return { el, load, refresh, destroy };
}

/** The "one enterprise, one plan" list: uncovered above-scale firms of a county. */
export function planList(countyId) {
  let seq = 0;
  let timer = null;
  const list = h('ol', { class: 'plan-list', 'data-testid': 'plan-list' });
  const none = h('p', { class: 'muted', hidden: true }, t('plan.none'));
  const countEl = h('span', { class: 'plan-count' });
  const el = h('div', { class: 'plan' }, list, none);
  let sig = '';

  async function load() {
    const my = ++seq;
    try {
      const data = await getJson(routes.enterprises(countyId, { aboveScale: true, covered: false, take: 500, skip: 0, sort: 'name', desc: false }));
      if (my !== seq) return;
      const items = data.items || [];
      setText(countEl, t('plan.count', { n: count(data.total ?? items.length) }));
      const nextSig = items.map((i) => `${i.id}:${i.version}:${i.status}`).join(',') + getLang();
      if (nextSig === sig) return;
      sig = nextSig;
      clear(list);
      items.forEach((it, i) => list.append(h('li', { 'data-enterprise': it.id },
        h('span', { class: 'plan-no', 'aria-hidden': 'true' }, String(i + 1)),
        h('div', { class: 'plan-body' },
          h('a', { href: `#/enterprise/${encodeURIComponent(it.id)}`, class: 'plan-name' }, it.name),
          h('div', { class: 'plan-meta' },
            h('span', null, sectorName(it.sector)),
            statusBadge(it.status),
            h('span', null, t('plan.projects', { n: count(it.projects) })),
            it.totalInvestment ? h('span', null, money(it.totalInvestment)) : null)))));
      none.hidden = items.length > 0;
    } catch {
      if (my === seq) setText(countEl, t('board.error'));
    }
  }

  function refresh() {
    clearTimeout(timer);
    timer = setTimeout(load, 800);
  }

  return { el, countEl, load, refresh, destroy() { clearTimeout(timer); seq++; } };
}
