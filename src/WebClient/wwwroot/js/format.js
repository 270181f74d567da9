// Number, money, percentage and date formatting, in the current language.
import { getLang } from './i18n.js';

const YI = 1e8;     // 亿 = 100 million yuan
const WAN = 1e4;    // 万 = 10 thousand yuan
const BN = 1e9;
const M = 1e6;

function fixed(value, digits = 2) {
  return Number(value).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Money split into parts so big numbers can be styled: {pre, num, unit}. */
export function moneyParts(yuan) {
  const v = Number(yuan) || 0;
  if (getLang() === 'en') {
    if (Math.abs(v) >= BN) return { pre: 'CNY', num: fixed(v / BN), unit: 'bn' };
    return { pre: 'CNY', num: fixed(v / M), unit: 'm' };
  }
  if (Math.abs(v) >= YI) return { pre: '', num: fixed(v / YI), unit: '亿元' };
  return { pre: '', num: fixed(v / WAN), unit: '万元' };
}

/** "137.00 亿元", "8,546.57 万元"; English "CNY 13.70 bn", "CNY 85.47 m". */
export function money(yuan) {
  if (yuan === null || yuan === undefined) return '—';
  const p = moneyParts(yuan);
  return (p.pre ? p.pre + ' ' : '') + p.num + ' ' + p.unit;
}

/** A scale for chart axes: divides yuan to the unit named by `label`. */
export function moneyScale(maxYuan) {
  if (getLang() === 'en') return maxYuan >= BN ? { div: BN, label: 'CNY bn' } : { div: M, label: 'CNY m' };
  return maxYuan >= YI ? { div: YI, label: '亿元' } : { div: WAN, label: '万元' };
}

/** Counts: plain below 10,000 (so "426" stays "426"), grouped above. */
export function count(n) {
  if (n === null || n === undefined || Number.isNaN(Number(n))) return '—';
  const v = Number(n);
  return Math.abs(v) >= 10000 ? v.toLocaleString('en-US') : String(v);
}

/** Share (0–1) → "92.0%". */
export function pct(share, digits = 1) {
  if (share === null || share === undefined || !Number.isFinite(Number(share))) return '—';
  return (Number(share) * 100).toFixed(digits) + '%';
}

/** Share rounded to one decimal of a percent, as a number (91.3). */
export function pctValue(share) {
  return Math.round(Number(share) * 1000) / 10;
}

export function ratio(a, b) {
  return b ? a / b : 0;
}

export function score(s) {
  return s === null || s === undefined ? '—' : Number(s).toFixed(2);
}

/** ISO timestamp → "2022-09-01 00:00" in local time. */
export function dateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const two = (x) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** "2022-08" → "2022年8月" / "Aug 2022". */
export function month(ym) {
  if (!ym) return '—';
  const [y, m] = String(ym).split('-').map(Number);
  if (!y || !m) return String(ym);
  if (getLang() === 'en') {
    return new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  }
  return `${y}年${m}月`;
}

/** Short month label for chart axes: "8月" / "Aug". */
export function shortMonth(ym) {
  const [y, m] = String(ym).split('-').map(Number);
  if (getLang() === 'en') return new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${m}月`;
}
