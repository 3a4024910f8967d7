// The engine's request handler, shared by the worker (worker.js) and the in-thread fallback
// (engine.js). Owns one instance of the wasm core.
//
// Requests are plain objects: {type: 'init', wasm?} | {type: 'compare', articles} |
// {type: 'markdown', articles} | {type: 'version'} | {type: 'clean', html}. `articles` is
// [{id, title?, text}]; 'clean' answers {cleaned: {text, title, warnings}} (src/html via cleanHtml).
import init, { cleanHtml, compare, compareInParts, compareMarkdown, version } from './pkg/corroborate.js';
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
        // In the worker, then comparisons of the example articles, once the page has its
        // answer (the version): see warmUpMore. Not on the page's own thread: ~100 ms of work
        // there for each.
        if (IN_WORKER) {
          warmUpsLeft = WARM_UP_RUNS;
          setTimeout(warmUpMore, 0);
        }
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

/**
 * Comparisons of the example articles the worker runs after loading, one a task (a request waits
 * for one at most; the next is queued after it), until the first comparison asked for. Most of
 * the engine's code runs in them, and V8 compiles a wasm function with its optimising tier (on
 * background threads) only once it has run enough. After one such comparison (as before), that
 * compiling still fell into the user's first Compare: ~65 ms of CPU on other threads while the
 * worker compared and the page drew the results, on a machine of 2 cores. After 12, none is left
 * by then (bench/README.md 3c): ~0.3-0.5 s of CPU in all at load, in the background.
 */
const WARM_UP_RUNS = 12;
let warmUpsLeft = 0;

function warmUpMore() {
  if (warmUpsLeft <= 0) return;
  warmUpsLeft--;
  try {
    compare(JSON.stringify(EXAMPLE_ARTICLES.map((a, i) => ({ id: `warm-up ${i + 1}`, text: a.text }))));
  } catch {
    warmUpsLeft = 0; // as in warmUp
  }
  if (warmUpsLeft > 0) setTimeout(warmUpMore, 0);
}

/**
 * JSON of a report's long arrays in one part (compareInParts): one message from the worker to
 * the page, parsed there in a task of its own (worker.js). Under V8's large-object size (128 KB)
 * a part's string is made in the young generation and freed there by the next scavenge; parts of
 * 1,000 items (up to ~0.5 MB) piled up on the page as garbage until a full collection: while the
 * parts of 1,000 articles came, its heap reached 116-129 MB with those, 58-105 MB with these.
 */
export const PART_BYTES = 64 * 1024;

/** Puts the parts of a report ([[path, items]], in order) back into its arrays; returns it. */
export function joinParts(report, parts) {
  for (const [path, items] of parts) {
    const [key, sub] = path.split('.');
    const list = sub === undefined ? report[key] : report[key][sub];
    for (const item of items) list.push(item);
  }
  return report;
}

/**
 * Handles one request; resolves to the fields of the answer (without id/ok). `onPart(path, json)`
 * (the worker's): a comparison gives each part of its report's long arrays to it, as the engine's
 * JSON (compareInParts), and answers {reportJson}, the JSON of the rest; the page parses them.
 * Without it (the in-page engine), it answers {report}, the object.
 */
export async function handleRequest(msg, { onPart = null } = {}) {
  switch (msg && msg.type) {
    case 'init':
      return { version: await initCore(msg.wasm) };
    case 'version':
      return { version: await initCore() };
    case 'compare': {
      await initCore();
      // The warm-up has done its part: the user's own comparisons keep the engine warm, and its
      // CPU would now take from the page drawing these results.
      warmUpsLeft = 0;
      const parts = [];
      const rest = compareInParts(JSON.stringify(msg.articles), PART_BYTES, onPart ?? ((path, json) => parts.push([path, JSON.parse(json)])));
      return onPart ? { reportJson: rest } : { report: joinParts(JSON.parse(rest), parts) };
    }
    case 'markdown': {
      await initCore();
      warmUpsLeft = 0; // as for 'compare'
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
