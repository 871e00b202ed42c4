/**
 * For reading a JSON payload: after each `\n` escape inside a string, a real line break too, so a
 * letter in the payload reads as lines (issue 12). Display only — the escapes stay, and what is
 * copied is the JSON as it was. An escaped backslash before an "n" (`\\n`) is not a newline.
 */
export function showLineBreaks(json: string): string {
  return json.replace(/(?<!\\)((?:\\\\)*)\\n/g, "$1\\n\n");
}
