const cell = (value: unknown) => {
  // Averages are for reading in a spreadsheet: two decimals (the JSON export keeps full precision).
  const shown = typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 100) / 100 : value;
  let text = shown === null || shown === undefined ? '' : String(shown);
  // A typed name like `=HYPERLINK(…)` would run as a formula in Excel or Sheets: text (never a number, so
  // negative margins stay numbers) that starts like a formula is prefixed with an apostrophe (OWASP's advice).
  if (typeof shown === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 CSV in UTF-8 with a BOM, so Excel shows Kazakh letters. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
