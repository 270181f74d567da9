// REST client for the board API.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function getJson(url, { signal } = {}) {
  const res = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store', signal });
  if (!res.ok) {
    let detail = res.statusText;
    try {
      const body = await res.json();
      detail = body.detail || body.title || detail;
    } catch { /* not JSON */ }
    throw new ApiError(res.status, `${res.status} ${detail}`);
  }
  return res.json();
}

export const routes = {
  city: () => '/api/board/city',
  county: (id) => `/api/board/counties/${encodeURIComponent(id)}`,
  counties: () => '/api/counties',
  sectors: () => '/api/sectors',
  enterprise: (id) => `/api/enterprises/${encodeURIComponent(id)}`,
  enterprises: (countyId, query) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query || {})) {
      if (v === null || v === undefined || v === '') continue;
      qs.set(k, String(v));
    }
    return `/api/counties/${encodeURIComponent(countyId)}/enterprises?${qs}`;
  },
};

/** The REST route that serves the same snapshot as a hub scope. */
export function scopeUrl(scope) {
  if (scope === 'city') return routes.city();
  if (scope.startsWith('county:')) return routes.county(scope.slice('county:'.length));
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
