// Form pieces for the workspace: labelled fields with an error slot each, server errors placed next to the
// field they name, a toast for success, and inputs for months and for money typed in 万元.
import { h } from './dom.js';
import { t, getLang } from './i18n.js';
import { money, month } from './format.js';
import { ApiError } from './api.js';
import { sessionLost } from './session.js';

let uid = 0;
export const newId = (prefix) => `${prefix}-${++uid}`;

/** A labelled control with a hint and a slot for its errors. aliases: other server field names that land here. */
export function field(name, label, control, { hint, cls, aliases = [] } = {}) {
  if (!control.id) control.id = newId('f-' + name);
  if (!control.name) control.name = name;
  const slot = h('div', { class: 'field-errors', id: control.id + '-err' });
  const hintEl = hint ? h('p', { class: 'field-hint', id: control.id + '-hint' }, hint) : null;
  control.setAttribute('aria-describedby', [hintEl?.id, slot.id].filter(Boolean).join(' '));
  const el = h('div', { class: 'ff' + (cls ? ' ' + cls : ''), 'data-field': name },
    h('label', { for: control.id }, label), control, hintEl, slot);
  return { el, control, slot, hint: hintEl, name, aliases };
}

export function textInput(attrs = {}) {
  return h('input', { type: 'text', autocomplete: 'off', ...attrs });
}

/** A month picker ("YYYY-MM"); browsers without one get a text box with the pattern as placeholder. */
export function monthInput(attrs = {}) {
  return h('input', { type: 'month', placeholder: 'YYYY-MM', pattern: '\\d{4}-\\d{2}', ...attrs });
}

/** Money typed in 万元 (the unit county reports use); converted to yuan with wanToYuan. */
export function wanInput(attrs = {}) {
  return h('input', { type: 'number', min: '0', step: 'any', inputmode: 'decimal', class: 'num-input', ...attrs });
}

/** "1,234.5" 万元 → 12345000 yuan (2 decimals); NaN when it is not a number. */
export function wanToYuan(text) {
  const clean = String(text ?? '').replace(/[,，\s]/g, '');
  if (clean === '' || !/^-?\d*(\.\d*)?$/.test(clean)) return NaN;
  const v = Number(clean);
  if (!Number.isFinite(v)) return NaN;
  return Math.round(v * 10000 * 100) / 100;
}

/** Yuan → the 万元 figure for an input's value ("274.25"). */
export function yuanToWan(yuan) {
  const v = Number(yuan) || 0;
  return String(Math.round(v / 100) / 100);
}

/** The yuan an input in 万元 stands for, as a hint line ("= 2,742,500.00 元 (274.25 万元)"). */
export function wanHint(text) {
  const y = wanToYuan(text);
  if (!Number.isFinite(y)) return '';
  const yuan = y.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return getLang() === 'en' ? `= ${yuan} yuan (${money(y)})` : `= ${yuan} 元（${money(y)}）`;
}

export function select(options, value, attrs = {}) {
  return h('select', attrs, options.map(([v, text, extra]) => h('option', { value: v, selected: String(v) === String(value ?? ''), ...(extra || {}) }, text)));
}

/** Re-fill a select's options, keeping the chosen value when it still exists. */
export function setOptions(sel, options, keep = sel.value) {
  sel.replaceChildren(...options.map(([v, text, extra]) => h('option', { value: v, ...(extra || {}) }, text)));
  if (options.some(([v, , extra]) => String(v) === String(keep) && !extra?.disabled)) sel.value = keep;
}

/** Month arithmetic on "YYYY-MM". */
export function monthCompare(a, b) { return String(a).localeCompare(String(b)); }

export function isMonth(text) { return /^\d{4}-(0[1-9]|1[0-2])$/.test(String(text || '')); }

// ---- server messages in the reader's language ----

