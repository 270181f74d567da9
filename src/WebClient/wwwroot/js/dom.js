// Tiny DOM helpers: element builder, text setters that flash on change.

/**
 * h('div', {class: 'x', dataset: {testid: 'a'}, onclick: fn}, child, 'text', [children])
 * Attribute values of null/undefined/false are skipped.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'dataset') Object.assign(el.dataset, v);
      else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'text') el.textContent = v;
      else if (k === 'html') el.innerHTML = v;
      else if (v === true) el.setAttribute(k, '');
      else el.setAttribute(k, String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

/** Briefly highlight an element (a number that just changed). */
export function flash(el) {
  if (!el) return;
  el.classList.remove('flash');
  // Force a reflow so the animation restarts.
  void el.offsetWidth;
  el.classList.add('flash');
}

/** Set text; flash when it changes from a previous non-empty value. */
export function setText(el, text) {
  if (!el) return;
  const next = String(text);
  if (el.textContent === next) return;
  const had = el.textContent !== '' && el.dataset.filled === '1';
  el.textContent = next;
  el.dataset.filled = '1';
  if (had) flash(el);
}

/** Set an attribute only when it changes. */
export function setAttr(el, name, value) {
  if (!el) return;
  const v = String(value);
  if (el.getAttribute(name) !== v) el.setAttribute(name, v);
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** Query by data-ref inside a root: refs(root).coverage → element. */
export function refs(root) {
  const map = {};
  for (const el of root.querySelectorAll('[data-ref]')) map[el.dataset.ref] = el;
  return map;
}
