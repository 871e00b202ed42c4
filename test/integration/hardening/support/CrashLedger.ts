import type { ChildLine } from "./runCrashChild";

interface Streamed {
  /** Token texts the child had received (and shown) before it was killed, with their times. */
  tokens: { text: string; at: number }[];
  /** Printed before chat:send was called (before the answer's flush clock started) and after it returned. */
  sendingAt: number;
  sentAt: number;
}

interface StoredMessage {
  id: string;
  role: string;
  status: string;
  content: string;
}
interface StoredConversation {
  id: string;
  title: string;
  messages: StoredMessage[];
}

/** What one check of a restarted store found; `flushProven` counts answers whose flushed text was checked. */
export interface CheckResult {
  problems: string[];
  interruptedChecked: number;
  flushProven: number;
}

/**
 * Everything the killed children reported as done (so the user saw it), checked against what
 * the next run finds in the store. Reports accumulate until a run gets far enough to dump state.
 */
export class CrashLedger {
  private readonly userMessages = new Map<string, { conversationId: string; text: string }>();
  private readonly conversations = new Set<string>();
  /** Accepted titles per conversation: the last confirmed one and a rename that was under way. */
  private readonly titles = new Map<string, string[]>();
  private readonly streaming = new Map<string, Streamed>();
  private sendingAt = 0;

  record(lines: ChildLine[]): void {
    for (const line of lines) this.recordLine(line);
  }

  private recordLine(line: ChildLine): void {
    const s = (key: string) => String(line[key]);
    if (line.type === "created") this.conversations.add(s("id"));
    if (line.type === "renaming")
      this.titles.set(s("id"), [...(this.titles.get(s("id"))?.slice(0, 1) ?? []), s("title")]);
    if (line.type === "renamed") this.titles.set(s("id"), [s("title")]);
    if (line.type === "sending") this.sendingAt = line.at;
    if (line.type === "sent") {
      this.conversations.add(s("conversationId"));
      this.userMessages.set(s("userMessageId"), { conversationId: s("conversationId"), text: s("text") });
      this.streaming.set(s("assistantMessageId"), { tokens: [], sendingAt: this.sendingAt, sentAt: line.at });
    }
    if (line.type === "token") this.streaming.get(s("messageId"))?.tokens.push({ text: s("text"), at: line.at });
    if (line.type === "finished") this.streaming.delete(s("messageId"));
  }

  /** Compares a restarted run's dump with every report so far, then forgets the streamed answers it checked. */
  check(state: StoredConversation[]): CheckResult {
    const problems: string[] = [];
    const byId = new Map(state.map((c) => [c.id, c] as const));
    const messages = new Map(state.flatMap((c) => c.messages).map((m) => [m.id, m] as const));
    for (const id of this.conversations)
      if (!byId.has(id)) problems.push(`conversation ${id} reported as created is missing`);
    for (const [id, accepted] of this.titles) {
      const title = byId.get(id)?.title;
      if (title !== undefined && !accepted.includes(title))
        problems.push(`conversation ${id} has title "${title}", expected one of ${JSON.stringify(accepted)}`);
    }
    for (const [id, sent] of this.userMessages) {
      if (messages.get(id)?.content !== sent.text)
        problems.push(`user message ${id} ("${sent.text}") reported as sent is missing or changed`);
    }
    for (const m of messages.values())
      if (m.status === "streaming") problems.push(`message ${m.id} is still "streaming" after the restart`);
    let flushProven = 0;
    for (const [id, streamed] of this.streaming) {
      const verdict = checkInterrupted(id, messages.get(id), streamed);
      if (verdict.problem) problems.push(verdict.problem);
      if (verdict.flushProven) flushProven++;
    }
    const interruptedChecked = this.streaming.size;
    this.streaming.clear();
    return { problems, interruptedChecked, flushProven };
  }
}

/** ChatService flushes an answer at the first token ≥ this long after it started (FLUSH_INTERVAL_MS). */
const FLUSH_MS = 1000;

/**
 * An answer streaming at the kill is kept, marked interrupted, and holds a prefix of what was
 * shown. Its flush clock started between "sending" and "sent"; the first token ≥ 1 s after "sent"
 * must have flushed (unless an earlier one did), and no token < 1 s after "sending" can have. So
 * when a token followed that trigger (the flush is synchronous, hence done), the stored text
 * reaches at least the first token ≥ 1 s after "sending" (50 ms margin for the listener's clock).
 */
function checkInterrupted(
  id: string,
  stored: StoredMessage | undefined,
  streamed: Streamed,
): { problem?: string; flushProven: boolean } {
  if (!stored) return { problem: `streaming answer ${id} is missing after the restart`, flushProven: false };
  if (stored.status !== "interrupted")
    return { problem: `answer ${id} is "${stored.status}", expected "interrupted"`, flushProven: false };
  const shown = streamed.tokens.map((t) => t.text).join("");
  if (!shown.startsWith(stored.content))
    return { problem: `answer ${id} holds text that was never shown`, flushProven: false };
  const trigger = streamed.tokens.findIndex((t) => t.at - streamed.sentAt >= FLUSH_MS);
  if (trigger < 0 || trigger === streamed.tokens.length - 1) return { flushProven: false };
  const earliest = streamed.tokens.findIndex((t) => t.at - streamed.sendingAt >= FLUSH_MS - 50);
  const flushed = streamed.tokens
    .slice(0, earliest + 1)
    .map((t) => t.text)
    .join("");
  if (stored.content.length < flushed.length)
    return {
      problem: `answer ${id} lost flushed text: ${stored.content.length} < ${flushed.length} chars`,
      flushProven: false,
    };
  return { flushProven: true };
}
