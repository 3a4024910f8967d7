// The engine's request handler, shared by the worker (worker.js) and the in-thread fallback
// (engine.js). Owns one instance of the wasm core.
//
// Requests are plain objects: {type: 'init', wasm?} | {type: 'compare', articles} |
// {type: 'markdown', articles} | {type: 'version'} | {type: 'clean', html}. `articles` is
// [{id, title?, text}]; 'clean' answers {cleaned: {text, title, warnings}} (src/html via cleanHtml).
import init, { cleanHtml, compare, compareMarkdown, version } from './pkg/corroborate.js';
import { EXAMPLE_ARTICLES } from './pkg/examples.js';

let ready = null;

/**
 * Instantiates the wasm once. `wasm` is what wasm-bindgen's init accepts (bytes, a
 * WebAssembly.Module, a URL or a Response); undefined fetches pkg/corroborate_bg.wasm.
 * Resolves to the engine version.
 */
export function initCore(wasm) {
  if (!ready) {
    ready = init(wasm === undefined ? undefined : { module_or_path: wasm }).then(
      () => {
        warmUp();
        // In the worker, then a comparison of the example articles, once the page has its
        // answer (the version): most of the engine's code runs in it, so V8 has optimised it
        // before the user's first Compare (in node: 5 seed articles 25 ms after it, 51 ms after
        // the small one alone). Not on the page's own thread: ~100 ms of work there.
        if (IN_WORKER) setTimeout(warmUpMore, 0);
        return version();
      },
      (e) => {
        ready = null;
        throw new Error(`the comparison engine could not be loaded: ${messageOf(e)}`);
      },
    );
  }
  return ready;
}

/**
 * One tiny comparison right after loading: the core builds its word lists on first use and the
 * browser compiles the hot wasm functions, so the user's first Compare does not pay for either.
 */
function warmUp() {
  try {
    compare(
      JSON.stringify([
        { id: 'a', text: 'The two sides agreed to exchange 1,000 prisoners in Istanbul on Friday, officials said.' },
        { id: 'b', text: 'Russia and Ukraine will swap one thousand prisoners of war, a spokesman said on Friday.' },
      ]),
    );
  } catch {
    // A failure here shows up again, with its message, on the first real request.
  }
}

const IN_WORKER = typeof WorkerGlobalScope === 'function' && globalThis instanceof WorkerGlobalScope;

function warmUpMore() {
  try {
    compare(JSON.stringify(EXAMPLE_ARTICLES.map((a, i) => ({ id: `warm-up ${i + 1}`, text: a.text }))));
  } catch {
    // as in warmUp
  }
}

/** Items of a report's long arrays sent to the page in one message (worker.js). */
export const PART_ITEMS = 1000;

/**
 * A report's long arrays (top level, or one level down: `text_reuse.passages`) in parts of
 * `size` items: {parts: [[path, items]], rest}, `rest` being the report with those arrays empty.
 * joinParts(rest, parts) gives the report back.
 */
export function splitReport(report, size = PART_ITEMS) {
  const parts = [];
  const split = (value, path) => {
    if (!Array.isArray(value) || value.length <= size) return value;
    for (let i = 0; i < value.length; i += size) parts.push([path, value.slice(i, i + size)]);
    return [];
  };
  const rest = {};
  for (const [key, value] of Object.entries(report)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      rest[key] = {};
      for (const [sub, v] of Object.entries(value)) rest[key][sub] = split(v, `${key}.${sub}`);
    } else rest[key] = split(value, key);
  }
  return { parts, rest };
}

/** Puts the parts of a report ([[path, items]], in order) back into its arrays; returns it. */
export function joinParts(report, parts) {
  for (const [path, items] of parts) {
    const [key, sub] = path.split('.');
    const list = sub === undefined ? report[key] : report[key][sub];
    for (const item of items) list.push(item);
  }
  return report;
}

/** Handles one request; resolves to the fields of the answer (without id/ok). */
export async function handleRequest(msg) {
  switch (msg && msg.type) {
    case 'init':
      return { version: await initCore(msg.wasm) };
    case 'version':
      return { version: await initCore() };
    case 'compare': {
      await initCore();
      return { report: JSON.parse(compare(JSON.stringify(msg.articles))) };
    }
    case 'markdown': {
      await initCore();
      return { markdown: compareMarkdown(JSON.stringify(msg.articles)) };
    }
    case 'clean': {
      await initCore();
      return { cleaned: JSON.parse(cleanHtml(String(msg.html ?? ''))) };
    }
    default:
      throw new Error(`unknown request type ${JSON.stringify(msg && msg.type)}`);
  }
}

/**
 * True for an error after which the wasm instance must not be used again (a Rust panic or trap
 * surfaces as a WebAssembly.RuntimeError, and may leave its memory in an inconsistent state).
 */
export function isFatal(e) {
  return typeof WebAssembly === 'object' && e instanceof WebAssembly.RuntimeError;
}

/** A human message for anything thrown. */
export function messageOf(e) {
  if (e instanceof Error) return e.message || String(e);
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}
