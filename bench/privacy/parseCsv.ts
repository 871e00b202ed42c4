/**
 * A small RFC 4180 CSV parser: quoted fields may hold commas, CR/LF and doubled quotes; CRLF
 * or LF ends a record; a trailing line break does not make an empty record. Good for the
 * PUPA file (1.2 MB) without a dependency.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === "") {
      const end = readQuoted(text, i + 1);
      field = text.slice(i + 1, end).replace(/""/g, '"');
      i = end + 1;
      if (i < text.length && !",\r\n".includes(text[i] ?? "")) {
        throw new Error(`CSV: unexpected character after a closing quote at offset ${i}.`);
      }
      continue;
    }
    if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      if (c === "\r" && text[i + 1] === "\n") i++;
    } else {
      field += c;
    }
    i++;
  }
  if (field !== "" || record.length > 0) records.push([...record, field]);
  return records;
}

/** Index of the closing quote of a quoted field whose content starts at `from`. */
function readQuoted(text: string, from: number): number {
  let i = from;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q === -1) throw new Error(`CSV: unterminated quoted field starting at offset ${from - 1}.`);
    if (text[q + 1] === '"') {
      i = q + 2;
      continue;
    }
    return q;
  }
}

/** Records as objects keyed by the header row; throws when a record has the wrong width. */
export function csvRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((row, index) => {
    if (row.length !== header.length) {
      throw new Error(`CSV: record ${index} has ${row.length} fields, the header has ${header.length}.`);
    }
    return Object.fromEntries(header.map((name, k) => [name, row[k] ?? ""]));
  });
}
