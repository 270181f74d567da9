// The app — one for every user: hash router over every view (boards, workspace, grant review, scenarios, users),
// header (breadcrumbs, connection indicator, clock, language switch), main navigation, who is signed in, and the
// stale-data banner when the server has not answered for a while.
import { t, getLang, setLang, onLangChange, htmlLang, countyName } from './i18n.js';
import { h, clear } from './dom.js';
import { startLive, onConnectionState, freshness } from './live.js';
import { loadCounties, counties } from './api.js';
import { loadSession, session, onSession, logout, isCity, canUseWorkspace } from './session.js';
import { toast } from './forms.js';
import { mountCity } from './views/city.js';
import { mountCounty } from './views/county.js';
import { mountEnterprise } from './views/enterprise.js';
import { mountLogin } from './views/login.js';
import { mountWorkspace } from './views/workspace.js';
import { mountWorkspaceEnterprise } from './views/ws-enterprise.js';
import { mountUsers } from './views/users.js';
import { mountBatches } from './views/batches/index.js';
import { mountScenarios } from './views/scenarios/index.js';
import { timeOfDay } from './format.js';
import { mountReport } from './views/report.js';
import { mountScreen, screenParams } from './views/screen.js';

const main = document.getElementById('main');
const crumbsEl = document.getElementById('crumbs');
let current = null;          // {view, destroy}
let currentRoute = null;
let crumbs = [];

