import { createHash } from "node:crypto";
import { isHeadingLike, ROLE_HEADING_LINE } from "./conversationToMarkdown";
import type { ExportedConversation, ExportedMessage } from "./exportFormat";
import { withoutHardBreaks } from "./markdownLineBreaks";

const USER_WORDS = new Set(["user", "you", "human", "me"]);
const STATUSES = new Set(["stopped", "interrupted", "error"]);

/**
 * A Markdown transcript (Tandem's own, or any with `## User` / `## Assistant` headings) as one
 * conversation in Private mode. Ids derive from the text, so importing the same file twice finds
 * the conversation already there. System messages are skipped, as for ChatGPT exports.
 * Returns null when the text has no role headings (then it is not a transcript).
 */
export function parseMarkdownTranscript(
  text: string,
  fallbackTitle: string,
  now = Date.now(),
): ExportedConversation | null {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const sections = splitSections(lines);
  const messages = sections.filter((s) => s.role !== "system" && s.content.length > 0);
  if (messages.length === 0) return null;
  const id = `md-${createHash("sha256").update(text).digest("hex").slice(0, 32)}`;
  const createdAt = startedAt(lines) ?? now;
  return {
    id,
    title: titleOf(lines) ?? fallbackTitle,
    mode: "private",
    strategy: "sketch-refine",
    createdAt,
    updatedAt: createdAt + messages.length,
    // One millisecond apart: the transcript has no times, and order must survive sorting by time.
    messages: messages.map((m, i) => toMessage(`${id}-${i + 1}`, m, createdAt + i)),
    vault: [],
  };
}

interface Section {
  role: ExportedMessage["role"];
  status: ExportedMessage["status"];
  content: string;
}

function splitSections(lines: string[]): Section[] {
  const sections: Array<Section & { body: string[] }> = [];
  for (const line of lines) {
    const heading = ROLE_HEADING_LINE.exec(line);
    if (heading) {
      sections.push({ role: roleOf(heading[1]!), status: statusOf(heading[2]), content: "", body: [] });
    } else if (sections.length > 0) {
      sections[sections.length - 1]!.body.push(isHeadingLike(line) ? line.slice(1) : line);
    }
  }
  return sections.map(({ body, ...s }) => ({ ...s, content: withoutHardBreaks(body.join("\n").trim()) }));
}

function roleOf(word: string): ExportedMessage["role"] {
  const lower = word.toLowerCase();
  if (USER_WORDS.has(lower)) return "user";
  return lower === "system" ? "system" : "assistant";
}

function statusOf(note: string | undefined): ExportedMessage["status"] {
  const lower = note?.toLowerCase();
  return lower && STATUSES.has(lower) ? (lower as ExportedMessage["status"]) : "done";
}

function toMessage(id: string, section: Section, createdAt: number): ExportedMessage {
  return {
    id,
    role: section.role,
    content: section.content,
    status: section.status,
    createdAt,
    stats: null,
    error: null,
    modelId: null,
    stages: [],
  };
}

/** The first `# Title` line before any message. */
function titleOf(lines: string[]): string | null {
  for (const line of lines) {
    if (ROLE_HEADING_LINE.test(line)) return null;
    const match = /^#\s+(.+?)\s*$/.exec(line);
    if (match) return match[1]!.slice(0, 500);
  }
  return null;
}

/** Tandem's own transcripts carry "- Started: <ISO time>". */
function startedAt(lines: string[]): number | null {
  const line = lines.find((l) => /^- Started: /.test(l));
  const time = line ? Date.parse(line.slice("- Started: ".length)) : NaN;
  return Number.isFinite(time) && time >= 0 ? time : null;
}
