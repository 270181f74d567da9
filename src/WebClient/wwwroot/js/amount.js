// Money typed in 万元: strict parsing (a number or nothing — never "empty means everything"), the reason a text is
// refused, and the amount echoed back in words the way a payment order states it.
import { h } from './dom.js';
import { t, getLang } from './i18n.js';
import { yuanExact, wan, capitalAmount } from './format.js';

const MAX_WAN = 1e8;   // 1 万亿元: far above any grant

/**
 * Parse what someone typed in a 万元 field. Returns {empty: true} for nothing, {yuan} for a valid positive amount, or
 * {error: sentence} naming the field. Digits only ("40", "12.5", "1,200"); "abc", "五十", "-5", "0" are refused.
 */
export function parseWan(text, fieldLabel, { allowZero = false } = {}) {
  const raw = String(text ?? '').trim();
  if (raw === '') return { empty: true };
  const clean = raw.replace(/[,，\s]/g, '');
  if (/^[-−]/.test(clean) && /^[-−]\d*(\.\d*)?$/.test(clean) && clean.length > 1) return { error: t('g.e.negative', { f: fieldLabel }) };
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(clean)) return { error: t('g.e.notNumber', { f: fieldLabel, v: raw }) };
  const [, decimals = ''] = clean.split('.');
  if (decimals.length > 6) return { error: t('g.e.decimals', { f: fieldLabel }) };
  const v = Number(clean);
  if (!Number.isFinite(v) || v >= MAX_WAN) return { error: t('g.e.tooLarge', { f: fieldLabel }) };
  if (v === 0 && !allowZero) return { error: t('g.e.zero', { f: fieldLabel }) };
  // 万元 with up to 6 decimals is an exact number of fen: scale in integers to avoid binary rounding.
  const [whole, frac = ''] = clean.split('.');
  const fen = Number(whole || '0') * 1000000 + Number((frac + '000000').slice(0, 6));
  return { yuan: fen / 100 };
}

/** "¥400,000.00 · 40.00 万元 · 人民币肆拾万元整" — the amount three ways, so a slip of the unit shows. */
export function amountWords(yuan) {
  const parts = [yuanExact(yuan), wan(yuan)];
  if (getLang() !== 'en') { const cap = capitalAmount(yuan); if (cap) parts.push(cap); }
  return parts.join(' · ');
}

/** An element that echoes an amount in words (data-testid="amount-echo"). */
export function amountEcho(yuan, testid = 'amount-echo') {
  return h('p', { class: 'amount-echo', 'data-testid': testid }, amountWords(yuan));
}

/** Live echo under an input: the amount in words as it is typed, or why it is refused. */
export function liveEcho(input, fieldLabel, slot, { emptyText = '' } = {}) {
  const render = () => {
    const r = parseWan(input.value, fieldLabel);
    slot.classList.toggle('bad', !!r.error);
    slot.textContent = r.empty ? emptyText : r.error ? r.error : '= ' + amountWords(r.yuan);
  };
  input.addEventListener('input', render);
  render();
  return render;
}

