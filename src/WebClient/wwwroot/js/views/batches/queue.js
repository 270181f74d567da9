// The review queue: a tab per stage (with its count from the live board) and the applications waiting there,
// each with the actions the signed-in person may take.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { getJson, routes } from '../../api.js';
import { dateTime, score } from '../../format.js';
import { session } from '../../session.js';
import {
  STAGES, OUT_TABS, TAB_STATUS, stageLabel, statusLabel, classLabel, resultLabel, countyLabel,
  mayDecide, isCityUser, noticeOpen,
} from '../../grants.js';

const wanNum = (yuan) => (yuan === null || yuan === undefined ? '—'
  : (Number(yuan) / 1e4).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

/** Which buttons an application offers this person: [{kind, label}]. */
export function actionsFor(a, s = session(), now = Date.now()) {
  const out = [];
  if (a.status === 'pending' && mayDecide(s, a.stage, a.countyId)) {
    if (a.stage === 'award') out.push({ kind: 'decide', label: t('g.act.award') });
    else if (a.stage === 'public-notice' && (!a.noticeUntil || noticeOpen(a, now))) { /* publish first / objections only */ }
    else if (a.stage !== 'disbursement') out.push({ kind: 'decide', label: t('g.act.decide') });
  }
  if (noticeOpen(a, now) && s.authenticated && s.role !== 'viewer') out.push({ kind: 'object', label: t('g.act.object') });
  if (a.status === 'awarded' && isCityUser(s)) out.push({ kind: 'disburse', label: t('g.act.disburse') });
  if (a.status === 'returned' && s.authenticated && (s.role === 'city' || (s.role === 'county' && s.county === a.countyId))) {
    out.push({ kind: 'resubmit', label: t('g.act.resubmit') });
  }
  if (a.status === 'waiting' && isCityUser(s)) out.push({ kind: 'decide', label: t('g.act.decline') });
  return out;
}

function statusText(a, now) {
  if (a.stage === 'public-notice' && a.status === 'pending') {
    if (!a.noticeUntil) return t('g.notice.awaiting');
    return now < Date.parse(a.noticeUntil) ? t('g.notice.open', { t: dateTime(a.noticeUntil) }) : t('g.notice.closed');
  }
  return statusLabel(a.status);
}

/**
 * queue({onAction(kind, application), onTab(tab)}) → {el, setBatch(id), setTab(tab), setCounts(stages), reload()}.
 */
export function reviewQueue({ onAction, onTab, initialTab = 'county-check' }) {
  let batchId = null;
  let tab = [...STAGES, ...OUT_TABS].includes(initialTab) ? initialTab : 'county-check';
  let counts = {};
  let items = [];
  let seq = 0;
  let noticeTimer = null;

  const tabs = h('div', { class: 'tabs g-tabs', role: 'tablist', 'aria-label': t('g.queue') });
  const body = h('tbody');
  const caption = h('caption', { class: 'sr-only' });
  const table = h('table', { class: 'data-table g-queue', 'data-testid': 'queue' }, caption,
    h('thead', null, h('tr', null,
      h('th', { scope: 'col', class: 'c-num' }, t('g.c.no')),
      h('th', { scope: 'col' }, t('g.c.county')),
      h('th', { scope: 'col' }, t('g.c.enterprise')),
      h('th', { scope: 'col' }, t('g.c.class')),
      h('th', { scope: 'col', class: 'c-num' }, t('g.c.requested')),
      h('th', { scope: 'col', class: 'c-num' }, t('g.c.amount')),
      h('th', { scope: 'col', class: 'c-num' }, t('g.c.paid')),
      h('th', { scope: 'col', class: 'c-num' }, t('g.c.score')),
      h('th', { scope: 'col' }, t('g.c.status')),
      h('th', { scope: 'col' }, t('g.c.actions')))),
    body);
  const el = h('div', { class: 'g-queue-wrap' }, tabs, h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('g.queue') }, table));

  function renderTabs() {
    tabs.replaceChildren(...[...STAGES, ...OUT_TABS].map((s) => h('button', {
      type: 'button', class: 'tab', role: 'tab', 'aria-selected': s === tab ? 'true' : 'false', 'data-testid': 'tab-' + s,
      onclick: () => { if (tab !== s) { tab = s; renderTabs(); reload(); onTab?.(s); } },
    }, stageLabel(s), h('span', { class: 'tab-count' }, String(counts[s] ?? 0)))));
  }

  function renderRows() {
    const now = Date.now();
    caption.textContent = `${t('g.queue')} · ${stageLabel(tab)}`;
    if (items.length === 0) {
      body.replaceChildren(h('tr', null, h('td', { colspan: 10, class: 'empty' }, t('g.empty'))));
      return;
    }
    body.replaceChildren(...items.map((a) => h('tr', { 'data-testid': 'application-row', 'data-application': String(a.id) },
      h('td', { class: 'c-num' }, String(a.id)),
      h('td', null, countyLabel(a.countyId)),
      h('th', { scope: 'row' }, a.enterpriseName, h('span', { class: 'sub' }, a.projectName)),
      h('td', null, classLabel(a.class), a.result ? h('span', { class: 'sub' }, resultLabel(a.result)) : null),
      h('td', { class: 'c-num' }, wanNum(a.requested)),
      h('td', { class: 'c-num', 'data-testid': 'application-amount' }, wanNum(a.amount)),
      h('td', { class: 'c-num' }, wanNum(a.disbursed)),
      h('td', { class: 'c-num' }, score(a.score)),
      h('td', { 'data-testid': 'application-status' }, statusText(a, now)),
      h('td', { class: 'g-actions' }, h('div', { class: 'btn-row' },
        ...actionsFor(a, session(), now).map((x) => h('button', {
          type: 'button', class: 'btn btn-small' + (x.kind === 'disburse' || x.label === t('g.act.award') ? ' btn-primary' : ''),
          'data-testid': 'act-' + x.kind, onclick: () => onAction(x.kind, a),
        }, x.label)),
        h('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'act-history', onclick: () => onAction('history', a) }, t('g.act.history')))))));
    // An open objection window ends while the screen is up: re-render then, so "approve" appears.
    clearTimeout(noticeTimer);
    const next = items.filter((a) => noticeOpen(a, now)).map((a) => Date.parse(a.noticeUntil) - now).sort((x, y) => x - y)[0];
    if (next !== undefined) noticeTimer = setTimeout(renderRows, Math.min(next + 50, 2 ** 31 - 1));
  }

  async function reload() {
    if (!batchId) return;
    const mine = ++seq;
    const s = session();
    const params = { take: 1000 };
    if (STAGES.includes(tab)) params.stage = tab; else params.status = TAB_STATUS[tab];
    if (s.authenticated && s.role === 'county' && s.county) params.county = s.county;
    try {
      const page = await getJson(routes.applications(batchId, params));
      if (mine !== seq) return;
      // Out of the pipeline's own tab, "stage" filters where an application waits now: returned ones keep a stage.
      items = STAGES.includes(tab) ? page.items.filter((a) => a.status === 'pending' || a.status === 'awarded') : page.items;
      renderRows();
    } catch {
      if (mine === seq) body.replaceChildren(h('tr', null, h('td', { colspan: 10, class: 'empty' }, t('board.error'))));
    }
  }

  renderTabs();
  return {
    el,
    setBatch(id) { batchId = id; items = []; reload(); },
    setCounts(stages) { counts = stages || {}; renderTabs(); },
    tab: () => tab,
    setTab(next) { tab = next; renderTabs(); reload(); },
    items: () => items,
    reload,
    destroy() { clearTimeout(noticeTimer); seq++; },
  };
}
