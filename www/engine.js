// The page's one interface to the comparison engine:
//
//   const engine = createEngine(options);
//   const report = await engine.compare([{id, title?, text}, ...]);   // the report object
//   const markdown = await engine.markdown(articles);
//   const version = await engine.version();
//   const {text, title, warnings} = await engine.clean(html);     // HTML -> article text
//   engine.cancel();     // rejects what is pending (with an EngineCancelled error)
//   engine.terminate();  // for good
//   engine.kind          // 'worker' or 'inline'
//
// Two implementations behind it: a Web Worker (the default; worker.js) and an in-thread one
// (core.js directly) used when a Worker cannot be created or does not start. Every failure
// rejects with an Error whose message is meant for the user.
//
// options: {
//   workerUrl:  URL of the worker script (default: worker.js next to this file),
//   workerType: 'module' (default) or 'classic',
//   wasm:       what to instantiate (bytes, Module or URL); default: pkg/corroborate_bg.wasm,
//   mode:       'auto' (default), 'worker' (never fall back) or 'inline',
// }
import { handleRequest, initCore, isFatal, joinParts, messageOf } from './core.js';

/** The request was cancelled by the caller. */
export class EngineCancelled extends Error {
  constructor() {
    super('the comparison was cancelled');
    this.name = 'EngineCancelled';
  }
}

/** The worker could not be created or did not start; the in-thread engine is used instead. */
class WorkerUnavailable extends Error {
  constructor(message) {
    super(message);
    this.name = 'WorkerUnavailable';
  }
}

const FATAL_HINT =
  'the comparison engine failed on these articles (internal error: %s). ' +
  'This is a bug in Corroborate; the engine was restarted, so you can try again or change the articles.';

export function createEngine(options = {}) {
  const mode = options.mode || 'auto';
  let impl;
  if (mode === 'inline' || (mode === 'auto' && typeof Worker !== 'function')) {
    impl = createInlineEngine(options);
  } else {
    try {
      impl = createWorkerEngine(options);
    } catch (e) {
      if (mode === 'worker') throw e;
      console.warn('Corroborate: no worker, comparing in the page:', e);
      impl = createInlineEngine(options);
    }
  }

  // Runs a method, switching to the in-thread engine once if the worker turns out unusable.
  async function call(method, ...args) {
    const used = impl;
    try {
      return await used[method](...args);
    } catch (e) {
      if (!(e instanceof WorkerUnavailable) || mode === 'worker') throw e;
      if (impl === used) {
        console.warn('Corroborate: the worker did not start, comparing in the page:', e.message);
        used.terminate();
        impl = createInlineEngine(options);
      }
      return impl[method](...args);
    }
  }

  return {
    get kind() {
      return impl.kind;
    },
    compare: (articles) => call('compare', articles),
    markdown: (articles) => call('markdown', articles),
    clean: (html) => call('clean', html),
    version: () => call('version'),
    cancel: () => impl.cancel(),
    terminate: () => impl.terminate(),
  };
}

