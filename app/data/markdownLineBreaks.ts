/**
 * Tandem shows every single newline in an answer as a line break (a letter's address block,
 * greeting and sign-off). Plain Markdown joins such lines into one paragraph, so an exported
 * transcript marks them as hard breaks — two trailing spaces, invisible when the file is read as
 * text — and reading a transcript back removes the marks again. Fenced and indented code is left
 * alone: its lines are kept anyway, and spaces there would be part of the code.
 */

/** A break mark that a line already has (two or more spaces, or a backslash). */
const HAS_BREAK = / {2,}$|\\$/;
const FENCE = /^\s{0,3}(```|~~~)/;
const INDENTED_CODE = /^( {4}|\t)/;

/** Adds a hard break to each line of prose that another non-blank line follows. */
export function withHardBreaks(text: string): string {
  return mapProseLines(text, (line, next) => (next.trim() && !HAS_BREAK.test(line) ? `${line}  ` : line));
}

/** Removes the marks `withHardBreaks` adds (any two trailing spaces before a non-blank line). */
export function withoutHardBreaks(text: string): string {
  return mapProseLines(text, (line, next) => (next.trim() ? line.replace(/ {2}$/, "") : line));
}

function mapProseLines(text: string, map: (line: string, next: string) => string): string {
  const lines = text.split("\n");
  let fence: string | null = null;
  return lines
    .map((line, i) => {
      const opened = FENCE.exec(line)?.[1];
      if (opened && (fence === null || opened === fence)) {
        fence = fence === null ? opened : null;
        return line;
      }
      if (fence !== null || !line.trim() || INDENTED_CODE.test(line)) return line;
      return map(line, lines[i + 1] ?? "");
    })
    .join("\n");
}
