// Live snapshots: the one hub client of the app (SignalR hub /hubs/board) with REST polling as the fallback.
//
// watch(scope, fn) delivers every newer snapshot of a scope ("city", "county:{id}", "batch:{id}",
// "scenario:{id}") to fn.
// Snapshots carry a rising `version`; anything not newer than the one delivered is ignored.
// While the hub is connected the server pushes board(scope, snapshot); after an automatic
// reconnect every current scope is subscribed again. While it is not connected each scope's
// REST route is polled every 5 s, so the screen never goes stale; while it is connected each scope is
// still read over REST once a minute, as a safety net for a missed push.
//
// Versions only ever rise on one server, so a push that is not newer is always ignored. A *fresh read*
// (Subscribe's result, a REST GET) that comes back lower than the version shown before the read began
// can only mean the server's counter started again (a restart, a board grain reactivated): the read is
// then taken as the new baseline instead of leaving the screen frozen on the old numbers.
//
// Connection states, as the header shows them: "connecting" until the first answer of the first start,
// "connected" (pushes arrive), "reconnecting" (the hub dropped, it is being re-established), "disconnected"
// (no hub, but REST polling still answers: figures at most 5 s old) and "offline" (neither answers).
// freshness() says when the server last answered at all (a push, a subscription, a REST read) and when a
// snapshot last changed; a view shows a stale-data banner once nothing has answered for STALE_MS.
// REST reads are conditional: each sends the ETag of the copy on screen as If-None-Match, and a 304 (nothing
// changed) counts as an answer without a body to download or render.
import { getSnapshot, scopeUrl } from './api.js';

const POLL_MS = 5000;
const AUDIT_MS = 60000;
// A scope nobody watches any more is kept (and its subscription held) this long, so moving between
// views that share a scope (county board → enterprise page) does not unsubscribe and resubscribe.
const LINGER_MS = 3000;
const RESTART_DELAYS = [5000, 10000, 20000, 30000];
/** Without any answer from the server for this long, the figures on screen are called stale. */
export const STALE_MS = 10000;

const entries = new Map();        // scope → {version, snapshot, listeners:Set, subscribed}
const lastSeen = new Map();       // scope → last snapshot (kept across views, for instant re-render)
const stateListeners = new Set();
let state = 'connecting';         // connecting | connected | reconnecting | disconnected | offline
let detail = 'starting';
let lastContact = null;           // Date: the server last answered (push, subscribe, REST read)
let lastChange = null;            // Date: a snapshot on screen last changed
let readFailures = 0;             // REST reads failing in a row while the hub is down
let connection = null;
let restartAttempt = 0;
let restartTimer = null;
let pollTimer = null;
let lastPollAt = null;

export function connectionState() { return { state, detail, lastPollAt, lastContact, lastChange }; }

/** When the server last answered and when a snapshot last changed (Dates, or null before the first). */
export function freshness() { return { lastContact, lastChange, stale: isStale() }; }

/** Nothing has answered for STALE_MS while the hub is not carrying the screen. */
export function isStale(now = Date.now()) {
  if (state === 'connected') return false;
  const since = lastContact ? lastContact.getTime() : startedAt;
  return since !== null && now - since >= STALE_MS;
}
let startedAt = null;

function contact() {
  lastContact = new Date();
  readFailures = 0;
}

export function onConnectionState(fn) {
  stateListeners.add(fn);
  fn(connectionState());
  return () => stateListeners.delete(fn);
}

function setState(next, why) {
  state = next;
  detail = why || next;
  for (const fn of stateListeners) fn(connectionState());
}

/** Deliver a snapshot if it is newer than the one shown. */
function apply(scope, snapshot) {
  const entry = entries.get(scope);
  if (!entry || !snapshot || typeof snapshot !== 'object') return false;
  const version = Number(snapshot.version);
  if (!Number.isFinite(version) || version <= entry.version) return false;
  entry.version = version;
  entry.snapshot = snapshot;
  entry.receivedAt = new Date();
  lastChange = entry.receivedAt;
  lastSeen.set(scope, snapshot);
  for (const fn of [...entry.listeners]) {
    try { fn(snapshot); } catch (e) { console.error(e); }
  }
  return true;
}

/** Apply a fresh read; if it is older than what was shown before the read began, the server restarted its count. */
function applyRead(scope, snapshot, before) {
  const entry = entries.get(scope);
  if (!entry || !snapshot) return false;
  const version = Number(snapshot.version);
  if (Number.isFinite(before) && Number.isFinite(version) && version < before && entry.version === before) {
    entry.version = -Infinity;
  }
  return apply(scope, snapshot);
}

