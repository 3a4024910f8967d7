// Build settings of the page. This file is the served build's (www/ over http); the single-file
// build (scripts/build-dist.mjs) replaces this module with one that embeds the worker and the wasm.
export const BUILD = {
  /** 'web': served over http(s); 'file': the self-contained dist/corroborate.html. */
  target: 'web',
  /** Register sw.js (only ever done over http/https). */
  serviceWorker: true,
  /** Options for createEngine(); empty = worker.js as a module worker, wasm fetched from pkg/. */
  engineOptions: () => ({}),
};