const PATTERNS = [
  [/^is required/, () => t('srv.required')],
  [/^must not be negative$/, () => t('srv.negative')],
  [/^must be greater than 0$/, () => t('srv.positive')],
  [/^must be at most (\d+) characters$/, (m) => t('srv.maxChars', { n: m[1] })],
  [/^must be at least (\d+) characters$/, (m) => t('srv.minChars', { n: m[1] })],
  [/^must be at most ([\d.]+) yuan$/, (m) => t('srv.maxAmount', { v: money(m[1]) })],
  [/^must have at most 2 decimal places/, () => t('srv.decimals')],
  [/^must not contain control characters$/, () => t('srv.control')],
  [/^must be a month/, () => t('srv.month')],
  [/^must be one of: (.*)$/, (m) => t('srv.oneOf', { list: m[1] })],
  [/^has the wrong type or format/, () => t('srv.format')],
  [/^must not be after the reporting month (\d{4}-\d{2})$/, (m) => t('srv.afterReporting', { m: month(m[1]) })],
  [/^must not be before the project's start month (\d{4}-\d{2})$/, (m) => t('srv.beforeStart', { m: month(m[1]) })],
  [/^would bring the project's completed investment to ([\d.]+) yuan, above its total investment ([\d.]+) yuan$/,
    (m) => t('srv.overTotal', { a: money(m[1]), b: money(m[2]) })],
  [/^must not exceed totalInvestment$/, () => t('srv.plannedOverTotal')],
  [/^must not be before startMonth$/, () => t('srv.endBeforeStart')],
  [/^a project may run at most (\d+) months$/, (m) => t('srv.maxMonths', { n: m[1] })],
  [/^a new project cannot start cancelled$/, () => t('srv.newCancelled')],
  [/^the project is cancelled/, () => t('srv.cancelledProgress')],
  [/^a cancelled project stays cancelled/, () => t('srv.cancelledStays')],
  [/^an enterprise may hold at most (\d+) projects$/, (m) => t('srv.maxProjects', { n: m[1] })],
  [/^at most (\d+) certifications$/, (m) => t('srv.maxCerts', { n: m[1] })],
  [/^must be 1–64 characters/, () => t('srv.enterpriseId')],
  [/^must be 2–64 characters/, () => t('srv.userName')],
  [/^a county agent needs a county/, () => t('srv.countyNeeded')],
  [/^only county agents are bound to a county$/, () => t('srv.countyOnlyAgents')],
  [/^must be a \.csv or \.xlsx file$/, () => t('srv.fileType')],
  [/^cannot be read as/, () => t('srv.fileUnreadable')],
  [/^upload the spreadsheet/, () => t('srv.fileMultipart')],
  [/^'(.*)' is not a number$/, (m) => t('srv.notNumber', { v: m[1] })],
  [/^'(.*)' is not a month/, (m) => t('srv.notMonth', { v: m[1] })],
  [/^is empty$/, () => t('srv.empty')],
  [/^is implausibly large$/, () => t('srv.tooLarge')],
  [/^missing column '(.*)'/, (m) => t('srv.missingColumn', { c: m[1] })],
  [/^the file has no data rows$/, () => t('srv.noRows')],
  [/^at most (\d+) rows per file$/, (m) => t('srv.maxRows', { n: m[1] })],
  [/^duplicate of row (\d+)/, (m) => t('srv.duplicateRow', { r: m[1] })],
  [/^unknown enterprise '(.*)'$/, (m) => t('srv.unknownEnterprise', { id: m[1] })],
  [/^the enterprise belongs to (\S+), not to your county (\S+)$/, (m) => t('srv.otherCounty', { a: m[1], b: m[2] })],
  [/^the enterprise has no project '(.*)'$/, (m) => t('srv.noProject', { p: m[1] })],
  [/^no such project of this enterprise$/, () => t('srv.noSuchProject')],
];

/**
 * A server message (English) in the reader's language when it is one we know — in English too, so that
 * amounts read in 万/亿 or millions rather than raw yuan; else as sent.
 */
export function explain(message) {
  const text = String(message ?? '').trim();
  for (const [re, fn] of PATTERNS) {
    const m = re.exec(text);
    if (m) return fn(m);
  }
  // A rule we have no words for: English readers get the server's own; a Chinese reader never sees English.
  if (getLang() !== 'en') return text ? t('err.field') : '';
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

/** The sentence for an error that names no field, by status. */
export function errorText(err, overrides = {}) {
  if (!(err instanceof ApiError)) return t('err.unexpected');
  if (overrides[err.status]) return overrides[err.status];
  switch (err.status) {
    case 0: return t('err.network');
    case 401: return t('err.401');
    case 403:
      if (/csrf/i.test(err.title || '')) return t('err.csrf');
      if (/county agent/i.test(err.detail || '')) return t('err.403county');
      if (/uploaded the file/i.test(err.title || '')) return t('err.403import');
      return t('err.403');
    case 404: return t('err.404');
    case 409: return getLang() === 'en' ? t('err.409', { detail: err.detail || err.title || '' }) : t('err.409zh');
    case 412: return t('err.412');
    case 413: return t('err.413');
    case 429: return t('err.429');
    default:
      if (err.status >= 500) return t('err.500');
      return getLang() === 'en' ? (err.detail || err.title || t('err.unexpected')) : t('err.unexpected');
  }
}

/**
 * Error display for one form: field errors next to their field (data-testid="form-error"), anything else
 * in the form's general slot, and a busy state that blocks double submits.
 */
export function formState(form, fields, { general } = {}) {
  const byName = new Map();
  for (const f of fields) {
    byName.set(f.name.toLowerCase(), f);
    for (const a of f.aliases || []) byName.set(a.toLowerCase(), f);
  }
  const generalSlot = general || h('div', { class: 'form-general' });
  if (!general) form.prepend(generalSlot);
  const invalid = new Set();

  function errorEl(text, extra) {
    return h('p', { class: 'form-error', 'data-testid': 'form-error', role: 'alert' }, text, extra || null);
  }

  const api = {
    clear() {
      // A toast left from an earlier action must not read as this submit's answer.
      hideToast();
      for (const f of fields) f.slot.replaceChildren();
      for (const c of invalid) c.removeAttribute('aria-invalid');
      invalid.clear();
      generalSlot.replaceChildren();
    },
    fieldError(name, message) {
      const f = byName.get(String(name).toLowerCase()) || byName.get(String(name).replace(/^rows\[\d+\]\./, '').toLowerCase());
      if (!f) { api.generalError(`${name}: ${message}`); return; }
      f.slot.append(errorEl(message));
      f.control.setAttribute('aria-invalid', 'true');
      invalid.add(f.control);
    },
    generalError(message, extra) {
      generalSlot.append(errorEl(message, extra));
    },
    note(message, cls = 'form-note') {
      generalSlot.append(h('p', { class: cls, role: 'status' }, message));
    },
    /**
     * Show an ApiError: validation errors by field (each message read by `say`, the shared server-message reader unless
     * a form knows more of its rules), otherwise one sentence. Returns true when shown by field.
     */
    show(err, overrides = {}, say = explain) {
      api.clear();
      if (err instanceof ApiError && err.status === 401) sessionLost();
      if (err instanceof ApiError && err.status === 400 && err.errors && Object.keys(err.errors).length) {
        for (const [name, messages] of Object.entries(err.errors)) {
          for (const m of [].concat(messages)) api.fieldError(name, say(m));
        }
        const first = form.querySelector('[aria-invalid="true"]');
        first?.focus({ preventScroll: false });
        return true;
      }
      const text = errorText(err, overrides);
      const extra = err instanceof ApiError && err.status === 401
        // A new window, so that what was typed here survives; back here, submit again.
        ? h('a', { href: '#/login?next=' + encodeURIComponent(window.location.hash || '#/'), target: '_blank', rel: 'noopener' }, ' ' + t('err.401link'))
        : null;
      api.generalError(text, extra);
      return false;
    },
    busy(on) {
      form.setAttribute('aria-busy', on ? 'true' : 'false');
      for (const b of form.querySelectorAll('button')) {
        if (on) { b.dataset.wasDisabled = b.disabled ? '1' : ''; b.disabled = true; }
        else { b.disabled = b.dataset.wasDisabled === '1'; delete b.dataset.wasDisabled; }
      }
    },
    general: generalSlot,
  };
  return api;
}

/** Run a submit: clears errors, blocks the form, shows errors; resolves to the handler's result or null on failure. */
export async function submit(state, fn, overrides) {
  state.clear();
  state.busy(true);
  try {
    return await fn();
  } catch (err) {
    if (err?.name === 'AbortError') return null;
    if (!(err instanceof ApiError)) console.error(err);
    state.show(err, overrides);
    return null;
  } finally {
    state.busy(false);
  }
}

// ---- toast ----

let toastEl = null;
let toastTimer = null;

/** One short success (or failure) message at the bottom of the screen. */
export function toast(message, kind = 'ok') {
  if (!toastEl) {
    toastEl = h('div', { class: 'toast', 'data-testid': 'toast', role: 'status', 'aria-live': 'polite', hidden: true });
    document.body.append(toastEl);
  }
  clearTimeout(toastTimer);
  toastEl.className = 'toast toast-' + kind;
  toastEl.textContent = message;
  toastEl.hidden = false;
  toastTimer = setTimeout(() => { toastEl.hidden = true; }, kind === 'ok' ? 5000 : 8000);
}

export function hideToast() {
  clearTimeout(toastTimer);
  if (toastEl) toastEl.hidden = true;
}

/** Copy text to the clipboard (falls back to a selection when the Clipboard API is not allowed). */
export async function copyText(text, fallbackInput) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (fallbackInput) {
      fallbackInput.select();
      try { return document.execCommand('copy'); } catch { return false; }
    }
    return false;
  }
}
