// The audit trail (留痕) in people's words: field paths like "projects/p2/monthly/2022-08" become
// "项目 p2 · 2022年8月 当月完成投资", values are shown as money, months, county and sector names.
import { h } from './dom.js';
import { t, tOr, countyName, colon, getLang } from './i18n.js';
import { money, month, dateTime } from './format.js';
import { counties } from './api.js';
import { sectorName } from './table.js';

const TOP = {
  name: 'ws.r.name', countyId: 'e.county', sector: 'e.sector', aboveScale: 'e.scale', status: 'e.status',
  cloudSince: 'e.cloudSince', digitalSince: 'e.digitalSince', certifications: 'e.certs',
};
const PROJECT = { name: 'e.p.name', status: 'e.p.status', totalInvestment: 'e.p.total', plannedThisYear: 'e.p.planned' };

function projectLabel(id, names) {
  const name = names?.get(id);
  if (!name) return `${t('a.project')} ${id}`;
  return getLang() === 'en' ? `${t('a.project')} ${id} “${name}”` : `${t('a.project')} ${id}「${name}」`;
}

/** A field path as a label. names: project id → name, when known. */
export function fieldLabel(field, names) {
  let m;
  if ((m = /^projects\/([^/]+)\/monthly\/(\d{4}-\d{2})$/.exec(field))) return `${projectLabel(m[1], names)} · ${month(m[2])} ${t('a.monthly')}`;
  if ((m = /^projects\/([^/]+)\/(\w+)$/.exec(field))) return `${projectLabel(m[1], names)} · ${PROJECT[m[2]] ? t(PROJECT[m[2]]) : m[2]}`;
  if ((m = /^projects\/([^/]+)$/.exec(field))) return `${t('a.projectAdded')} ${m[1]}`;
  if ((m = /^grants\/([^/]+)\/([^/]+)\/(awarded|disbursed)$/.exec(field))) {
    return `${t('e.grants')} ${m[1]} · ${projectLabel(m[2], names)} · ${t(m[3] === 'awarded' ? 'e.g.awarded' : 'e.g.disbursed')}`;
  }
  return TOP[field] ? t(TOP[field]) : field;
}

function countyText(id) {
  const c = counties().find((x) => x.id === id);
  return c ? countyName(c) : id;
}

/** A value of a field as text. */
export function valueText(field, v) {
  if (v === null || v === undefined || v === '') return '—';
  if (field === 'countyId') return countyText(v);
  if (field === 'sector') return sectorName(v);
  if (field === 'aboveScale') return t(v === 'true' ? 'scale.above' : 'scale.below');
  if (field === 'status') return tOr('entStatus.' + v, v);
  if (field === 'cloudSince' || field === 'digitalSince') return month(v);
  if (/^projects\/[^/]+\/status$/.test(field)) return tOr('pStatus.' + v, v);
  if (/monthly|totalInvestment|plannedThisYear|awarded|disbursed/.test(field) && Number.isFinite(Number(v))) return money(Number(v));
  if (/^projects\/[^/]+$/.test(field)) {
    // "name; kind; total; planned; start–end; status"
    const [name, kind, total, planned, period, status] = String(v).split('; ');
    const [start, end] = String(period || '').split('–');
    return [name, tOr('kind.' + kind, kind), `${t('e.p.total')} ${money(Number(total))}`, `${t('e.p.planned')} ${money(Number(planned))}`,
      `${month(start)} – ${month(end)}`, tOr('pStatus.' + status, status)].join(' · ');
  }
  if (field === 'certifications') {
    const [kind, level, m] = String(v).split('; ');
    return [tOr('cert.' + kind, kind), tOr('level.' + level, level), month(m)].join(' · ');
  }
  return String(v);
}

/** Changes as a list: "label: before → after". */
export function changeList(changes, names) {
  if (!Array.isArray(changes) || changes.length === 0) return h('span', { class: 'muted' }, '—');
  return h('ul', { class: 'change-list' }, changes.map((c) => h('li', null,
    h('span', { class: 'ch-field' }, fieldLabel(c.field, names)), colon(),
    c.before !== null && c.before !== undefined ? [h('span', { class: 'ch-before' }, valueText(c.field, c.before)), ' → '] : null,
    h('span', { class: 'ch-after' }, valueText(c.field, c.after)))));
}

/** Who/when/via cells shared by the county and enterprise trails. */
export function viaCell(entry) {
  return h('td', null, entry.via ? tOr('via.' + entry.via, entry.via) : '—',
    entry.source ? h('span', { class: 'sub', title: entry.source }, entry.source) : null);
}

export function actionText(entry) {
  // The first write of a firm registers it; later ones update it.
  if (entry.action === 'upsert-enterprise' && Number(entry.version) === 1) return t('action.register');
  return entry.action ? tOr('action.' + entry.action, entry.action) : '—';
}

export function atCell(entry) {
  return h('td', { class: 'nowrap' }, dateTime(entry.at));
}
