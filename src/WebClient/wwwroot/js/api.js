// REST client for the board API.

export class ApiError extends Error {
  /** body: the problem+json answer when there was one ({title, detail, errors, problems}). */
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.title = body?.title ?? null;
    this.detail = body?.detail ?? null;
    this.errors = body?.errors && typeof body.errors === 'object' ? body.errors : null;
    this.problems = Array.isArray(body?.problems) ? body.problems : null;
    this.body = body ?? null;
  }
}

/** The ApiError of a failed read: the problem's detail (or title) when the body is JSON, else the status text. */
async function readFailure(res) {
  let detail = res.statusText;
  try {
    const body = await res.json();
    detail = body.detail || body.title || detail;
  } catch { /* not JSON */ }
  return new ApiError(res.status, `${res.status} ${detail}`);
}

export async function getJson(url, { signal } = {}) {
  const res = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store', signal });
  if (!res.ok) throw await readFailure(res);
  return res.json();
}

/**
 * A conditional read of a snapshot (CONTRACT.md, "Conditional reads"): sends If-None-Match with the ETag of the copy
 * held, so a poll that finds nothing new costs a 304 without a body. Resolves { notModified: true } on 304, else
 * { snapshot, etag }; other answers reject as ApiError, as getJson does.
 */
export async function getSnapshot(url, etag, { signal } = {}) {
  const headers = { Accept: 'application/json' };
  if (etag) headers['If-None-Match'] = etag;
  const res = await fetch(url, { headers, cache: 'no-store', signal });
  if (res.status === 304) return { notModified: true, etag };
  if (!res.ok) throw await readFailure(res);
  return { notModified: false, snapshot: await res.json(), etag: res.headers.get('ETag') };
}

// ---- writes (cookie session: every unsafe method carries the antiforgery token) ----

const CSRF_HEADER = 'X-CSRF-TOKEN';
let csrfToken = null;
let csrfRefresher = null;

/** The session module hands over the token from GET /api/auth/session, and how to fetch a fresh one. */
export function setCsrf(token, refresher) {
  csrfToken = token || null;
  if (refresher) csrfRefresher = refresher;
}

async function readProblem(res) {
  const type = res.headers.get('Content-Type') || '';
  if (!type.includes('json')) return null;
  try { return await res.json(); } catch { return null; }
}

/**
 * One API call. opts: {json, form (FormData), ifMatch, idempotencyKey, signal}. Resolves {status, data, etag};
 * rejects with an ApiError carrying the problem+json (status 0 when the server could not be reached).
 */
export async function request(method, url, opts = {}) {
  const attempt = async () => {
    const headers = { Accept: 'application/json' };
    let body;
    if (opts.json !== undefined) { headers['Content-Type'] = 'application/json'; body = JSON.stringify(opts.json); }
    else if (opts.form) body = opts.form;
    if (opts.ifMatch !== undefined && opts.ifMatch !== null) headers['If-Match'] = opts.ifMatch;
    // Money-moving POSTs carry one key per confirmed action; a retry of the same action sends the same key.
    if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
    if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers[CSRF_HEADER] = csrfToken;
    try {
      return await fetch(url, { method, headers, body, cache: 'no-store', credentials: 'same-origin', signal: opts.signal });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError(0, 'network', null);
    }
  };
  let res = await attempt();
  if (res.status === 403 && method !== 'GET' && csrfRefresher) {
    // The antiforgery token belongs to the identity it was issued for: after a sign-in elsewhere
    // or a server restart it may be stale. Fetch a fresh one and try once more.
    const problem = await readProblem(res.clone());
    if (problem && /csrf/i.test(problem.title || '')) {
      await csrfRefresher();
      res = await attempt();
    }
  }
  if (!res.ok) {
    const problem = await readProblem(res);
    throw new ApiError(res.status, `${res.status} ${problem?.detail || problem?.title || res.statusText}`, problem);
  }
  const etag = res.headers.get('ETag');
  if (res.status === 204) return { status: res.status, data: null, etag };
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json() : null;
  return { status: res.status, data, etag };
}

/** Fetch a file (template, export) and hand it to the browser as a download; errors reject as ApiError. */
export async function download(url, fallbackName) {
  let res;
  try {
    res = await fetch(url, { cache: 'no-store', credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', null);
  }
  if (!res.ok) {
    const problem = await readProblem(res);
    throw new ApiError(res.status, `${res.status} ${problem?.detail || problem?.title || res.statusText}`, problem);
  }
  const blob = await res.blob();
  const name = fileNameOf(res.headers.get('Content-Disposition')) || fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10000);
  return name;
}

/** The file name of a Content-Disposition header (RFC 6266: filename* wins over filename). */
export function fileNameOf(header) {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try { return decodeURIComponent(star[1].trim()); } catch { /* fall through */ }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain ? plain[1].trim() : null;
}

function query(params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === null || v === undefined || v === '') continue;
    qs.set(k, String(v));
  }
  return qs.toString();
}

