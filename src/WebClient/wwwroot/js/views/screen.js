// Wall-screen mode (大屏): /?screen=1[&interval=20] — a full-screen board for a 1920×1080 screen read from across a
// room. It rotates city → each county → warnings (when there are any) every `interval` seconds, keeps every scope
// watched (so each slide is current when it comes round), and shows a stale indicator while the server is not
// answering; the hub client reconnects by itself and the slides pick up the next snapshot.
import { h, clear } from '../dom.js';
import { t, countyName } from '../i18n.js';
import { pct, count, score, money, moneyParts, month, timeOfDay } from '../format.js';
import { watch, onConnectionState, freshness } from '../live.js';
import { loadCounties, counties } from '../api.js';
import '../strings/screen.js';

const DEFAULT_INTERVAL = 20;

/** The screen's parameters from the address (?screen=1 in the query or in the hash's query). */
export function screenParams() {
  const hashQuery = window.location.hash.includes('?') ? window.location.hash.slice(window.location.hash.indexOf('?') + 1) : '';
  const q = new URLSearchParams(window.location.search);
  const hq = new URLSearchParams(hashQuery);
  const get = (k) => q.get(k) ?? hq.get(k);
  const on = get('screen') === '1';
  const seconds = Number(get('interval'));
  const interval = Number.isFinite(seconds) && seconds >= 2 ? Math.min(seconds, 3600) : DEFAULT_INTERVAL;
  return { on, interval };
}

function points(d) {
  const v = Math.round(d * 1000) / 10;
  return (v > 0 ? '+' : '') + v.toFixed(1);
}

function tile(label, value, sub, status) {
  return h('div', { class: 'scr-tile' + (status ? ' scr-' + status : '') },
    h('p', { class: 'scr-label' }, label),
    h('p', { class: 'scr-value' }, value),
    h('p', { class: 'scr-sub' }, sub));
}

/** A large amount with its unit in smaller type, so "137.00 亿元" fits a tile. */
function bigMoney(yuan) {
  const p = moneyParts(yuan);
  return [p.pre ? h('small', null, p.pre + ' ') : null, p.num, h('small', null, ' ' + p.unit)];
}

/** A county's second row: start rate, this month's scheduling reports, the fund, the firms still to go. */
function countyExtras(snap) {
  const db = snap.database || {};
  const sc = snap.schedule || {};
  return h('div', { class: 'scr-tiles scr-minor' },
    tile(t('screen.startRate'), db.plannedStart ? pct(db.startRate) : '—', t('screen.startRateSub', { s: count(db.started), p: count(db.plannedStart) }), null),
    tile(t('screen.schedule'), sc.due ? pct(sc.completeness) : '—', t('screen.scheduleSub', { r: count(sc.reported), d: count(sc.due), m: month(sc.month) }), null),
    tile(t('screen.fund'), bigMoney(snap.fund?.awarded || 0), t('screen.fundSub', { d: money(snap.fund?.disbursed || 0) }), null),
    tile(t('screen.investment'), bigMoney(snap.investment?.completed || 0), t('screen.investmentSub', { n: count(snap.projects?.count) }), null));
}

function figures(snap) {
  const tg = snap.targets || {};
  const done = Number(snap.investment?.completedThisYear) || 0;
  const of = tg.completedThisYear > 0 ? done / tg.completedThisYear : null;
  const projOf = tg.projectsThisYear > 0 ? snap.projects.thisYear / tg.projectsThisYear : null;
  const certs = (snap.certifications?.smartThisYear || 0) + (snap.certifications?.greenThisYear || 0);
  return h('div', { class: 'scr-tiles' },
    tile(t('screen.coverage'), pct(snap.enterprises.coverage),
      t('screen.toGo', { covered: count(snap.enterprises.covered), above: count(snap.enterprises.aboveScale), n: count(snap.enterprises.uncovered) }),
      snap.status?.coverage),
    tile(t('screen.projects'), count(snap.projects.thisYear),
      t('screen.ofTarget', { t: count(tg.projectsThisYear), p: projOf === null ? '—' : pct(projOf) }), snap.status?.projectsThisYear),
    tile(t('screen.completed'), bigMoney(done),
      [t('screen.ofTarget', { t: money(tg.completedThisYear), p: of === null ? '—' : pct(of) }), h('br'),
        of === null ? '' : t('screen.vsCalendar', { d: points(of - snap.calendarProgress) })], snap.status?.completedThisYear),
    tile(t('screen.scoreTile'), score(snap.score), t('screen.other', {
      c: `${count(snap.cloud?.thisYear)}/${count(snap.cloud?.target)}`,
      d: `${count(snap.digital?.thisYear)}/${count(snap.digital?.target)}`,
      z: `${count(certs)}/${count((tg.smartCertifications || 0) + (tg.greenCertifications || 0))}`,
    }), null));
}

function league(rows) {
  const sorted = [...(rows || [])].sort((a, b) => a.rank - b.rank);
  const last = sorted.length ? sorted[sorted.length - 1].rank : null;
  return h('section', { class: 'scr-league' },
    h('h2', null, t('screen.league')),
    h('ol', null, sorted.map((c) => h('li', { class: c.rank === 1 ? 'scr-first' : c.rank === last ? 'scr-last' : '' },
      h('span', { class: 'scr-rank' }, String(c.rank)),
      h('span', { class: 'scr-name' }, countyName(c)),
      h('span', { class: 'scr-cov' }, pct(c.coverage)),
      h('span', { class: 'scr-score' }, score(c.score))))));
}

