// The one history renderer (留痕) for the public enterprise page and the workspace: who (the operator's display
// name), when, through which channel (网页 / 导入 / 接口), what, and every field before → after in people's words —
// "projects/p2/monthly/2022-08" becomes 项目「…」· 2022年8月完成投资, yuan become 万元, codes become names.
// The server sends each entry with actorName and, per change, the project's and the funding batch's names.
import { h } from './dom.js';
import { t, tOr, countyName, colon, getLang } from './i18n.js';
import { money, month, dateTime } from './format.js';
import { counties } from './api.js';
import { sectorName } from './table.js';
import './strings/history.js';

const TOP = ['name', 'countyId', 'sector', 'aboveScale', 'status', 'cloudSince', 'digitalSince', 'certifications'];
const PROJECT_FIELDS = ['name', 'status', 'totalInvestment', 'plannedThisYear'];
const MONEY = /\/(monthly\/\d{4}-\d{2}|totalInvestment|plannedThisYear|awarded|disbursed)$/;

/** Money as the 万元 figure reports use (English: the usual CNY m reading). */
export function wanText(yuan) {
  const v = Number(yuan);
  if (!Number.isFinite(v)) return '—';
  if (getLang() === 'en') return money(v);
  return `${(v / 1e4).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 万元`;
}

function projectLabel(change) {
  return change.project ? t('hist.p.named', { name: change.project }) : t('hist.p');
}

/** A field change's label. */
export function fieldLabel(change) {
  const f = String(change.field || '');
  let m;
  if ((m = /^projects\/[^/]+\/monthly\/(\d{4}-\d{2})$/.exec(f))) return `${projectLabel(change)} · ${t('hist.p.monthly', { m: month(m[1]) })}`;
  if ((m = /^projects\/[^/]+\/(\w+)$/.exec(f))) {
    return `${projectLabel(change)} · ${PROJECT_FIELDS.includes(m[1]) ? t('hist.p.' + m[1]) : t('hist.f.other')}`;
  }
  if (/^projects\/[^/]+$/.test(f)) return t('hist.p.added');
  if ((m = /^grants\/[^/]+\/[^/]+\/(awarded|disbursed)$/.exec(f))) {
    const batch = change.batch ? t('hist.g.batch', { name: change.batch }) : t('hist.g');
    return `${batch} · ${projectLabel(change)} · ${t('hist.g.' + m[1])}`;
  }
  return TOP.includes(f) ? t('hist.f.' + f) : t('hist.f.other');
}

function countyText(id) {
  const c = counties().find((x) => x.id === id);
  return c ? countyName(c) : id;
}

/** "name; kind; total; planned; start–end; status" — the name may itself hold "; ", so read from the end. */
function newProjectText(v) {
  const parts = String(v).split('; ');
  if (parts.length < 6) return String(v);
  const [kind, total, planned, period, status] = parts.slice(-5);
  const name = parts.slice(0, -5).join('; ');
  const [start, end] = String(period || '').split('–');
  return [name, tOr('kind.' + kind, kind), `${t('hist.v.total')} ${wanText(total)}`, `${t('hist.v.planned')} ${wanText(planned)}`,
    `${month(start)} – ${month(end)}`, tOr('pStatus.' + status, status)].join(' · ');
}

/** A value of a field as text. */
export function valueText(field, v) {
  if (v === null || v === undefined || v === '') return '—';
  const f = String(field || '');
  if (f === 'countyId') return countyText(v);
  if (f === 'sector') return sectorName(v);
  if (f === 'aboveScale') return t(v === 'true' ? 'scale.above' : 'scale.below');
  if (f === 'status') return tOr('entStatus.' + v, v);
  if (f === 'cloudSince' || f === 'digitalSince') return month(v);
  if (/^projects\/[^/]+\/status$/.test(f)) return tOr('pStatus.' + v, v);
  if (MONEY.test(f) && Number.isFinite(Number(v))) return wanText(v);
  if (/^projects\/[^/]+$/.test(f)) return newProjectText(v);
  if (f === 'certifications') {
    const [kind, level, m] = String(v).split('; ');
    return [tOr('cert.' + kind, kind), tOr('level.' + level, level), month(m)].join(' · ');
  }
  return String(v);
}

/** Changes as a list: "label: before → after". */
export function changeList(changes) {
  if (!Array.isArray(changes) || changes.length === 0) return h('span', { class: 'muted' }, '—');
  return h('ul', { class: 'change-list' }, changes.map((c) => h('li', null,
    h('span', { class: 'ch-field' }, fieldLabel(c)), colon(),
    c.before !== null && c.before !== undefined ? [h('span', { class: 'ch-before' }, valueText(c.field, c.before)), ' → '] : null,
    h('span', { class: 'ch-after' }, valueText(c.field, c.after)))));
}

export function actorText(entry) {
  if (entry.actor === 'system') return t('hist.system');
  return entry.actorName || entry.actor || '—';
}

export function viaText(entry) {
  return entry.via ? tOr('hist.via.' + entry.via, t('hist.via.other')) : '—';
}

export function actionText(entry) {
  // The first write of a firm registers it; later ones update it.
  if (entry.action === 'upsert-enterprise' && Number(entry.version) === 1) return t('hist.action.register');
  return entry.action ? tOr('hist.action.' + entry.action, t('hist.action.other')) : '—';
}

/**
 * The history as a table, newest first. opts: testid (table), rowTestid, firm (a column with the firm's name,
 * linked through firmHref(id)), limit (rows shown).
 */
export function historyTable(entries, { testid, rowTestid, firm = false, firmHref, limit } = {}) {
  const list = [...(entries || [])].sort((a, b) => String(b.at).localeCompare(String(a.at)) || (Number(b.version) || 0) - (Number(a.version) || 0));
  if (list.length === 0) return h('p', { class: 'empty' }, t('hist.none'));
  const heads = ['hist.at', ...(firm ? ['hist.firm'] : []), 'hist.actor', 'hist.via', 'hist.action', 'hist.changes'];
  return h('table', { class: 'data-table history-table', 'data-testid': testid },
    h('thead', null, h('tr', null, heads.map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', null, list.slice(0, limit ?? list.length).map((x) => h('tr', { 'data-testid': rowTestid, 'data-version': x.version, 'data-enterprise': x.enterpriseId },
      h('td', { class: 'nowrap' }, dateTime(x.at)),
      firm ? h('td', null, firmHref ? h('a', { href: firmHref(x.enterpriseId) }, x.enterpriseName || '—') : (x.enterpriseName || '—')) : null,
      h('td', null, actorText(x)),
      h('td', null, viaText(x), x.source ? h('span', { class: 'sub', title: x.source }, x.source) : null),
      h('td', null, actionText(x)),
      h('td', { class: 'changes' }, changeList(x.changes))))));
}
