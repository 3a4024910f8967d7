// CSV export of the fact matrix: RFC 4180 (CRLF line ends; a field with a comma, a double quote,
// CR or LF is quoted, quotes doubled), with a guard against formula injection: a cell a
// spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading apostrophe,
// as OWASP's "CSV Injection" page recommends. Hand-written: a few lines, and no CSV library is
// loaded by the page (no bundler, nothing from another origin).
import { cellText, matrixModel, toldBy } from './views/model.js';

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
 * The fact matrix as CSV, row for row as the page shows it (in report order): fact id, summary,
 * sources telling it, status, then one column per source: reported / worded differently /
 * conflicting / not reported, with the value the source gives when it gives one of a conflict's
 * ("conflicting: President (Ukraine)"). Conflicts that belong to no fact (a person's title, a
 * quote's wording) come after the facts, with an empty fact id and a summary such as "Title of
 * Donald Trump".
 */
export function matrixCsv(report) {
  const { sources, rows } = matrixModel(report);
  const STATUS = { corroborated: 'corroborated', single: 'single-source', conflicting: 'conflicting' };
  return toCsv([
    ['fact', 'summary', 'sources', 'status', ...sources],
    ...rows.map((r) => [r.fact ? r.fact.id : '', r.summary, toldBy(r), STATUS[r.status], ...r.cells.map(cellText)]),
  ]);
}
