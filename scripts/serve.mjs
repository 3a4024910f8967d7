#!/usr/bin/env node
// A tiny dependency-free static server for the page in www/, bound to 127.0.0.1.
//
//   node scripts/serve.mjs [--port N] [--root DIR]
//
// --port 0 picks a free port. Prints "Serving http://127.0.0.1:PORT/" once listening.
// Also importable: `const { url, close } = await startServer({ port: 0 })` (used by tests/e2e).
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
export const DEFAULT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'www');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

function send(res, status, message) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(message),
    'Cache-Control': 'no-store',
  });
  res.end(message);
}

/** Maps a request path to a file under root, or null when it would leave root. */
function resolvePath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  if (decoded.endsWith('/')) decoded += 'index.html';
  const file = resolve(root, '.' + decoded);
  return file === root || file.startsWith(root + sep) ? file : null;
}

function handler(root) {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'Method not allowed\n');
    }
    const urlPath = new URL(req.url, 'http://localhost').pathname;
    const file = resolvePath(root, urlPath);
    if (!file) return send(res, 400, 'Bad path\n');
    let info;
    try {
      info = await stat(file);
      if (info.isDirectory()) {
        res.writeHead(301, { Location: urlPath + '/' });
        return res.end();
      }
    } catch {
      return send(res, 404, 'Not found\n');
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file).toLowerCase()] || 'application/octet-stream',
      'Content-Length': info.size,
      // Always revalidate: a rebuilt page or wasm is picked up on the next load.
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}

/**
 * Starts the server. Resolves to { server, port, url, close() } once it listens.
 * @param {{port?: number, root?: string, host?: string}} [options]
 */
export function startServer({ port = 8000, root = DEFAULT_ROOT, host = HOST } = {}) {
  const absRoot = resolve(root);
  const server = createServer(handler(absRoot));
  return new Promise((resolveStart, rejectStart) => {
    server.once('error', rejectStart);
    server.listen(port, host, () => {
      server.off('error', rejectStart);
      const actual = server.address().port;
      resolveStart({
        server,
        port: actual,
        url: `http://${host}:${actual}/`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections?.();
          }),
      });
    });
  });
}

function parseArgs(argv) {
  const opts = { port: 8000, root: DEFAULT_ROOT };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.split('=', 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (name === '--port') {
      const raw = value();
      const n = Number(raw);
      if (raw === undefined || raw === '' || !Number.isInteger(n) || n < 0 || n > 65535) {
        throw new Error(`--port wants a number from 0 to 65535, got ${JSON.stringify(raw ?? '')}`);
      }
      opts.port = n;
    } else if (name === '--root') {
      opts.root = resolve(value());
    } else if (name === '--help' || name === '-h') {
      console.log('usage: node scripts/serve.mjs [--port N (default 8000, 0 = any free port)] [--root DIR (default www/)]');
      process.exit(0);
    } else {
      throw new Error(`unknown argument ${arg}`);
    }
  }
  return opts;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`serve: ${e.message}`);
    process.exit(2);
  }
  startServer(opts).then(
    ({ url, close }) => {
      console.log(`Serving ${url}`);
      const stop = () => close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (e) => {
      console.error(`serve: cannot listen on ${HOST}:${opts.port}: ${e.message}`);
      process.exit(1);
    },
  );
}
