// A workspace card: a section with a heading and a slot for extras on the heading's right.
import { h } from '../../dom.js';

export function card(id, title, ...body) {
  return h('section', { class: 'card', 'aria-labelledby': id },
    h('header', { class: 'card-head' }, h('h2', { id }, title), h('span', { class: 'card-head-extra' })), ...body);
}
