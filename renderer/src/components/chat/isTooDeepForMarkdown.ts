/**
 * The Markdown pipeline (micromark → mdast → hast → React) recurses once per nesting level: ten
 * thousand `>` or `- ` or `*` in a model's answer overflow the stack and take the page down with
 * them, or take minutes (test/unit/renderer/components/chat/nestedMarkdown.test.ts). No real answer nests more
 * than a few dozen levels, so past MAX_NESTING the text is shown as plain text instead.
 */
export const MAX_NESTING = 100;

/** Container markers at a line's start (block quotes, list bullets, ordered list numbers). */
const DEEP_CONTAINERS = new RegExp(`^(?:\\s*(?:>|[-+*]\\s|\\d{1,9}[.)]\\s)){${MAX_NESTING},}`, "m");
/** Runs of emphasis or bracket characters, which open inline nesting. */
const DEEP_INLINE = new RegExp(`(?:[*_\\[(~]\\s?){${MAX_NESTING},}`);
/** Indentation that deep nests lists and code blocks too. */
const DEEP_INDENT = new RegExp(`^[ \\t]{${MAX_NESTING * 4},}`, "m");

export function isTooDeepForMarkdown(text: string): boolean {
  return DEEP_CONTAINERS.test(text) || DEEP_INLINE.test(text) || DEEP_INDENT.test(text);
}
