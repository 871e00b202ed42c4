/**
 * Is a snake_case word a code identifier rather than someone's handle? (issue #11)
 * A word is code when it stands in backticks, or in a text that is about programming: code
 * syntax ("def f(", "x => y", "self.", "{ … }"), or a technical noun ("API", "parameter",
 * "JSON", "column", "variable"). Ordinary nouns that also name code things ("key", "field",
 * "command", "table", "error", "class", "string", "code") do not count: letters and chats use them too.
 */
const CODE_SYNTAX =
  /```|\bdef \w+\(|\bimport \w|\bfrom [\w.]+ import\b|\bfunction\s*\w*\(|\b(?:const|let|var) \w+\s*=|=>|[=!]==?|\w\(\)|\b(?:self|this)\.\w|[{};]\s*$|<\/\w+>|\$\{|\w+\.\w+\(/m;
const TECHNICAL_NOUN =
  /\b(?:api|apis|sdk|json|sql|yaml|xml|html|css|regex|endpoints?|parameters?|params?|arguments?|kwargs?|variables?|functions?|methods?|attributes?|identifiers?|snake_case|camelcase|python|javascript|typescript|java|kotlin|golang|php|ruby|bash|powershell|script|scripts|source code|coding|programming|dataframe|pandas|numpy|database|schema|quer(?:y|ies)|library|module|package|npm|pip|config|configuration|env|terminal|cli|columns?|repo|repository|github|compiler?|debug|exception|stack trace|struct|enum|boolean|array|dict|django|flask|docker|kubernetes|linux|shell|command line)\b/i;

export function isProgrammingText(text: string): boolean {
  return CODE_SYNTAX.test(text) || TECHNICAL_NOUN.test(text);
}

/** [start, end) of every `inline` or ```fenced``` code span. */
export function backtickSpans(text: string): Array<[number, number]> {
  if (!text.includes("`")) return [];
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(/```[\s\S]*?(?:```|$)|`[^`\n]+`/g))
    spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return spans;
}

// `x = …`, `x(`, `x[`, `x {`, and a key with a value (`x: 5`, `x: "…"`, `x: true`); a word after "x:" is a chat line's speaker.
const CODE_AFTER = /^\s*(?:[=([{]|:\s*(?:["'[{\d-]|true\b|false\b|null\b|none\b))/i;

/** The word at [start, end) is written as code: in backticks, or used as a name in code (`x = …`, `x(`, `x: 5`, `.x`). */
export function isCodeUse(text: string, start: number, end: number, spans: ReadonlyArray<[number, number]>): boolean {
  if (spans.some(([s, e]) => start >= s && end <= e)) return true;
  return CODE_AFTER.test(text.slice(end, end + 12)) || /[.$>]$/.test(text.slice(Math.max(0, start - 1), start));
}
