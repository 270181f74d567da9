// Sign-in (#/login?next=…): a cookie session for people; errors shown in the form.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { ApiError } from '../api.js';
import { session, ready, login, logout, onSession } from '../session.js';
import { field, formState, textInput } from '../forms.js';

/** Where to go after signing in: the page asked for, else the workspace (or the boards for viewers). */
function destination(next, s) {
  // An old link may wrap a sign-in page in another: unwrap to the page really asked for.
  while (next && next.startsWith('#/login')) next = new URLSearchParams(next.split('?')[1] || '').get('next');
  if (next && next.startsWith('#/')) return next;
  return s.role === 'city' || s.role === 'county' ? '#/workspace' : '#/';
}

export function mountLogin(main, ctx, route) {
  let destroyed = false;
  const next = route.query.get('next');
  ctx.setTitle(t('login.title'));
  ctx.setCrumbs([{ label: t('login.title') }]);

  const wrap = h('div', { class: 'login-wrap' });
  main.append(wrap);

  function signedIn(s) {
    wrap.replaceChildren(h('section', { class: 'card login-card', 'aria-labelledby': 'h-login' },
      h('header', { class: 'card-head' }, h('h1', { id: 'h-login' }, t('login.title'))),
      h('p', null, t('login.already', { name: s.displayName || s.userName, user: s.userName })),
      h('p', { class: 'actions' },
        h('a', { class: 'btn btn-primary', href: destination(next, s) }, t('login.continue')),
        h('button', { type: 'button', class: 'btn', onclick: async () => { await logout().catch(() => {}); } }, t('login.signOut')))));
  }

  function form() {
    const user = field('userName', t('login.user'),
      textInput({ autocomplete: 'username', 'data-testid': 'login-user', autocapitalize: 'none', spellcheck: 'false', required: true }));
    const pass = field('password', t('login.password'),
      h('input', { type: 'password', autocomplete: 'current-password', 'data-testid': 'login-password', required: true }));
    const button = h('button', { type: 'submit', class: 'btn btn-primary btn-wide', 'data-testid': 'login-submit' }, t('login.submit'));
    const f = h('form', { class: 'form login-form', novalidate: true }, user.el, pass.el, h('div', { class: 'form-actions' }, button));
    const state = formState(f, [user, pass]);
    f.addEventListener('submit', async (e) => {
      e.preventDefault();
      state.clear();
      const name = user.control.value.trim();
      const password = pass.control.value;
      let bad = false;
      if (!name) { state.fieldError('userName', t('srv.required')); bad = true; }
      if (!password) { state.fieldError('password', t('srv.required')); bad = true; }
      if (bad) { f.querySelector('[aria-invalid="true"]')?.focus(); return; }
      state.busy(true);
      try {
        const s = await login(name, password);
        if (destroyed) return;
        window.location.hash = destination(next, s);
      } catch (err) {
        if (destroyed) return;
        state.clear();
        if (err instanceof ApiError && err.status === 401) state.generalError(t('login.wrong'));
        else if (err instanceof ApiError && err.status === 403) state.generalError(t('login.disabled'));
        else if (err instanceof ApiError && err.status === 429) state.generalError(/locked/i.test(err.title || '') ? t('login.locked') : t('err.429'));
        else if (err instanceof ApiError && err.status === 400 && err.errors) state.show(err);
        else state.show(err);
        pass.control.value = '';
        pass.control.focus();
      } finally {
        if (!destroyed) state.busy(false);
      }
    });
    wrap.replaceChildren(h('section', { class: 'card login-card', 'aria-labelledby': 'h-login' },
      h('header', { class: 'card-head' }, h('h1', { id: 'h-login' }, t('login.title'))),
      h('p', { class: 'muted' }, t('login.intro')),
      next ? h('p', { class: 'form-note' }, t('login.needed')) : null,
      f));
    user.control.focus();
  }

  ready().then((s) => {
    if (destroyed) return;
    if (s.authenticated) signedIn(s); else form();
  });
  // Signing out from the header while on this page shows the form again.
  const off = onSession((s) => {
    if (destroyed || !s.loaded) return;
    const showing = wrap.querySelector('form') ? 'form' : 'in';
    if (!s.authenticated && showing !== 'form') form();
  });

  return { destroy() { destroyed = true; off(); } };
}
