// Module Web Worker that owns the wasm core, so a long comparison never blocks the page.
//
// Protocol (see engine.js): the page posts {id, type, ...}; the worker answers
// {id, ok: true, ...result} or {id, ok: false, error, fatal}. Types: 'init' (optional `wasm`
// source; answers {version}), 'compare' (answers {report} or {reportJson}, below), 'markdown'
// (answers {markdown}), 'clean' (an HTML page or fragment in `html`; answers {cleaned: {text,
// title, warnings}}), 'version'. After a fatal error (a panic in the core) the worker closes itself; the page
// starts a fresh one.
//
// A report of up to 1 MB of JSON comes as that text, {id, ok: true, reportJson} (core.js
// REPORT_STRING_MAX says why; engine.js parses it). A bigger one comes as an object, and in parts
// when it has long arrays: {id, part: 'facts' (or 'text_reuse.passages'), items: [...]} for
// each slice of 1,000 items of its long arrays, then the answer with those arrays empty
// (core.js splitReport; engine.js puts the items back with joinParts). The page takes each
// message in a task of its own: the report of 1,000 articles in one message (~60 MB of JSON)
// kept its main thread busy for ~0.35 s.
import { handleRequest, isFatal, messageOf, splitReport } from './core.js';

self.addEventListener('message', async (event) => {
  const msg = event.data || {};
  try {
    const result = await handleRequest(msg, { json: true });
    if (result.report && typeof result.report === 'object') {
      const { parts, rest } = splitReport(result.report);
      for (const [part, items] of parts) self.postMessage({ id: msg.id, part, items });
      result.report = rest;
    }
    self.postMessage({ id: msg.id, ok: true, ...result });
  } catch (e) {
    const fatal = isFatal(e);
    self.postMessage({ id: msg.id, ok: false, error: messageOf(e), fatal });
    if (fatal) self.close();
  }
});

