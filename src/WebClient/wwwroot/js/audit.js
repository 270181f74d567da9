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
import './strings/records.js';

const TOP = ['name', 'countyId', 'sector', 'aboveScale', 'status', 'cloudSince', 'digitalSince', 'certifications'];
const PROJECT_FIELDS = ['name', 'status', 'totalInvestment', 'plannedThisYear', 'entry', 'entryNote', 'exitReason', 'mergedInto', 'key',
  'planningBatch', 'theme'];
const SCHEDULE = /^projects\/[^/]+\/schedule\/(\d{4}-\d{2})\/(progress|progressPercent|problems|inStatistics)$/;
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
  if ((m = SCHEDULE.exec(f))) return `${projectLabel(change)} · ${t('hist.p.s.' + m[2], { m: month(m[1]) })}`;
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

/** A planning batch id ("2022-3") as its name. */
export function planningBatchName(id) {
  return id ? tOr('pb.' + id, id) : t('pb.none');
}

/**
 * "name; kind; total; planned; start–end; status[; entry[; batch]]" — the name may itself hold "; ", so read from the
 * end: the fields after the period are the status, then (since the project database) its stage and its planning batch.
 */
function newProjectText(v) {
  const parts = String(v).split('; ');
  const at = parts.findLastIndex((x, i) => i > 0 && /^\d{4}-\d{2}–\d{4}-\d{2}$/.test(x));
  if (at < 4) return String(v);
  const [kind, total, planned] = parts.slice(at - 3, at);
  const name = parts.slice(0, at - 3).join('; ');
  const [start, end] = parts[at].split('–');
  const [status, entry, batch] = parts.slice(at + 1);
  return [name, tOr('kind.' + kind, kind), `${t('hist.v.total')} ${wanText(total)}`, `${t('hist.v.planned')} ${wanText(planned)}`,
    `${month(start)} – ${month(end)}`, status ? tOr('pStatus.' + status, status) : null, entry ? tOr('entry.' + entry, entry) : null,
    batch ? planningBatchName(batch) : null].filter(Boolean).join(' · ');
}

/** A value of a field as text. projectName(id): the firm's project of that id (for a merge), if known. */
export function valueText(field, v, projectName) {
  if (v === null || v === undefined || v === '') return '—';
  const f = String(field || '');
  let m;
  if ((m = /^projects\/[^/]+\/(entry|exitReason|key|planningBatch|mergedInto|theme)$/.exec(f))) {
    if (m[1] === 'entry') return tOr('entry.' + v, t('hist.f.other'));
    if (m[1] === 'exitReason') return tOr('exit.' + v, t('hist.f.other'));
    if (m[1] === 'key') return t(v === 'true' ? 'yes' : 'no');
    if (m[1] === 'planningBatch') return planningBatchName(v);
    if (m[1] === 'theme') return tOr('theme.' + v, t('hist.f.other'));
    return projectName?.(v) || t('hist.v.otherProject');
  }
  if ((m = SCHEDULE.exec(f))) {
    if (m[2] === 'inStatistics') return t(v === 'true' ? 'yes' : 'no');
    if (m[2] === 'progressPercent') return `${v}%`;
    return String(v);
  }
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
export function changeList(changes, projectName) {
  if (!Array.isArray(changes) || changes.length === 0) return h('span', { class: 'muted' }, '—');
  return h('ul', { class: 'change-list' }, changes.map((c) => h('li', null,
    h('span', { class: 'ch-field' }, fieldLabel(c)), colon(),
    c.before !== null && c.before !== undefined ? [h('span', { class: 'ch-before' }, valueText(c.field, c.before, projectName)), ' → '] : null,
    h('span', { class: 'ch-after' }, valueText(c.field, c.after, projectName)))));
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
  // A month's report with its scheduling fields (形象进度, 纳统) is the month's 月调度, not only its investment.
  if (entry.action === 'report-progress' && (entry.changes || []).some((c) => SCHEDULE.test(String(c.field)))) return t('hist.action.report-schedule');
  return entry.action ? tOr('hist.action.' + entry.action, t('hist.action.other')) : '—';
}

/**
 * The history as a table, newest first. opts: testid (table), rowTestid, firm (a column with the firm's name,
 * linked through firmHref(id)), limit (rows shown), projectName(enterpriseId, projectId) (names a merge's target).
 */
export function historyTable(entries, { testid, rowTestid, firm = false, firmHref, limit, projectName } = {}) {
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
      h('td', { class: 'changes' }, changeList(x.changes, projectName ? (pid) => projectName(x.enterpriseId, pid) : null))))));
}
