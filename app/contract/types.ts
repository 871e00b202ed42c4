/**
 * Data shapes that cross the UI ↔ back-end boundary. Plain JSON only: no Dates, no classes.
 * Times are milliseconds since the epoch.
 */

export type PrivacyMode = "private" | "hybrid" | "cloud";
export type MessageRole = "user" | "assistant" | "system";
/**
 * - streaming: being written now (flushed to disk about once a second)
 * - done: finished normally
 * - stopped: the user pressed Stop; the text so far is kept
 * - interrupted: the app quit or crashed mid-answer; found so at the next start
 * - error: generation failed; `error` says why
 */
export type MessageStatus = "streaming" | "done" | "stopped" | "interrupted" | "error";

export interface ConversationSummary {
  id: string;
  title: string;
  mode: PrivacyMode;
  createdAt: number;
  updatedAt: number;
}

export interface MessageStats {
  tokens: number;
  tokensPerSecond: number | null;
  timeToFirstTokenMs: number | null;
}

export interface Message {
  id: string;
  conversationId: string;
  role: MessageRole;
  content: string;
  status: MessageStatus;
  createdAt: number;
  stats: MessageStats | null;
  /** For status "error": what went wrong, in words a user understands. */
  error: string | null;
  /** The id of the model that wrote an assistant message. */
  modelId: string | null;
}

export interface ConversationDetail {
  conversation: ConversationSummary;
  messages: Message[];
}

export interface SearchHit {
  conversationId: string;
  conversationTitle: string;
  messageId: string;
  role: MessageRole;
  /**
   * A short excerpt around the match. Matched terms are wrapped in U+E000 … U+E001 (private-use
   * characters that cannot come from a normal keyboard), so the UI can highlight them without
   * ever interpreting HTML.
   */
  snippet: string;
  createdAt: number;
}

export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_END = "\uE001";

export interface ModelInfo {
  id: string;
  name: string;
  path: string;
  sizeBytes: number;
  architecture: string | null;
  parameterCount: number | null;
  quantization: string | null;
  contextLength: number | null;
  hasChatTemplate: boolean;
  addedAt: number;
}

export interface AppSettings {
  /** The model used for new answers; null until the user adds one. */
  activeModelId: string | null;
  /** Generation threads; null = the machine's real core count. */
  threads: number | null;
  /** Context size for the local model, in tokens. Default 4096. */
  contextSize: number;
  /** Upper bound on tokens per answer. Default 1024. */
  maxAnswerTokens: number;
  /** "system" follows the OS. */
  theme: "system" | "light" | "dark";
}

export interface AppInfo {
  host: "electron" | "web" | "cli";
  version: string;
  dataDir: string;
  /** Threads the local model uses now (settings.threads or the detected core count). */
  threads: number;
  cpuCores: number;
}

/** Events pushed from the back end. Every chat event names its conversation and message. */
export type ChatEvent =
  | { type: "message:created"; conversationId: string; message: Message }
  | { type: "message:token"; conversationId: string; messageId: string; text: string }
  | { type: "message:finished"; conversationId: string; message: Message }
  | { type: "conversation:updated"; conversation: ConversationSummary }
  | { type: "model:loading"; modelId: string }
  | { type: "model:loaded"; modelId: string };
