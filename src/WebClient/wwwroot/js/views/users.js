// User accounts (#/users, city staff only): list, create, disable / enable, reset a password.
import { h } from '../dom.js';
import { t, countyName } from '../i18n.js';
import { dateTime, count } from '../format.js';
import { request, routes, loadCounties, counties } from '../api.js';
import { ready, session, onSession, toLogin } from '../session.js';
import { field, formState, submit, textInput, select, toast, errorText } from '../forms.js';
import { card, guard } from './workspace.js';

const ROLES = ['county', 'city', 'viewer'];

export function mountUsers(main, ctx) {
  let destroyed = false;
  let users = [];
  const cleanups = [];
  const loading = h('p', { class: 'loading' }, t('board.loading'));
  main.append(loading);
  ctx.setTitle(t('nav.users'));
  ctx.setCrumbs([{ label: t('nav.users') }]);

  Promise.all([ready(), loadCounties().catch(() => [])]).then(([s]) => {
    if (destroyed) return;
    loading.remove();
    if (!guard(main, ctx, s, { cityOnly: true })) return;
    build();
  });
  cleanups.push(onSession((s) => {
    if (!destroyed && s.loaded && !s.authenticated && !s.lost) toLogin();
  }));

  const countyLabel = (id) => {
    const c = counties().find((x) => x.id === id);
    return c ? countyName(c) : (id || '—');
  };

  function build() {
    const listBody = h('div', { class: 'table-wrap' });
    const listStatus = h('span', { class: 'muted small' });
    const filter = h('input', { type: 'search', placeholder: t('u.filter'), 'aria-label': t('u.filter'), oninput: () => renderList() });
    const list = card('h-users', t('u.list'), h('div', { class: 'filters' }, h('div', { class: 'field field-search' }, filter)), listBody);
    list.querySelector('.card-head-extra').append(listStatus);
    const create = createForm(() => loadList());

    main.append(
      h('div', { class: 'board-head' }, h('h1', { class: 'board-title' }, t('u.title')), h('p', { class: 'muted' }, t('u.intro'))),
      h('div', { class: 'users-grid' }, list, create));

    async function loadList() {
      try {
        const { data } = await request('GET', routes.users());
        if (destroyed) return;
        users = Array.isArray(data) ? data : [];
        listStatus.textContent = t('u.count', { n: count(users.length) });
        renderList();
      } catch (err) {
        if (destroyed) return;
        listBody.replaceChildren(h('p', { class: 'form-error', 'data-testid': 'form-error', role: 'alert' }, errorText(err)));
      }
    }

    function renderList() {
      const q = filter.value.trim().toLowerCase();
      const shown = users
        .filter((u) => !q || [u.userName, u.displayName, u.role, u.county, countyLabel(u.county)].some((x) => String(x || '').toLowerCase().includes(q)))
        .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || String(a.county || '').localeCompare(String(b.county || '')) || a.userName.localeCompare(b.userName));
      listBody.replaceChildren(h('table', { class: 'data-table users-table', 'data-testid': 'users-table' },
        h('thead', null, h('tr', null, ['u.userName', 'u.displayName', 'u.role', 'u.county', 'u.state', 'u.created', 'u.actions']
          .map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', null, shown.map(userRow))));
    }

    function userRow(u) {
      const me = u.userName === session().userName;
      const actions = h('td', { class: 'actions' });
      const row = h('tr', { 'data-user': u.userName, class: u.enabled ? null : 'row-muted' },
        h('th', { scope: 'row', class: 'mono' }, u.userName, me ? h('span', { class: 'sub' }, t('u.you')) : null),
        h('td', null, u.displayName),
        h('td', null, h('span', { class: 'badge role-' + u.role }, t('role.' + u.role))),
        h('td', null, u.role === 'county' ? countyLabel(u.county) : '—'),
        h('td', null, h('span', { class: 'badge ' + (u.enabled ? 'cov-yes' : 'cov-no') }, t(u.enabled ? 'u.enabled' : 'u.disabled'))),
        h('td', { class: 'nowrap' }, dateTime(u.createdAt)),
        actions);

      const toggle = h('button', {
        type: 'button', class: 'btn btn-small', 'data-testid': 'user-toggle',
        // Disabling your own account would sign you out with no one to turn it back on.
        disabled: me && u.enabled, title: me && u.enabled ? t('u.notSelf') : null,
        onclick: async () => {
          toggle.disabled = true;
          try {
            await request('POST', routes.user(u.userName, u.enabled ? 'disable' : 'enable'));
            toast(t(u.enabled ? 'u.disabledToast' : 'u.enabledToast', { user: u.userName }));
            await loadList();
          } catch (err) {
            toast(errorText(err), 'error');
            toggle.disabled = false;
          }
        },
      }, t(u.enabled ? 'u.disable' : 'u.enable'));
      const resetBtn = h('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'user-reset', 'aria-expanded': 'false' }, t('u.reset'));
      actions.append(h('div', { class: 'btn-row' }, toggle, resetBtn));

      resetBtn.addEventListener('click', () => {
        const open = actions.querySelector('form');
        if (open) { open.remove(); resetBtn.setAttribute('aria-expanded', 'false'); return; }
        resetBtn.setAttribute('aria-expanded', 'true');
        const pw = field('password', t('u.newPassword'), h('input', { type: 'password', autocomplete: 'new-password', minlength: '8' }), { hint: t('u.passwordHint') });
        const save = h('button', { type: 'submit', class: 'btn btn-primary btn-small' }, t('u.resetSave'));
        const cancel = h('button', { type: 'button', class: 'btn btn-small', onclick: () => { f.remove(); resetBtn.setAttribute('aria-expanded', 'false'); } }, t('ws.cancel'));
        // The account's name beside the password, so password managers file the new password under it.
        const who = h('input', { type: 'text', autocomplete: 'username', value: u.userName, readonly: true, hidden: true, tabindex: '-1' });
        const f = h('form', { class: 'form reset-form', novalidate: true }, who, pw.el, h('p', { class: 'muted small' }, me ? t('u.resetSelf') : t('u.resetNote')), h('div', { class: 'form-actions' }, save, cancel));
        const state = formState(f, [pw]);
        f.addEventListener('submit', async (e) => {
          e.preventDefault();
          state.clear();
          if (pw.control.value.length < 8) { state.fieldError('password', t('srv.minChars', { n: 8 })); return; }
          const res = await submit(state, () => request('POST', routes.user(u.userName, 'password'), { json: { password: pw.control.value } }));
          if (!res) return;
          toast(t('u.resetDone', { user: u.userName }));
          f.remove();
          resetBtn.setAttribute('aria-expanded', 'false');
        });
        actions.append(f);
        pw.control.focus();
      });
      return row;
    }

    loadList();
  }

  function createForm(onCreated) {
    const userName = field('userName', t('u.userName'), textInput({ autocapitalize: 'none', spellcheck: 'false', maxlength: '64', 'data-testid': 'user-new-name' }), { hint: t('u.userNameHint') });
    const displayName = field('displayName', t('u.displayName'), textInput({ maxlength: '100' }));
    const role = field('role', t('u.role'), select(ROLES.map((r) => [r, t('role.' + r)]), 'county'));
    const county = field('county', t('u.county'), select([['', t('ws.choose')], ...counties().map((c) => [c.id, countyName(c)])], ''));
    const password = field('password', t('u.password'), h('input', { type: 'password', autocomplete: 'new-password', minlength: '8' }), { hint: t('u.passwordHint') });
    const fields = [userName, displayName, role, county, password];
    const button = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'user-create' }, t('u.create'));
    const form = h('form', { class: 'form', novalidate: true }, fields.map((f) => f.el), h('div', { class: 'form-actions' }, button));
    const state = formState(form, fields);
    const syncCounty = () => {
      const agent = role.control.value === 'county';
      county.control.disabled = !agent;
      county.el.classList.toggle('is-disabled', !agent);
      if (!agent) county.control.value = '';
    };
    role.control.addEventListener('change', syncCounty);
    syncCounty();

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      state.clear();
      const body = {
        userName: userName.control.value.trim().toLowerCase(),
        displayName: displayName.control.value.trim() || null,
        role: role.control.value,
        county: role.control.value === 'county' ? county.control.value || null : null,
        password: password.control.value,
      };
      let bad = false;
      if (!body.userName) { state.fieldError('userName', t('srv.required')); bad = true; }
      if (body.role === 'county' && !body.county) { state.fieldError('county', t('srv.countyNeeded')); bad = true; }
      if (body.password.length < 8) { state.fieldError('password', t('srv.minChars', { n: 8 })); bad = true; }
      if (bad) { form.querySelector('[aria-invalid="true"]')?.focus(); return; }
      const res = await submit(state, () => request('POST', routes.users(), { json: body }), { 409: t('u.taken') });
      if (!res) {
        const taken = [...state.general.querySelectorAll('.form-error')].some((x) => x.textContent === t('u.taken'));
        if (taken) { state.clear(); state.fieldError('userName', t('u.taken')); }
        return;
      }
      toast(t('u.createdToast', { user: body.userName }));
      for (const f of [userName, displayName, password]) f.control.value = '';
      await onCreated();
    });
    return card('h-user-new', t('u.new'), form);
  }

  return {
    destroy() {
      destroyed = true;
      for (const fn of cleanups) { try { fn(); } catch (e) { console.error(e); } }
    },
  };
}
