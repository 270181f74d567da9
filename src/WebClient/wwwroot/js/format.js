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

/** A Date → "HH:MM:SS" (local time), as "更新于 14:05:09" reads. */
export function timeOfDay(d) {
  if (!d) return '—';
  const date = d instanceof Date ? d : new Date(d);
  if (Number.isNaN(date.getTime())) return '—';
  const two = (x) => String(x).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** Yuan to the fen, with the ¥ sign: "¥500,000.00". */
export function yuanExact(yuan) {
  const v = Number(yuan);
  if (!Number.isFinite(v)) return '—';
  return (v < 0 ? '−¥' : '¥') + Math.abs(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Yuan as 万元 always (the unit grant forms use): "50.00 万元" / "50.00 万元 (CNY 0.50 m)". */
export function wan(yuan) {
  const v = Number(yuan);
  if (!Number.isFinite(v)) return '—';
  const text = (v / WAN).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + ' 万元';
  return getLang() === 'en' ? `${text} (${money(v)})` : text;
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL = ['', '拾', '佰', '仟'];
const BIG = ['', '万', '亿', '万亿'];

/**
 * An amount in Chinese capital numerals as on a payment order (大写金额): 500000 → "人民币伍拾万元整",
 * 1234.5 → "人民币壹仟贰佰叁拾肆元伍角". Up to 9,999 亿; null when the amount is not a non-negative number.
 */
export function capitalAmount(yuan) {
  const v = Number(yuan);
  if (!Number.isFinite(v) || v < 0 || v >= 1e12) return null;
  const fen = Math.round(v * 100);
  const whole = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const f = fen % 10;
  let text = '';
  if (whole > 0) {
    const groups = [];
    for (let n = whole; n > 0; n = Math.floor(n / 10000)) groups.push(n % 10000);
    let zeroPending = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const group = groups[g];
      if (group === 0) { zeroPending = text !== ''; continue; }
      if (zeroPending || (text !== '' && group < 1000)) text += '零';
      zeroPending = false;
      let inner = '';
      let innerZero = false;
      for (let i = 3; i >= 0; i--) {
        const d = Math.floor(group / 10 ** i) % 10;
        if (d === 0) { innerZero = inner !== ''; continue; }
        if (innerZero) inner += '零';
        innerZero = false;
        inner += DIGITS[d] + SMALL[i];
      }
      text += inner + BIG[g];
    }
    text += '元';
  }
  if (jiao === 0 && f === 0) return '人民币' + (text || '零元') + '整';
  if (jiao > 0) text += DIGITS[jiao] + '角';
  else if (whole > 0) text += '零';
  if (f > 0) text += DIGITS[f] + '分';
  return '人民币' + text;
}

/** Yuan in a column's one unit (a moneyScale): "22.81" when the column is in 亿元. */
export function inUnit(yuan, scale) {
  if (yuan === null || yuan === undefined) return '—';
  return (Number(yuan) / scale.div).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
