// The grant review's enum lists, labels and rules in one place: stages, statuses, classes, results, who may decide
// what, the expert panel's scoring sheet, and server problems (problem+json) turned into sentences in the reader's
// language that name the field.
import './strings/grants.js';
import { t, tOr, getLang, countyName } from './i18n.js';
import { ApiError, counties } from './api.js';
import { wan } from './format.js';
import { errorText } from './forms.js';

/** The review pipeline in order (as the reply describes it), then the tabs for applications out of it. */
export const STAGES = ['county-check', 'county-recommendation', 'equipment-verification', 'expert-recheck', 'expert-panel',
  'special-audit', 'public-notice', 'award', 'disbursement'];
export const OUT_TABS = ['returned', 'waiting-list', 'declined', 'disbursed'];
/** The queue filter (status) behind each tab outside the pipeline. */
export const TAB_STATUS = { returned: 'returned', 'waiting-list': 'waiting', declined: 'declined', disbursed: 'disbursed' };
export const COUNTY_STAGES = new Set(['county-check', 'county-recommendation']);
/** Stages whose approval may lower the amount. */
export const AMOUNT_STAGES = new Set(['equipment-verification', 'expert-recheck', 'expert-panel', 'special-audit']);
export const CLASSES = ['subsidy', 'reward'];
export const RESULTS = ['smart-factory', 'smart-workshop', 'green-factory', 'smart-manufacturing-benchmark', 'machine-replaces-labour'];

/**
 * The expert panel's scoring sheet: criteria and their weights (points out of 100). The API takes the total; the
 * breakdown goes into the decision's note so the history keeps it.
 */
export const CRITERIA = [
  { key: 'technology', max: 30 },
  { key: 'investment', max: 25 },
  { key: 'benefit', max: 20 },
  { key: 'green', max: 15 },
  { key: 'demonstration', max: 10 },
];

export const stageLabel = (s) => tOr('g.stage.' + s, tOr('g.tab.' + s, '—'));
export const statusLabel = (s) => tOr('g.status.' + s, '—');
export const classLabel = (c) => tOr('g.class.' + c, '—');
export const resultLabel = (r) => tOr('g.result.' + r, '—');
export const actionLabel = (a) => tOr('g.h.' + a, '—');
export const batchStatusLabel = (s) => tOr('g.batchStatus.' + s, '—');
export const stageStep = (s) => t('g.stageStep', { i: STAGES.indexOf(s) + 1, n: STAGES.length });

/** A county's name from its id (the catalogue the app loaded). */
export function countyLabel(id) {
  const c = counties().find((x) => x.id === id);
  return c ? countyName(c) : t('g.c.county');
}

/** Who acted, as people read it: a display name, and the role in words ("county:lingbao" → 灵宝市). */
export function roleLabel(role) {
  if (!role) return '';
  if (role === 'system') return t('g.h.system');
  if (role === 'city') return t('g.h.city');
  if (role.startsWith('county:')) return countyLabel(role.slice(7));
  return tOr('role.' + role, '');
}

/** May the signed-in person decide at this stage for a firm of this county? (The server checks again.) */
export function mayDecide(s, stage, countyId) {
  if (!s?.authenticated) return false;
  if (s.role === 'city') return true;
  return s.role === 'county' && COUNTY_STAGES.has(stage) && s.county === countyId;
}

export const isCityUser = (s) => !!s?.authenticated && s.role === 'city';
export const mayApply = (s) => !!s?.authenticated && (s.role === 'city' || s.role === 'county');

/** Is the objection window of an application on notice open now? */
export function noticeOpen(a, now = Date.now()) {
  return a.stage === 'public-notice' && a.status === 'pending' && !!a.noticeUntil && now < Date.parse(a.noticeUntil);
}

// ---- what the server said, in the reader's language ----

const fieldName = (name) => tOr('g.f.' + name, tOr('g.f.' + String(name).split('.')[0], t('g.f.amount')));