export const routes = {
  city: () => '/api/board/city',
  county: (id) => `/api/board/counties/${encodeURIComponent(id)}`,
  counties: () => '/api/counties',
  sectors: () => '/api/sectors',
  enterprise: (id) => `/api/enterprises/${encodeURIComponent(id)}`,
  enterprises: (countyId, params) => `/api/counties/${encodeURIComponent(countyId)}/enterprises?${query(params)}`,
  enterpriseHistory: (id) => `/api/enterprises/${encodeURIComponent(id)}/history`,
  projects: (id) => `/api/enterprises/${encodeURIComponent(id)}/projects`,
  progress: (id, projectId, month) => `/api/enterprises/${encodeURIComponent(id)}/projects/${encodeURIComponent(projectId)}/progress/${encodeURIComponent(month)}`,
  projectStatus: (id, projectId) => `/api/enterprises/${encodeURIComponent(id)}/projects/${encodeURIComponent(projectId)}/status`,
  milestone: (id, which) => `/api/enterprises/${encodeURIComponent(id)}/${which === 'digital' ? 'digital' : 'cloud'}`,
  certifications: (id) => `/api/enterprises/${encodeURIComponent(id)}/certifications`,
  session: () => '/api/auth/session',
  login: () => '/api/auth/login',
  logout: () => '/api/auth/logout',
  token: () => '/api/auth/token',
  users: () => '/api/users',
  user: (name, action) => `/api/users/${encodeURIComponent(name)}/${action}`,
  importTemplate: (format, county) => `/api/imports/template?${query({ format, county })}`,
  imports: () => '/api/imports',
  importApply: (id) => `/api/imports/${encodeURIComponent(id)}/apply`,
  countyExport: (countyId, format) => `/api/counties/${encodeURIComponent(countyId)}/export?${query({ format })}`,
  countyHistory: (countyId, params) => `/api/counties/${encodeURIComponent(countyId)}/history?${query(params)}`,
  batches: () => '/api/batches',
  batch: (id) => `/api/batches/${encodeURIComponent(id)}`,
  batchPart: (id, part) => `/api/batches/${encodeURIComponent(id)}/${part}`,
  applications: (id, params) => `/api/batches/${encodeURIComponent(id)}/applications?${query(params)}`,
  application: (id, appId, part) => `/api/batches/${encodeURIComponent(id)}/applications/${encodeURIComponent(appId)}${part ? '/' + part : ''}`,
  scenarios: () => '/api/scenarios',
  scenario: (id, part) => `/api/scenarios/${encodeURIComponent(id)}${part ? '/' + part : ''}`,
};

/** A fresh key for one confirmed money action (Idempotency-Key). */
export function newIdempotencyKey() {
  if (window.crypto?.randomUUID) return window.crypto.randomUUID();
  const bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The REST route that serves the same snapshot as a hub scope. */
export function scopeUrl(scope) {
  if (scope === 'city') return routes.city();
  if (scope.startsWith('county:')) return routes.county(scope.slice('county:'.length));
  if (scope.startsWith('batch:')) return routes.batch(scope.slice('batch:'.length));
  if (scope.startsWith('scenario:')) return routes.scenario(scope.slice('scenario:'.length));
  throw new Error(`unknown scope ${scope}`);
}

// Reference data, loaded once and cached.
let countiesPromise = null;
let sectorsPromise = null;
const cacheLists = { counties: [], sectors: [] };

export function loadCounties() {
  if (!countiesPromise) {
    countiesPromise = getJson(routes.counties())
      .then((list) => (cacheLists.counties = list))
      .catch((e) => { countiesPromise = null; throw e; });
  }
  return countiesPromise;
}

export function loadSectors() {
  if (!sectorsPromise) {
    sectorsPromise = getJson(routes.sectors())
      .then((list) => (cacheLists.sectors = list))
      .catch((e) => { sectorsPromise = null; throw e; });
  }
  return sectorsPromise;
}

export function counties() { return cacheLists.counties; }
export function sectors() { return cacheLists.sectors; }

// The programme calendar (the month reports run up to, and the programme year), from the city board.
let calendarPromise = null;
const DEFAULT_CALENDAR = { reportingMonth: '2022-08', programmeYear: 2022 };

export function loadCalendar() {
  if (!calendarPromise) {
    calendarPromise = getJson(routes.city())
      .then((b) => ({
        reportingMonth: b.reportingMonth || DEFAULT_CALENDAR.reportingMonth,
        programmeYear: b.programmeYear || Number(String(b.reportingMonth || '').slice(0, 4)) || DEFAULT_CALENDAR.programmeYear,
      }))
      .catch(() => { calendarPromise = null; return DEFAULT_CALENDAR; });
  }
  return calendarPromise;
}
