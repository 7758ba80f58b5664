import Papa from 'papaparse';

/**
 * A cell a spreadsheet may run as a formula (OWASP "CSV injection", ASVS 1.2.10): one that starts
 * with `=`, `+`, `-` or `@`, or with tab or CR, also when leading white space or line breaks come
 * first (some spreadsheets trim them on import) and also when the formula goes on over several
 * lines. Papa Parse's own `escapeFormulae: true` pattern (`/^[=+\-@\t\r].*$/`) misses the
 * multi-line case, since `.` stops at a line break: so every export passes this one instead.
 *
 * Leading apostrophes are allowed in front, so that text which already starts with an apostrophe
 * and a formula (`'=x`) gets a guard of its own, and the importer's unguarding (which removes one
 * apostrophe) gives back exactly that text.
 *
 * Numbers the exports write as JavaScript numbers (scores, rates, day counts) are never guarded
 * (Papa Parse leaves number values alone): they come from our own arithmetic, not from anyone's
 * text, and a negative one stays a number in the spreadsheet. A negative amount written as text
 * (`-12.50`) is guarded like any other text starting with `-`.
 *
 * No `g` or `y` flag: Papa Parse calls `test` once per cell, and a global pattern would carry
 * `lastIndex` from one cell to the next.
 */
export const SPREADSHEET_FORMULA = /^'*(?:[\t\r]|\s*[=+\-@])/;

/** True when a spreadsheet opening this text as a cell could evaluate it. */
export function isSpreadsheetFormula(text: string): boolean {
  return SPREADSHEET_FORMULA.test(text);
}

/**
 * CSV for a file a person may open in a spreadsheet: every formula-like text cell is prefixed with
 * an apostrophe. Every export goes through here.
 */
export function toSpreadsheetCsv(fields: string[], data: (string | number | null)[][], newline: '\n' | '\r\n'): string {
  return Papa.unparse({ fields, data }, { escapeFormulae: SPREADSHEET_FORMULA, newline });
}