/** One server rule (English) for a field → a sentence naming the field; unknown rules get a generic one. */
export function explainRule(name, rule) {
  const f = fieldName(name);
  const text = String(rule ?? '');
  let m;
  if (/^is required/.test(text)) return name === 'score' ? t('g.e.scoreNeeded') : t('g.e.required', { f });
  if (/must not be negative/.test(text)) return t('g.e.negative', { f });
  if (/must be greater than 0/.test(text)) return t('g.e.zero', { f });
  if (/decimal places/.test(text)) return name === 'score' ? t('g.e.scoreDecimals', { f }) : t('g.e.decimals', { f });
  if (/between 0 and 100/.test(text)) return t('g.e.scoreRange', { f, max: 100 });
  if ((m = /stands at ([\d.]+) yuan/.exec(text))) return t('g.e.aboveCurrent', { f, v: wan(m[1]) });
  if ((m = /the ([\d.]+) yuan still unpaid/.exec(text))) return t('g.e.aboveUnpaid', { f, v: wan(m[1]) });
  if ((m = /below the ([\d.]+) yuan already committed/.exec(text))) return t('g.e.belowCommitted', { f, v: wan(m[1]) });
  if (/this stage or an earlier one/.test(text)) return t('g.e.earlierStage', { f });
  if ((m = /at most (\d+) characters/.exec(text))) return t('g.e.tooLong', { f, n: m[1] });
  if (/control characters/.test(text)) return t('g.e.control', { f });
  if (/must not be before/.test(text)) return t('g.e.endBeforeStart', { f });
  if (/no enterprise/.test(text)) return t('g.e.noEnterprise', { f });
  if (/already applied/.test(text)) return t('g.e.alreadyApplied');
  if (/no longer takes applications/.test(text)) return t('g.e.notAccepting');
  if (/waiting list/.test(text)) return t('g.e.waiting');
  if (/objection window .* is open/.test(text)) return t('g.e.noticeOpen');
  if (/no application (has passed|waits)/.test(text)) return t('g.e.nothingReady');
  if (/eligib|window|kind|not offer|rewards only/.test(text)) return t('g.e.notEligible', { f });
  // In English the server's own words are clear enough; never in Chinese.
  return getLang() === 'en' && text ? `${f}: ${text}` : t('g.e.invalid', { f });
}

/**
 * A failed call → {fields: {name: sentence}, general: sentence|null}. Validation problems land on their fields;
 * 403/409 become one sentence; nothing shows English server text or an HTTP code to a Chinese reader.
 */
export function explainProblem(err) {
  const out = { fields: {}, general: null };
  if (!(err instanceof ApiError)) { out.general = t('err.unexpected'); return out; }
  if (err.status === 400 && err.errors) {
    for (const [name, rules] of Object.entries(err.errors)) out.fields[name] = [].concat(rules).map((r) => explainRule(name, r)).join(' ');
    return out;
  }
  if (err.status === 403 && !/csrf/i.test(err.title || '')) {
    const d = err.detail || '';
    const why = /county agent applies|applies only/.test(d) ? t('g.e.forbiddenApply')
      : /decided by the county/.test(d) ? t('g.e.forbiddenCounty') : t('g.e.forbiddenCity');
    out.general = t('g.e.forbidden', { why });
    return out;
  }
  if (err.status === 409) {
    const rules = err.body?.errors && typeof err.body.errors === 'object' ? Object.entries(err.body.errors) : [];
    if (rules.length) {
      const [name, list] = rules[0];
      const text = [].concat(list).join(' ');
      if (/already applied|no longer takes|waiting list|objection window .* is open|no application (has passed|waits)|already committed/.test(text)) {
        out.general = explainRule(name, text);
        return out;
      }
      if (name === 'id') { out.fields.id = t('g.e.idTaken', { f: fieldName('id') }); return out; }
    }
    out.general = t('g.e.conflict');
    return out;
  }
  out.general = errorText(err);
  return out;
}
