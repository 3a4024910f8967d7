// Module Web Worker that owns the wasm core, so a long comparison never blocks the page.
//
// Protocol (see engine.js): the page posts {id, type, ...}; the worker answers
// {id, ok: true, ...result} or {id, ok: false, error, fatal}. Types: 'init' (optional `wasm`
// source; answers {version}), 'compare' (answers {reportJson}, below), 'markdown'
// (answers {markdown}), 'clean' (an HTML page or fragment in `html`; answers {cleaned: {text,
// title, warnings}}), 'version'. After a fatal error (a panic in the core) the worker closes itself; the page
// starts a fresh one.
//
// A report comes as the engine's JSON, parsed on the page (engine.js): first its long arrays in
// parts, {id, part: 'facts' (or 'text_reuse.passages'), json} for each ~64 KB of their items, as
// the engine makes them (core.js PART_BYTES, wasm compareInParts), then the answer
// {id, ok: true, reportJson} with the rest of the report, those arrays empty (engine.js puts the
// items back with joinParts). Neither the worker nor the page holds the whole JSON at once, and
// the worker does not parse it: for 1,000 articles it was 32 MB, held in the engine's memory, as
// a string here and parsed here too (~50 MB of objects) to be sent in parts. The page takes
// each message in a task of its own: the report of 1,000 articles in one message kept its main
// thread busy for ~0.35 s. A small report (5 articles: 117 KB) has no part: its JSON is the
// answer, and JSON.parse on the page costs about what deserialising an object would.
import { handleRequest, isFatal, messageOf } from './core.js';

self.addEventListener('message', async (event) => {
  const msg = event.data || {};
  try {
    const onPart = (part, json) => self.postMessage({ id: msg.id, part, json });
    self.postMessage({ id: msg.id, ok: true, ...(await handleRequest(msg, { onPart })) });
  } catch (e) {
    const fatal = isFatal(e);
    self.postMessage({ id: msg.id, ok: false, error: messageOf(e), fatal });
    if (fatal) self.close();
  }
});
