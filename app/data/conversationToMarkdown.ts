import type { ExportedConversation, ExportedMessage } from "./exportFormat";
import { withHardBreaks } from "./markdownLineBreaks";

const MODE_LABEL: Record<ExportedConversation["mode"], string> = {
  private: "Private",
  hybrid: "Hybrid",
  cloud: "Cloud",
  auto: "Auto",
};
const ROLE_HEADING: Record<ExportedMessage["role"], string> = {
  user: "User",
  assistant: "Assistant",
  system: "System",
};

/**
 * A readable transcript: the title, the mode, then each message under a role heading. Only what
 * the user saw: stages (sketch, sanitized payload) and the vault stay out. A line in a message
 * that looks like a role heading is escaped, so the transcript reads back into the same messages.
 * Single line breaks are marked as hard breaks, so any Markdown viewer keeps them as Tandem does.
 */
export function conversationToMarkdown(conversation: ExportedConversation): string {
  const lines = [
    `# ${conversation.title}`,
    "",
    `- Mode: ${MODE_LABEL[conversation.mode]}`,
    `- Started: ${new Date(conversation.createdAt).toISOString()}`,
    `- Exported from Tandem`,
    "",
  ];
  for (const message of conversation.messages) lines.push(...messageLines(message));
  return lines.join("\n").trimEnd() + "\n";
}

function messageLines(message: ExportedMessage): string[] {
  const note = message.status === "done" || message.status === "streaming" ? "" : ` (${message.status})`;
  const body = [`## ${ROLE_HEADING[message.role]}${note}`, "", withHardBreaks(escapeHeadings(message.content.trim()))];
  if (message.status === "error" && message.error) body.push("", `> ${message.error.replace(/\n/g, " ")}`);
  return [...body, ""];
}

/** Matches a line our reader would take for a role heading (see parseMarkdownTranscript). */
export const ROLE_HEADING_LINE =
  /^#{2,3}\s+(user|you|human|me|assistant|ai|chatgpt|tandem|claude|system)\s*(?:\(([a-z]+)\))?\s*:?\s*$/i;

/** A role heading, or one already escaped with backslashes (escaped once more, so reading strips one). */
export function isHeadingLike(line: string): boolean {
  return ROLE_HEADING_LINE.test(line.replace(/^\\+/, ""));
}

function escapeHeadings(text: string): string {
  return text
    .split("\n")
    .map((line) => (isHeadingLike(line) ? `\\${line}` : line))
    .join("\n");
}