async function fetchScope(scope) {
  const entry = entries.get(scope);
  if (!entry) return false;
  const before = entry.version;
  entry.lastRead = Date.now();
  try {
    // The ETag is only worth sending while the copy it names is the one on screen.
    const read = await getSnapshot(scopeUrl(scope), entry.snapshot && entry.etagVersion === entry.version ? entry.etag : null);
    contact();
    if (!read.notModified) {
      applyRead(scope, read.snapshot, before);
      entry.etag = read.etag;
      entry.etagVersion = Number(read.snapshot?.version);
    }
    lastPollAt = new Date();
    if (state === 'offline') setState('disconnected', 'polling');
    return true;
  } catch (e) {
    // A scope that does not exist (404) is an answer; only an unreachable server makes the screen stale.
    if (e?.status > 0) { contact(); return false; }
    readFailures++;
    if (state === 'disconnected' && readFailures >= 2) setState('offline', 'offline');
    return false;
  }
}

async function subscribe(scope) {
  const entry = entries.get(scope);
  if (!entry || !connection || state !== 'connected') return;
  const before = entry.version;
  try {
    const snap = await connection.invoke('Subscribe', scope);
    contact();
    entry.subscribed = true;
    entry.lastRead = Date.now();
    applyRead(scope, snap, before);
  } catch {
    entry.subscribed = false;
    await fetchScope(scope);
  }
}

async function unsubscribe(scope) {
  if (!connection || state !== 'connected') return;
  try { await connection.invoke('Unsubscribe', scope); } catch { /* gone already */ }
}

function resubscribeAll() {
  for (const scope of entries.keys()) subscribe(scope);
}

/**
 * Watch a scope. fn(snapshot) is called with the latest known snapshot at once (if any),
 * then with every newer one. Returns a function that stops watching.
 */
export function watch(scope, fn) {
  let entry = entries.get(scope);
  if (entry?.dropTimer) { clearTimeout(entry.dropTimer); entry.dropTimer = null; }
  const isNew = !entry;
  if (isNew) {
    entry = { version: -Infinity, snapshot: null, listeners: new Set(), subscribed: false, dropTimer: null, lastRead: 0 };
    entries.set(scope, entry);
    const seen = lastSeen.get(scope);
    if (seen) { entry.version = Number(seen.version); entry.snapshot = seen; }
  }
  entry.listeners.add(fn);
  if (entry.snapshot) {
    try { fn(entry.snapshot); } catch (e) { console.error(e); }
  }
  if (isNew) {
    if (state === 'connected') subscribe(scope);
    else fetchScope(scope);
  }
  return () => {
    const e = entries.get(scope);
    if (!e) return;
    e.listeners.delete(fn);
    if (e.listeners.size === 0 && !e.dropTimer) {
      e.dropTimer = setTimeout(() => {
        if (entries.get(scope) !== e || e.listeners.size > 0) return;
        entries.delete(scope);
        unsubscribe(scope);
      }, LINGER_MS);
    }
  };
}

/** When the snapshot of a scope now on screen arrived (a Date), or null. */
export function receivedAt(scope) {
  return entries.get(scope)?.receivedAt ?? null;
}

/** Ask for a fresh copy of a scope now (REST), e.g. after the user asks to refresh. */
export function refresh(scope) {
  if (entries.has(scope)) return fetchScope(scope);
  return Promise.resolve(false);
}

function poll() {
  const now = Date.now();
  for (const [scope, entry] of entries) {
    // Poll when the hub is not carrying the scope, or when nothing has arrived yet;
    // otherwise read it once a minute as a safety net.
    if (state !== 'connected' || !entry.subscribed || !entry.snapshot || now - entry.lastRead >= AUDIT_MS) fetchScope(scope);
  }
}

function scheduleRestart() {
  clearTimeout(restartTimer);
  const delay = RESTART_DELAYS[Math.min(restartAttempt, RESTART_DELAYS.length - 1)];
  restartAttempt++;
  restartTimer = setTimeout(start, delay);
}

async function start() {
  clearTimeout(restartTimer);
  if (!connection) return;
  if (restartAttempt > 0 && state !== 'offline') setState('reconnecting', 'reconnecting');
  try {
    await connection.start();
    restartAttempt = 0;
    contact();
    setState('connected', 'connected');
    resubscribeAll();
  } catch {
    for (const e of entries.values()) e.subscribed = false;
    setState(readFailures >= 2 ? 'offline' : 'disconnected', 'polling');
    poll();
    scheduleRestart();
  }
}

/** Build the hub connection and start it; polling runs from the start regardless. */
export function startLive() {
  startedAt = Date.now();
  if (!pollTimer) pollTimer = setInterval(poll, POLL_MS);
  const signalR = window.signalR;
  if (!signalR) {
    setState('disconnected', 'polling');
    return;
  }
  connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/board')
    .withAutomaticReconnect()
    .configureLogging(signalR.LogLevel.None)
    .build();

  connection.on('board', (scope, snapshot) => { contact(); apply(scope, snapshot); });

  connection.onreconnecting(() => {
    for (const e of entries.values()) e.subscribed = false;
    setState('reconnecting', 'reconnecting');
  });
  connection.onreconnected(() => {
    contact();
    setState('connected', 'connected');
    resubscribeAll();
  });
  connection.onclose(() => {
    for (const e of entries.values()) e.subscribed = false;
    setState('disconnected', 'polling');
    poll();
    scheduleRestart();
  });

  start();
}
