//# allFunctionsCalledOnLoad
// (V8's compile hint: see render.js.)
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

// ---------------------------------------------------------------- drawing in steps
//
// A report of many articles is a big page: drawn in one go it kept the main thread busy for
// seconds (issue 6: no task over 50 ms). So the report is drawn in steps: render.js draws the
// first screen at once and the rest in slices of a few milliseconds; a long list (`items`) draws
// its first FIRST_ITEMS items in those slices and the others only when asked ("Show more", or a
// link to one of them: `reveal`). Called outside a drawing, everything is drawn at once.

/** Items a long list draws at first; "Show more" draws as many again. */
export const FIRST_ITEMS = 200;

/** A queue of steps: fn(deadline) returns true while it has more to do. */
export class Steps {
  constructor() {
    this.queue = [];
    this.added = null;
  }

  /** Queues a step; one added by a running step runs right after it (before later ones). */
  add(fn) {
    (this.added || this.queue).push(fn);
  }

  /** Runs steps until none is left (true) or `deadline` (performance.now()) has passed (false). */
  run(deadline = Infinity) {
    while (this.queue.length) {
      if (performance.now() >= deadline) return false;
      const fn = this.queue[0];
      const outer = this.added;
      this.added = [];
      let again = false;
      try {
        again = fn(deadline) === true;
      } finally {
        const added = this.added;
        this.added = outer;
        if (!again) this.queue.shift();
        this.queue.unshift(...added);
      }
    }
    return true;
  }
}

/** The drawing in progress: {steps, lists, stepping}; `stepping` while a step may queue lists. */
let drawing = null;

/** Starts a drawing (forgetting the last one's lists); returns it. */
export function startDrawing() {
  drawing = { steps: new Steps(), lists: [], stepping: false };
  installReveal();
  return drawing;
}

/** Runs `build` as a step of the drawing: the lists it makes are filled in later steps. */
export function asStep(build) {
  const d = drawing;
  return (deadline) => {
    const before = d.stepping;
    d.stepping = true;
    try {
      return build(deadline);
    } finally {
      d.stepping = before;
    }
  };
}

/**
 * Waits for the next frame to be drawn (or 100 ms, in a hidden page that draws none), so that a
 * frame has the new elements of one slice to style and lay out, not those of the whole report.
 */
export const yieldToMain = () =>
  new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    requestAnimationFrame(() => setTimeout(go, 0));
    setTimeout(go, 100);
  });

/** Runs a drawing's steps in slices of `sliceMs`, a frame between them; false once cancelled. */
export async function runInSlices(d, { sliceMs = 8, cancelled = () => false } = {}) {
  do {
    await yieldToMain(); // first, so that what is drawn already (the first screen) is shown
    if (cancelled() || d !== drawing) return false;
  } while (!d.steps.run(performance.now() + sliceMs));
  return true;
}

/** Runs `fn` in a step of its own during a drawing (after the step that calls this), else now. */
export function later(fn) {
  const d = drawing;
  if (d && d.stepping) d.steps.add(asStep(() => void fn()));
  else fn();
}

/**
 * Runs `fn(deadline)` until it returns false (it does some of its work each time, until
 * `deadline`): as steps of the drawing when called from one, else now for a first slice and the
 * rest in slices a frame apart (so that a click that draws a lot does not freeze the page).
 */
export function stepwise(fn, { sliceMs = 8 } = {}) {
  const d = drawing;
  if (d && d.stepping) {
    d.steps.add(asStep(fn));
    return;
  }
  const steps = new Steps();
  steps.add(fn);
  if (steps.run(performance.now() + sliceMs)) return;
  (async () => {
    do await yieldToMain();
    while (!steps.run(performance.now() + sliceMs));
  })().catch((e) => console.error('Corroborate: drawing failed:', e));
}

/**
 * Fills `el` with build(item, i) for the items of `list`: at most `first` of them (in steps
 * during a drawing, else at once), the others when "Show more" is pressed. `holds(item, i, id)`:
 * whether the element with that id is (in) the item, for links to items not drawn yet;
 * `drawn()`: called after each batch is added. Returns [el, button or null], with `.el` and
 * `.drawAll()`.
 */
export function items(el, list, build, { first = FIRST_ITEMS, noun = 'more', holds = null, drawn: onDrawn = null } = {}) {
  const d = drawing;
  let drawn = 0;
  let want = Math.min(first, list.length);
  const more = list.length > want ? h('button', { type: 'button', class: 'link-button show-more' }) : null;
  const label = () => {
    if (!more) return;
    const rest = list.length - drawn;
    more.hidden = rest === 0;
    more.disabled = want > drawn;
    more.textContent = `Show ${Math.min(first, rest).toLocaleString('en')} more ${noun} (${rest.toLocaleString('en')} not shown)`;
  };
  const fill = (deadline = Infinity) => {
    if (drawn >= want) return false;
    const frag = document.createDocumentFragment();
    do {
      append(frag, [build(list[drawn], drawn)]);
      drawn++;
    } while (drawn < want && performance.now() < deadline);
    el.append(frag);
    label();
    onDrawn?.();
    return drawn < want;
  };
  const upTo = (n) => {
    want = Math.max(want, Math.min(n, list.length));
    fill();
  };
  if (d && d.stepping) d.steps.add(fill);
  else fill();
  label();
  if (more) {
    more.addEventListener('click', () => {
      want = Math.min(list.length, want + first);
      label();
      // Drawn in slices too: "Show more" on a list of thousands must not freeze the page.
      const steps = new Steps();
      steps.add(fill);
      (async () => {
        while (!steps.run(performance.now() + 8)) await yieldToMain();
      })().catch((e) => console.error('Corroborate: drawing more items failed:', e));
    });
    if (d) {
      d.lists.push({
        reveal(id) {
          if (!holds) return false;
          for (let k = drawn; k < list.length; k++) {
            if (holds(list[k], k, id)) {
              upTo(k + 1);
              return true;
            }
          }
          return false;
        },
      });
    }
  }
  const out = [el, more];
  out.el = el;
  out.drawAll = () => upTo(list.length);
  return out;
}

/**
 * Draws what is needed for the element with this id to exist: the steps still queued, then
 * the items of long lists not drawn yet. True when it exists.
 */
export function reveal(id) {
  if (!id || document.getElementById(id)) return true;
  if (!drawing) return false;
  drawing.steps.run();
  if (document.getElementById(id)) return true;
  for (const list of drawing.lists) if (list.reveal(id) && document.getElementById(id)) return true;
  return Boolean(document.getElementById(id));
}

/** Draws every step still queued (for printing). */
export function finishDrawing() {
  drawing?.steps.run();
}

let revealing = false;
/** Links to parts of the report not drawn yet draw them first (before the browser follows them). */
function installReveal() {
  if (revealing || typeof document === 'undefined') return;
  revealing = true;
  document.addEventListener(
    'click',
    (event) => {
      const a = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
      if (!a) return;
      let id;
      try {
        id = decodeURIComponent(a.getAttribute('href').slice(1));
      } catch {
        return;
      }
      reveal(id);
    },
    true,
  );
}
