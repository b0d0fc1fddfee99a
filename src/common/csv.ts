const cell = (value: unknown) => {
  // Averages are for reading in a spreadsheet: two decimals (the JSON export keeps full precision).
  const shown = typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 100) / 100 : value;
  const text = shown === null || shown === undefined ? '' : String(shown);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 CSV in UTF-8 with a BOM, so Excel shows Kazakh letters. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