function parseRoute() {
  const raw = window.location.hash.replace(/^#/, '') || '/';
  const [path, qs = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map((p) => { try { return decodeURIComponent(p); } catch { return p; } });
  const query = new URLSearchParams(qs);
  const r = (name, id) => ({ name, id, query, qs });
  if (parts[0] === 'county' && parts[1]) return r('county', parts[1]);
  if (parts[0] === 'enterprise' && parts[1]) return r('enterprise', parts[1]);
  if (parts[0] === 'login') return r('login');
  if (parts[0] === 'users') return r('users');
  if (parts[0] === 'workspace' && parts[1] === 'enterprise' && parts[2]) return r('ws-enterprise', parts[2]);
  if (parts[0] === 'workspace') return r('workspace');
  if (parts[0] === 'batches') return r('batches', parts[1]);
  if (parts[0] === 'scenarios') return r('scenarios', parts[1]);
  if (parts[0] === 'report') return r('report');
  return r('city');
}

function renderCrumbs() {
  const root = currentRoute && ['workspace', 'ws-enterprise', 'users', 'login', 'batches', 'scenarios', 'report'].includes(currentRoute.name)
    ? [] : [{ label: t('nav.city'), href: '#/' }];
  const items = [...root, ...crumbs];
  clear(crumbsEl);
  items.forEach((c, i) => {
    const last = i === items.length - 1;
    crumbsEl.append(h('li', null, last
      ? h('span', { 'aria-current': 'page' }, c.label)
      : h('a', { href: c.href }, c.label)));
  });
}

const ctx = {
  setCrumbs(list) { crumbs = list; renderCrumbs(); },
  setTitle(text) { document.title = text ? `${text} · ${t('app.title')}` : t('app.title'); },
};

function mount(route, { keepScroll = false } = {}) {
  const y = window.scrollY;
  if (current) { try { current.destroy(); } catch (e) { console.error(e); } }
  clear(main);
  crumbs = [];
  currentRoute = route;
  if (route.name === 'county') current = mountCounty(main, route.id, ctx, route);
  else if (route.name === 'enterprise') current = mountEnterprise(main, route.id, ctx);
  else if (route.name === 'login') current = mountLogin(main, ctx, route);
  else if (route.name === 'workspace') current = mountWorkspace(main, ctx, route);
  else if (route.name === 'ws-enterprise') current = mountWorkspaceEnterprise(main, route.id, ctx, route);
  else if (route.name === 'users') current = mountUsers(main, ctx, route);
  else if (route.name === 'batches') current = mountBatches(main, ctx, route);
  else if (route.name === 'scenarios') current = mountScenarios(main, ctx, route);
  else if (route.name === 'report') current = mountReport(main, ctx, route);
  else current = mountCity(main, ctx, route);
  renderCrumbs();
  renderNav();
  if (keepScroll) window.scrollTo(0, y);
  else window.scrollTo(0, 0);
}

function sameRoute(a, b) {
  return a && b && a.name === b.name && a.id === b.id && a.qs === b.qs;
}

function onRoute() {
  const route = parseRoute();
  if (sameRoute(route, currentRoute)) return;
  mount(route);
}

// ---- main navigation and who is signed in ----
const NAV = [
  { key: 'nav.boards', href: '#/', routes: ['city', 'county', 'enterprise'] },
  { key: 'nav.workspace', href: '#/workspace', routes: ['workspace', 'ws-enterprise'], show: canUseWorkspace },
  { key: 'nav.batches', href: '#/batches', routes: ['batches'] },
  { key: 'nav.scenarios', href: '#/scenarios', routes: ['scenarios'] },
  { key: 'nav.users', href: '#/users', routes: ['users'], show: isCity },
  { key: 'nav.report', href: '#/report', routes: ['report'], show: isCity },
  { key: 'nav.apiDocs', href: '/api/docs', external: true },
];

function renderNav() {
  const nav = document.getElementById('appnav');
  nav.setAttribute('aria-label', t('nav.main'));
  const list = document.getElementById('appnav-links');
  list.replaceChildren(...NAV.filter((n) => !n.show || n.show()).map((n) => {
    const here = currentRoute && n.routes?.includes(currentRoute.name);
    return h('li', null, h('a', {
      href: n.href, class: 'appnav-link' + (here ? ' current' : ''), 'aria-current': here ? 'page' : null,
      'data-testid': 'nav-' + n.key.slice(4).toLowerCase(),
      target: n.external ? '_blank' : null, rel: n.external ? 'noopener' : null,
    }, t(n.key), n.external ? h('span', { class: 'sr-only' }, t('nav.newWindow')) : null));
  }));

  const who = document.getElementById('whoami');
  const s = session();
  if (!s.loaded) { who.replaceChildren(); return; }
  if (!s.authenticated) {
    if (currentRoute?.name === 'login') { who.replaceChildren(); return; }
    const next = window.location.hash || '#/';
    who.replaceChildren(h('a', {
      class: 'btn btn-primary signin-link', 'data-testid': 'signin-link',
      href: '#/login' + (next && next !== '#/' ? '?next=' + encodeURIComponent(next) : ''),
    }, t('login.link')));
    return;
  }
  const county = s.county ? counties().find((c) => c.id === s.county) : null;
  who.replaceChildren(
    h('span', { class: 'who' },
      h('span', { class: 'who-name' }, s.displayName || s.userName),
      h('span', { class: 'who-user mono', 'data-testid': 'session-user' }, s.userName),
      h('span', { class: 'badge role-' + s.role, 'data-testid': 'session-role' }, t('role.' + s.role)),
      s.county ? h('span', { class: 'who-county', 'data-testid': 'session-county' }, county ? countyName(county) : s.county) : null),
    h('button', {
      type: 'button', class: 'btn', 'data-testid': 'signout',
      onclick: async (e) => {
        e.currentTarget.disabled = true;
        try {
          await logout();
          toast(t('login.signedOut'));
        } catch {
          toast(t('err.network'), 'error');
        }
        if (currentRoute && ['workspace', 'ws-enterprise', 'users'].includes(currentRoute.name)) window.location.hash = '#/';
      },
    }, t('login.signOut')));
}

// ---- header ----
function applyStaticLabels() {
  document.documentElement.lang = htmlLang();
  document.getElementById('app-title').textContent = t('app.title');
  document.getElementById('app-subtitle').textContent = t('app.subtitle');
  document.getElementById('crumbs-nav').setAttribute('aria-label', t('nav.label'));
  const skip = document.getElementById('skip-link');
  skip.textContent = t('app.skip');
  const btn = document.getElementById('lang-switch');
  btn.textContent = t('lang.switch');
  // The visible text is part of the accessible name (WCAG 2.5.3): "EN · Switch to English".
  btn.setAttribute('aria-label', `${t('lang.switch')} · ${t('lang.switchLabel')}`);
  btn.setAttribute('title', t('lang.switchLabel'));
  btn.setAttribute('lang', getLang() === 'en' ? 'zh-CN' : 'en');
  renderConn();
  renderNav();
}

let connInfo = { state: 'connecting', detail: 'starting' };
function renderConn() {
  const el = document.querySelector('[data-testid="connection-state"]');
  const text = document.getElementById('conn-text');
  el.setAttribute('data-state', connInfo.state);
  const key = 'conn.' + connInfo.state;
  text.textContent = t(key);
  el.setAttribute('title', t('conn.label') + '：' + t(key));
  renderStale();
}

/** The banner over every view once nothing has come from the server for ~10 s: the figures may be out of date. */
function renderStale() {
  const banner = document.getElementById('stale-banner');
  if (!banner) return;
  const f = freshness();
  banner.hidden = !f.stale;
  if (!f.stale) return;
  const text = f.lastContact ? t('conn.stale', { t: timeOfDay(f.lastContact) }) : t('conn.staleNever');
  if (banner.textContent !== text) banner.textContent = text;
}

function tickClock() {
  const now = new Date();
  const two = (x) => String(x).padStart(2, '0');
  const el = document.getElementById('clock');
  el.textContent = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())} ${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}`;
  el.setAttribute('datetime', now.toISOString());
  renderStale();
}

function boot() {
  // Wall-screen mode (?screen=1): the rotating full-screen board instead of the app's views.
  if (screenParams().on) {
    document.documentElement.lang = htmlLang();
    onConnectionState(() => {});
    startLive();
    mountScreen(main);
    return;
  }
  applyStaticLabels();
  document.getElementById('lang-switch').addEventListener('click', () => {
    setLang(getLang() === 'en' ? 'zh' : 'en');
  });
  document.getElementById('skip-link').addEventListener('click', (e) => {
    e.preventDefault();
    main.focus();
  });
  onLangChange(() => {
    applyStaticLabels();
    if (currentRoute) mount(currentRoute, { keepScroll: true });
  });
  onConnectionState((info) => { connInfo = info; renderConn(); });
  tickClock();
  setInterval(tickClock, 1000);
  window.addEventListener('hashchange', onRoute);
  onSession(() => renderNav());
  loadCounties().then(renderNav).catch(() => {});
  loadSession().catch(() => {});
  startLive();
  onRoute();
}

boot();
