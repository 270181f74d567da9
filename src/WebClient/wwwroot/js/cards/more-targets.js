// The reply's other annual targets (三工业〔2022〕2号), decomposed to counties: SMEs onto the cloud (300) and through digital
// transformation (200) against what the firms record; the industrial-internet platform's targets (≥ 1,500 users, ≥ 30
// digital, ≥ 100 cloud), shown as targets while platform data is not connected (issue 14).
import { h, setText } from '../dom.js';
import { t } from '../i18n.js';
import { count } from '../format.js';
import '../strings/records.js';

export function moreTargetsCard(prefix) {
  const row = (key, testid) => {
    const fig = h('span', { class: 'strong', 'data-testid': `${prefix}-${testid}` });
    const sub = h('div', { class: 'muted small' });
    return { el: h('li', { class: 'goal' }, h('div', { class: 'goal-head' }, h('span', { class: 'goal-name' }, t(key)), h('span', { class: 'goal-fig' }, fig)), sub), fig, sub };
  };
  const smeCloud = row('more.smeCloud', 'sme-cloud');
  const smeDigital = row('more.smeDigital', 'sme-digital');
  const users = row('more.platformUsers', 'platform-users');
  const pDigital = row('more.platformDigital', 'platform-digital');
  const pCloud = row('more.platformCloud', 'platform-cloud');
  const el = h('section', { class: 'card kpi more-targets', 'aria-labelledby': `h-${prefix}-more`, 'data-testid': `${prefix}-more-targets` },
    h('header', { class: 'card-head' }, h('h2', { id: `h-${prefix}-more` }, t('more.title'))),
    h('ul', { class: 'goal-list' }, smeCloud.el, smeDigital.el, users.el, pDigital.el, pCloud.el));

  function update(s) {
    const sme = s?.sme;
    const tg = s?.targets;
    if (!sme || !tg) { el.hidden = true; return; }
    el.hidden = false;
    setText(smeCloud.fig, `${count(sme.cloudThisYear)} / ${count(sme.cloudTarget)}`);
    setText(smeDigital.fig, `${count(sme.digitalThisYear)} / ${count(sme.digitalTarget)}`);
    for (const [r, n] of [[users, tg.platformUsers], [pDigital, tg.platformDigital], [pCloud, tg.platformCloud]]) {
      setText(r.fig, t('more.atLeast', { n: count(n) }));
      setText(r.sub, t('more.notTracked'));
    }
  }
  return { el, update };
}
