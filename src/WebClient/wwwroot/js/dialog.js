// An in-page modal (the native <dialog> element: focus kept inside, Esc closes) — never the browser's
// alert/confirm/prompt. One at a time; closing it returns focus to what opened it.
import { h } from './dom.js';
import { t } from './i18n.js';

let open = null;

/**
 * Open a dialog. title: text; body: nodes. Returns {el, body, close(), replace(nodes)}.
 * onClose runs once however it closes (button, Esc, a new dialog replacing it).
 */
export function openDialog({ title, subtitle, body = [], testid = 'dialog', wide = false, onClose } = {}) {
  if (open) open.close();
  const opener = document.activeElement;
  const titleId = 'dlg-title-' + Math.random().toString(36).slice(2, 8);
  const content = h('div', { class: 'dialog-body' }, body);
  const closeBtn = h('button', { type: 'button', class: 'btn dialog-x', 'aria-label': t('g.d.cancel'), 'data-testid': 'dialog-close' }, '×');
  const el = h('dialog', { class: 'dialog' + (wide ? ' dialog-wide' : ''), 'aria-labelledby': titleId, 'data-testid': testid },
    h('header', { class: 'dialog-head' },
      h('div', null, h('h2', { id: titleId }, title), subtitle ? h('p', { class: 'muted small dialog-sub' }, subtitle) : null),
      closeBtn),
    content);
  let closed = false;
  const api = {
    el,
    body: content,
    close() {
      if (closed) return;
      closed = true;
      if (el.open) el.close();
      el.remove();
      if (open === api) open = null;
      try { onClose?.(); } catch (e) { console.error(e); }
      if (opener && document.contains(opener)) opener.focus?.();
    },
    replace(nodes) { content.replaceChildren(...[].concat(nodes)); },
  };
  closeBtn.addEventListener('click', () => api.close());
  el.addEventListener('close', () => api.close());
  document.body.append(el);
  el.showModal();
  open = api;
  return api;
}

/** The dialog open now, if any (views close it when they unmount). */
export function closeDialog() { open?.close(); }
