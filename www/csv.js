// CSV export of the fact matrix: RFC 4180 (CRLF line ends; a field with a comma, a double quote,
// CR or LF is quoted, quotes doubled), with a guard against formula injection: a cell a
// spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading apostrophe,
// as OWASP's "CSV Injection" page recommends. Hand-written: a few lines, and no CSV library is
// loaded by the page (no bundler, nothing from another origin).
import { CELL, matrixModel, toldBy } from './views/model.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, guarded and quoted as needed. */
export function csvCell(value) {
  let s = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows (arrays of values) → CSV text, every line ended by CRLF. */
export function toCsv(rows) {
  return rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}

/**
 * The fact matrix as CSV: fact id, summary, sources telling it, status, then one column per
 * source (reported / worded differently / conflicting / not reported), in report order.
 */
export function matrixCsv(report) {
  const { sources, rows } = matrixModel(report);
  const STATUS = { corroborated: 'corroborated', single: 'single-source', conflicting: 'conflicting' };
  return toCsv([
    ['fact', 'summary', 'sources', 'status', ...sources],
    ...rows.map((r) => [r.fact.id, r.fact.summary, toldBy(r), STATUS[r.status], ...r.cells.map((c) => CELL[c.state].label)]),
  ]);
}