function warningsSlide(list) {
  const items = [...(list || [])].sort((a, b) => (a.level === 'red' ? 0 : 1) - (b.level === 'red' ? 0 : 1)).slice(0, 8);
  if (!items.length) return h('p', { class: 'scr-none' }, t('screen.noWarnings'));
  const en = document.documentElement.lang === 'en';
  return h('ul', { class: 'scr-warnings' }, items.map((w) => h('li', { class: 'scr-w-' + (w.level === 'red' ? 'red' : 'amber') },
    h('span', { class: 'scr-w-level' }, t(w.level === 'red' ? 'screen.red' : 'screen.amber')),
    h('span', { class: 'scr-w-reason' }, (en && w.reasonEn) || w.reason))));
}

export function mountScreen(root) {
  const { interval } = screenParams();
  document.documentElement.classList.add('screen-mode');
  const snaps = new Map();                   // scope → newest snapshot
  const unwatch = [];
  let index = 0;
  let shownAt = Date.now();

  const titleEl = h('h1', { class: 'scr-title' });
  const metaEl = h('p', { class: 'scr-meta' });
  const clockEl = h('time', { class: 'scr-clock' });
  const connEl = h('p', { class: 'scr-conn', 'data-testid': 'screen-conn' });
  const dotsEl = h('ol', { class: 'scr-dots', 'aria-hidden': 'true' });
  const bodyEl = h('div', { class: 'scr-body' });
  const el = h('div', { class: 'screen', 'data-testid': 'screen', 'data-scope': '' },
    h('header', { class: 'scr-head' }, h('div', null, titleEl, metaEl), h('div', { class: 'scr-right' }, clockEl, connEl)),
    bodyEl,
    h('footer', { class: 'scr-foot' }, dotsEl));
  clear(root);
  root.append(el);

  function scopes() {
    const list = ['city', ...counties().map((c) => 'county:' + c.id)];
    if (snaps.get('city')?.warnings?.length) list.push('warnings');
    return list;
  }

  function render() {
    const list = scopes();
    if (index >= list.length) index = 0;
    const scope = list[index];
    el.dataset.scope = scope;
    const city = snaps.get('city');
    const snap = scope === 'warnings' ? city : snaps.get(scope);
    dotsEl.replaceChildren(...list.map((s, i) => h('li', { class: i === index ? 'on' : '' })));
    if (scope === 'warnings') titleEl.textContent = t('screen.warnings');
    else if (scope === 'city') titleEl.textContent = t('screen.city');
    else titleEl.textContent = countyName(counties().find((c) => 'county:' + c.id === scope) || snap || { id: scope });
    if (!snap) { bodyEl.replaceChildren(h('p', { class: 'scr-none' }, '…')); metaEl.textContent = ''; return; }
    metaEl.textContent = `${t('screen.asOf', { m: month(snap.reportingMonth) })} · ${t('screen.calendar', { p: pct(snap.calendarProgress) })}`;
    if (scope === 'warnings') bodyEl.replaceChildren(warningsSlide(city.warnings));
    else if (scope === 'city') bodyEl.replaceChildren(figures(snap), league(snap.counties));
    else {
      const row = (city?.counties || []).find((c) => 'county:' + c.id === scope);
      bodyEl.replaceChildren(figures(snap), countyExtras(snap), h('section', { class: 'scr-league scr-rankbox' },
        h('p', { class: 'scr-bigrank' }, row ? t('screen.rank', { r: row.rank, n: city.counties.length }) : '—'),
        // Warnings not computed yet (null) say nothing, rather than "no warnings".
        Array.isArray(city?.warnings) ? warningsSlide(city.warnings.filter((w) => 'county:' + w.countyId === scope)) : null));
    }
  }

  function renderConn(info) {
    const f = freshness();
    const stale = f.stale || (info && info.state === 'offline');
    el.classList.toggle('scr-stale', !!stale);
    connEl.dataset.state = stale ? 'stale' : info?.state || 'connecting';
    connEl.textContent = stale
      ? (f.lastContact ? t('screen.stale', { t: timeOfDay(f.lastContact) }) : t('screen.staleNever'))
      : `● ${t('screen.live')} · ${t('screen.next', { s: Math.max(0, Math.ceil(interval - (Date.now() - shownAt) / 1000)) })}`;
  }

  let lastConn = null;
  unwatch.push(onConnectionState((info) => { lastConn = info; renderConn(info); }));
  const follow = (scope) => unwatch.push(watch(scope, (snap) => {
    snaps.set(scope, snap);
    if (el.dataset.scope === scope || (scope === 'city' && (el.dataset.scope === 'warnings' || el.dataset.scope.startsWith('county:'))) || !el.dataset.scope) render();
  }));
  follow('city');
  loadCounties().then(() => { for (const c of counties()) follow('county:' + c.id); render(); }).catch(() => render());

  const tick = setInterval(() => {
    const now = new Date();
    const two = (x) => String(x).padStart(2, '0');
    clockEl.textContent = `${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}`;
    if (Date.now() - shownAt >= interval * 1000) {
      index = (index + 1) % scopes().length;
      shownAt = Date.now();
      render();
    }
    renderConn(lastConn);
  }, 250);
  render();

  return {
    destroy() {
      clearInterval(tick);
      for (const fn of unwatch) fn();
      document.documentElement.classList.remove('screen-mode');
    },
  };
}
