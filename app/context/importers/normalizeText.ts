/**
 * Makes extracted text uniform before it is stored and chunked: Unix line ends, no control
 * characters (NUL and friends break FTS snippets and terminals), no trailing spaces, at most one
 * blank line in a row (PDF and .docx extraction leave many), trimmed.
 */
export function normalizeText(text: string): string {
  return (
    text
      .replace(/\r\n?/gu, "\n")
      .replace(/[\u2028\u2029]/gu, "\n")
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFEFF]/gu, "")
      .replace(/[^\S\n]+$/gmu, "")
      .replace(/\n{3,}/gu, "\n\n")
      .trim()
  );
}
