/**
 * Data shapes that cross the UI ↔ back-end boundary. Plain JSON only: no Dates, no classes.
 * Times are milliseconds since the epoch.
 */

export type PrivacyMode = "private" | "hybrid" | "cloud";
/**
 * Hybrid strategies: sketch-refine = the local model sketches with private context, the cloud
 * polishes the sanitized sketch; cloud-outline = the cloud outlines from the sanitized
 * instruction only, the local model writes the answer with private context.
 */
export type HybridStrategy = "sketch-refine" | "cloud-outline";
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
  /** Global offline mode: no request of any kind leaves the app. Default false. */
  offline: boolean;
  /** Default "sketch-refine". */
  hybridStrategy: HybridStrategy;
  /** BCP 47 locale for recognizing phone numbers, dates, addresses. Default "en-US". */
  locale: string;
  /** OpenAI-compatible endpoint, e.g. "https://api.openai.com/v1". Default null (not set up). */
  cloudBaseUrl: string | null;
  /** Cloud model name. Default null. */
  cloudModel: string | null;
}

/** The cloud set-up as the UI may see it: never the key itself. */
export interface CloudStatus {
  configured: boolean;
  baseUrl: string | null;
  model: string | null;
  hasKey: boolean;
  /** Where the key lives: the OS keychain (Electron), a 0600 file, or TANDEM_CLOUD_API_KEY. */
  keyStorage: "os-keychain" | "file" | "environment" | "none";
}

export interface ConnectionTest {
  ok: boolean;
  message: string;
  models?: string[];
}

/**
 * What an answer went through, stored with the message (table message_stages):
 * - context: the private context the local model used (meta.items: [{ itemId, title, passages }])
 * - sketch: the local model's sketch (stays on the device)
 * - outline: the cloud's outline (cloud-outline strategy)
 * - sanitized: the exact payload that left the device (JSON of the messages sent)
 * - cloud: the cloud's answer as received (with placeholders)
 * - report: the privacy report (meta: PrivacyReport)
 * - notice: a user-visible note, e.g. "The cloud was unreachable; this answer is local only."
 */
export type StageKind = "context" | "sketch" | "outline" | "sanitized" | "cloud" | "report" | "notice";

export interface MessageStage {
  kind: StageKind;
  content: string;
  meta: Record<string, unknown> | null;
}

export interface PrivacyReport {
  mode: PrivacyMode;
  strategy: HybridStrategy | null;
  /** Private items replaced by placeholders in what was sent. */
  replaced: number;
  byType: Record<string, number>;
  /** Private items found in the outbound payload by the egress gate's re-scan (0 = none left). */
  leftDevice: number;
  /** Bytes of the payload(s) sent; 0 when nothing left. */
  bytes: number;
  endpoint: string | null;
  model: string | null;
  /** Placeholders the device could not put back (the local model re-personalized, or left them). */
  unresolved: string[];
  /** Why the answer is local-only, when the cloud step did not happen. */
  fallback: ErrorLike | null;
}

interface ErrorLike {
  code: string;
  message: string;
}

/** One request that left the device (the audit log). */
export interface EgressRecord {
  id: string;
  conversationId: string | null;
  messageId: string | null;
  at: number;
  endpoint: string;
  model: string;
  /** The exact JSON sent (sanitized). */
  payload: string;
  bytes: number;
  /** The gate's verdict as JSON (types and counts only). */
  check: string;
}

export type ContextItemKind = "note" | "document";

export interface ContextItemSummary {
  id: string;
  title: string;
  kind: ContextItemKind;
  /** The imported file's name (never a path); null for notes. */
  sourceName: string | null;
  mime: string | null;
  scope: "global" | "conversation";
  conversationId: string | null;
  chars: number;
  createdAt: number;
  updatedAt: number;
  /** Only when listed for a conversation: whether the local model may use it there. */
  enabled?: boolean;
}

export interface ContextItemDetail extends ContextItemSummary {
  text: string;
}

export interface ProfileData {
  name: string;
  city: string;
  job: string;
  family: Array<{ name: string; relation: string }>;
  healthNotes: string;
  /** Terms that are private whatever the context. */
  alwaysPrivate: string[];
  freeText: string;
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
  /**
   * A piece of streamed text. stage "answer" (default when absent) appends to the visible answer;
   * "sketch", "cloud" and "outline" belong to a Hybrid stage shown in the stage view.
   */
  | { type: "message:token"; conversationId: string; messageId: string; text: string; stage?: "answer" | "sketch" | "cloud" | "outline" }
  /** Hybrid progress: which step runs now. */
  | { type: "message:progress"; conversationId: string; messageId: string; step: "context" | "sketch" | "sanitizing" | "cloud" | "restoring" | "local-write" | "fallback" }
  | { type: "message:finished"; conversationId: string; message: Message }
  | { type: "conversation:updated"; conversation: ConversationSummary }
  | { type: "model:loading"; modelId: string }
  | { type: "model:loaded"; modelId: string };
