// The board app: hash router, header (breadcrumbs, connection indicator, clock, language switch).
import { t, getLang, setLang, onLangChange, htmlLang } from './i18n.js';
import { h, clear } from './dom.js';
import { startLive, onConnectionState } from './live.js';
import { mountCity } from './views/city.js';
import { mountCounty } from './views/county.js';
import { mountEnterprise } from './views/enterprise.js';

const main = document.getElementById('main');
const crumbsEl = document.getElementById('crumbs');
let current = null;          // {view, destroy}
let currentRoute = null;
let crumbs = [];

function parseRoute() {
  const hash = decodeURIComponent(window.location.hash.replace(/^#/, '')) || '/';
  const parts = hash.split('?')[0].split('/').filter(Boolean);
  if (parts[0] === 'county' && parts[1]) return { name: 'county', id: parts[1] };
  if (parts[0] === 'enterprise' && parts[1]) return { name: 'enterprise', id: parts[1] };
  return { name: 'city' };
}

function renderCrumbs() {
  const items = [{ label: t('nav.city'), href: '#/' }, ...crumbs];
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
  if (route.name === 'county') current = mountCounty(main, route.id, ctx);
  else if (route.name === 'enterprise') current = mountEnterprise(main, route.id, ctx);
  else current = mountCity(main, ctx);
  currentRoute = route;
  renderCrumbs();
  if (keepScroll) window.scrollTo(0, y);
  else window.scrollTo(0, 0);
}

function sameRoute(a, b) {
  return a && b && a.name === b.name && a.id === b.id;
}

function onRoute() {
  const route = parseRoute();
  if (sameRoute(route, currentRoute)) return;
  mount(route);
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
  btn.setAttribute('aria-label', t('lang.switchLabel'));
  btn.setAttribute('title', t('lang.switchLabel'));
  btn.setAttribute('lang', getLang() === 'en' ? 'zh-CN' : 'en');
  renderConn();
}

let connInfo = { state: 'disconnected', detail: 'starting' };
function renderConn() {
  const el = document.querySelector('[data-testid="connection-state"]');
  const text = document.getElementById('conn-text');
  el.setAttribute('data-state', connInfo.state);
  let key = 'conn.' + connInfo.state;
  if (connInfo.state === 'reconnecting' && connInfo.detail === 'connecting') key = 'conn.connecting';
  text.textContent = t(key);
  el.setAttribute('title', t('conn.label') + '：' + t(key));
}

function tickClock() {
  const now = new Date();
  const two = (x) => String(x).padStart(2, '0');
  const el = document.getElementById('clock');
  el.textContent = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())} ${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}`;
  el.setAttribute('datetime', now.toISOString());
}

function boot() {
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
  startLive();
  onRoute();
}

boot();