/** The engine in a Web Worker. */
export function createWorkerEngine({ workerUrl, workerType = 'module', wasm } = {}) {
  const url = workerUrl || new URL('./worker.js', import.meta.url);
  const pending = new Map(); // id -> {resolve, reject}
  let nextId = 1;
  let worker = null;
  let started = null; // Promise of the init answer
  let startedOk = false;
  let terminated = false;

  function post(msg) {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      try {
        worker.postMessage({ ...msg, id });
      } catch (e) {
        pending.delete(id);
        reject(new Error(`could not send the articles to the engine: ${messageOf(e)}`));
      }
    });
  }

  function rejectAll(error) {
    const waiting = [...pending.values()];
    pending.clear();
    for (const { reject } of waiting) reject(error);
  }

  function stop() {
    if (worker) worker.terminate();
    worker = null;
    started = null;
    startedOk = false;
  }

  function spawn() {
    stop();
    const w = new Worker(url, { type: workerType, name: 'corroborate-engine' });
    worker = w;
    w.addEventListener('message', (event) => {
      const { id, ok, fatal, error, part, json, reportJson, ...result } = event.data || {};
      const waiter = pending.get(id);
      if (!waiter) return; // answer to a cancelled request
      const unreadable = (e) => {
        pending.delete(id);
        waiter.reject(new Error(`the engine's report could not be read: ${messageOf(e)}`));
      };
      if (part) {
        // A part of a big report (worker.js), parsed now (a task of its own) and kept until the
        // answer comes.
        try {
          (waiter.parts ??= []).push([part, JSON.parse(json)]);
        } catch (e) {
          unreadable(e);
        }
        return;
      }
      pending.delete(id);
      if (ok) {
        if (typeof reportJson === 'string') {
          try {
            result.report = joinParts(JSON.parse(reportJson), waiter.parts ?? []);
          } catch (e) {
            unreadable(e);
            return;
          }
        }
        waiter.resolve(result);
      } else if (fatal) {
        waiter.reject(new Error(FATAL_HINT.replace('%s', error)));
        // The worker closes itself after a fatal error: fail whatever else it had, start afresh.
        if (worker === w) {
          rejectAll(new Error('the comparison engine was restarted after an internal error; please try again'));
          restart();
        }
      } else {
        waiter.reject(new Error(error));
      }
    });
    const onDeath = (event) => {
      if (worker !== w) return;
      event.preventDefault?.();
      const why = event.message ? `: ${event.message}` : '';
      if (!startedOk) {
        stop();
        rejectAll(new WorkerUnavailable(`the engine worker did not start${why}`));
      } else {
        rejectAll(
          new Error(
            `the comparison engine stopped unexpectedly${why}. It has been restarted; please try again.`,
          ),
        );
        restart();
      }
    };
    w.addEventListener('error', onDeath);
    w.addEventListener('messageerror', onDeath);
    started = post({ type: 'init', wasm }).then(
      (answer) => {
        if (worker === w) startedOk = true;
        return answer;
      },
      (e) => {
        if (worker === w) stop(); // the next request tries again with a fresh worker
        throw e;
      },
    );
    // Failures surface through the requests that wait on `started`.
    started.catch(() => {});
  }

  function restart() {
    if (terminated) return;
    try {
      spawn();
    } catch (e) {
      console.warn('Corroborate: could not restart the engine worker:', e);
      stop(); // the next request tries again
    }
  }

  async function ready() {
    if (terminated) throw new Error('the comparison engine was shut down; reload the page');
    if (!worker) {
      try {
        spawn();
      } catch (e) {
        throw new WorkerUnavailable(`the engine worker could not be created: ${messageOf(e)}`);
      }
    }
    return started;
  }

  async function request(msg) {
    await ready();
    return post(msg);
  }

  spawn();

  return {
    kind: 'worker',
    compare: async (articles) => (await request({ type: 'compare', articles })).report,
    markdown: async (articles) => (await request({ type: 'markdown', articles })).markdown,
    clean: async (html) => (await request({ type: 'clean', html })).cleaned,
    version: async () => (await ready()).version,
    cancel() {
      if (terminated || pending.size === 0) return;
      rejectAll(new EngineCancelled());
      restart(); // terminating is the only way to stop a running comparison
    },
    terminate() {
      terminated = true;
      stop();
      rejectAll(new Error('the comparison engine was shut down'));
    },
  };
}

/** The engine on the page's own thread: no parallelism, but works wherever wasm does. */
export function createInlineEngine({ wasm } = {}) {
  let generation = 0; // bumped by cancel(): answers of older requests are dropped
  let broken = null; // set after a fatal error: the instance cannot be trusted any more

  async function request(msg) {
    const mine = generation;
    if (broken) throw broken;
    await initCore(wasm);
    // Let the page paint its "Comparing…" state before the (blocking) work.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (mine !== generation) throw new EngineCancelled();
    let result;
    try {
      result = await handleRequest(msg);
    } catch (e) {
      if (isFatal(e)) {
        broken = new Error(
          `the comparison engine failed (internal error: ${messageOf(e)}). ` +
            'This is a bug in Corroborate; reload the page to start it again.',
        );
        throw broken;
      }
      throw e;
    }
    if (mine !== generation) throw new EngineCancelled();
    return result;
  }

  return {
    kind: 'inline',
    compare: async (articles) => (await request({ type: 'compare', articles })).report,
    markdown: async (articles) => (await request({ type: 'markdown', articles })).markdown,
    clean: async (html) => (await request({ type: 'clean', html })).cleaned,
    version: () => initCore(wasm),
    cancel() {
      generation++;
    },
    terminate() {
      generation++;
      broken = new Error('the comparison engine was shut down');
    },
  };
}
