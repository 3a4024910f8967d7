// DOM building shared by render.js and the views in views/. Text only ever goes in as text nodes:
// nothing here (or in any module that uses it) parses HTML.

/**
 * Creates an element. `attrs`: `class`, `hidden`, or any attribute (set with setAttribute; event
 * handler attributes are refused). `children`: nodes or strings (strings become text nodes);
 * null, undefined and false are skipped; arrays are flattened.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (/^on/i.test(name)) throw new Error(`h(): refusing event handler attribute ${name}`);
    if (name === 'class') el.className = value;
    else if (name === 'hidden') el.hidden = Boolean(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children (null, undefined and false skipped, unlike replaceChildren). */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export const plural = (n, one, many = one + 's') => `${n} ${n === 1 ? one : many}`;

/** Text only a screen reader reads (the visible form is an icon or a colour). */
export const srOnly = (text) => h('span', { class: 'visually-hidden' }, text);

/** An icon for sighted users; its meaning is given in text beside it. */
export const icon = (glyph) => h('span', { class: 'icon', 'aria-hidden': 'true' }, glyph);
