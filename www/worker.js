// Module Web Worker that owns the wasm core, so a long comparison never blocks the page.
//
// Protocol (see engine.js): the page posts {id, type, ...}; the worker answers
// {id, ok: true, ...result} or {id, ok: false, error, fatal}. Types: 'init' (optional `wasm`
// source; answers {version}), 'compare' (answers {report}), 'markdown' (answers {markdown}),
// 'clean' (an HTML page or fragment in `html`; answers {cleaned: {text, title, warnings}}),
// 'version'. After a fatal error (a panic in the core) the worker closes itself; the page
// starts a fresh one.
import { handleRequest, isFatal, messageOf } from './core.js';

self.addEventListener('message', async (event) => {
  const msg = event.data || {};
  try {
    const result = await handleRequest(msg);
    self.postMessage({ id: msg.id, ok: true, ...result });
  } catch (e) {
    const fatal = isFatal(e);
    self.postMessage({ id: msg.id, ok: false, error: messageOf(e), fatal });
    if (fatal) self.close();
  }
});
