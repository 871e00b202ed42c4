/**
 * Plain text from an HTML e-mail body, for mails that have no text/plain part. Not a renderer:
 * drops scripts, styles and tags, turns block ends into line breaks and decodes entities —
 * enough for retrieval, which only needs the words.
 */
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/giu, "")
    .replace(/<br\b[^>]*>/giu, "\n")
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote|table)\s*>/giu, "\n\n")
    .replace(/<[^>]*>/gu, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (entity, name: string) => decodeEntity(name) ?? entity);
}

function decodeEntity(name: string): string | undefined {
  const code = /^#x/iu.test(name)
    ? parseInt(name.slice(2), 16)
    : name.startsWith("#")
      ? parseInt(name.slice(1), 10)
      : NaN;
  if (Number.isNaN(code)) return ENTITIES[name.toLowerCase()];
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}
