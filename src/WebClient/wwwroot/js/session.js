// Who is signed in (cookie session), and what they may do. The server decides; this only keeps the
// app from offering actions that would be refused.
import { request, routes, setCsrf } from './api.js';

const listeners = new Set();
let current = { authenticated: false, loaded: false };
let loading = null;

function publish() {
  for (const fn of [...listeners]) {
    try { fn(current); } catch (e) { console.error(e); }
  }
}

/** Read the session (and a CSRF token bound to it) from the server. */
export function loadSession() {
  if (!loading) {
    loading = request('GET', routes.session())
      .then(({ data }) => {
        // "lost" (the session ended under an open form) holds until someone signs in again.
        const lost = !data?.authenticated && !!current.lost;
        current = { ...(data || {}), authenticated: !!data?.authenticated, loaded: true, lost };
        setCsrf(data?.csrfToken, refreshCsrf);
        publish();
        return current;
      })
      .catch((e) => {
        // Unknown (server unreachable): keep what we had, mark loaded so views can render.
        current = { ...current, loaded: true };
        publish();
        throw e;
      })
      .finally(() => { loading = null; });
  }
  return loading;
}

async function refreshCsrf() {
  try { await loadSession(); } catch { /* the retried request reports the failure */ }
}

/** Resolves once the session is known (loads it the first time). */
export function ready() {
  if (current.loaded) return Promise.resolve(current);
  return loadSession().catch(() => current);
}

export function session() { return current; }

export function onSession(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Sign in; on success the session (and its CSRF token) is read again. Rejects with the ApiError. */
export async function login(userName, password) {
  await request('POST', routes.login(), { json: { userName, password } });
  return loadSession();
}

export async function logout() {
  current = { ...current, lost: false };
  try {
    await request('POST', routes.logout());
  } finally {
    await loadSession().catch(() => {
      current = { authenticated: false, loaded: true };
      publish();
    });
  }
}

// After signing in again in another window (the way back from a lost session), notice it here.
window.addEventListener('focus', () => { if (current.lost) loadSession().catch(() => {}); });

/** A write came back 401: the session ended (expired, revoked). */
export function sessionLost() {
  if (!current.authenticated) return;
  current = { authenticated: false, loaded: true, lost: true };
  publish();
  loadSession().catch(() => {});
}

/**
 * Send a signed-out visitor to the sign-in page, remembering where they were. Several parts of a page may notice
 * at once; once on the sign-in page nothing more is done, so "next" never points at the sign-in page itself.
 */
export function toLogin() {
  const hash = window.location.hash || '#/';
  if (hash.startsWith('#/login')) return;
  window.location.replace('#/login?next=' + encodeURIComponent(hash));
}

export const isCity = () => current.authenticated && current.role === 'city';
export const isCounty = () => current.authenticated && current.role === 'county';
/** The county workspace is for county agents and city staff. */
export const canUseWorkspace = () => isCity() || isCounty();
/** May the signed-in person change firms of this county? */
export const canWriteCounty = (countyId) => isCity() || (isCounty() && current.county === countyId);
