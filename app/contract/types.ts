/**
 * Data shapes that cross the UI ↔ back-end boundary. Plain JSON only: no Dates, no classes.
 * Times are milliseconds since the epoch.
 */
import type { ErrorData } from "./errors";

/** "auto" (issue #16): each message is routed to Private or Hybrid by app/pipeline/auto's rules. */
export type PrivacyMode = "private" | "hybrid" | "cloud" | "auto";
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
  /**
   * The answers to the same question, oldest first, this one among them: Regenerate keeps the
   * earlier ones and the user flips between them (‹ 2/3 ›). Default (absent): this answer only.
   */
  variants?: string[];
  /** True when the model stopped at the answer-length limit; Continue writes on. Default false. */
  cutAtLimit?: boolean;
  /**
   * The conversation's mode when the message was written (migration 006). Absent = not
   * recorded (messages from before it without a privacy report).
   */
  mode?: PrivacyMode;
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
  /** Where it came from: "file" (used in place), "import" (copied in), or the URL / hf: URI it was downloaded from. */
  source: string;
  /** SHA-256 of the file, when Tandem computed it (downloads); else null. */
  sha256: string | null;
  settings: ModelSettings;
}

/** Per-model load settings; null = use the global setting. */
export interface ModelSettings {
  /** Context size in tokens; null = AppSettings.contextSize. Capped at the model's training context. */
  contextSize: number | null;
  /** Layers offloaded to the GPU: "auto" (default) = as many as fit in free VRAM; 0 = CPU only. */
  gpuLayers: "auto" | number;
  /** Generation threads; null = AppSettings.threads (else the CPU core count). */
  threads: number | null;
}

/**
 * Whether a model will run on this computer: entirely on the GPU, in RAM (possibly with some layers
 * on the GPU), or not at all.
 */
export type FitVerdict = "fits-gpu" | "fits-ram" | "too-large";

export interface FitEstimate {
  verdict: FitVerdict;
  /**
   * "header": from the GGUF header (local or remote) through node-llama-cpp's GgufInsights;
   * "catalog": from the catalog's size and architecture numbers, without network.
   */
  basis: "header" | "catalog";
  /** The context size the estimate is for, in tokens. */
  contextSize: number;
  /** Memory needed to run it at that context size (weights + KV cache + buffers), RAM and VRAM together. */
  estimatedBytes: number;
  /** Of which on the GPU. */
  vramBytes: number;
  /** Layers that would be offloaded to the GPU, of totalLayers. */
  gpuLayers: number;
  totalLayers: number | null;
  parameterCount: number | null;
  /** One sentence a user reads, e.g. "Needs about 2.9 GB; this computer has 24 GB of RAM and no GPU." */
  summary: string;
}

/** A recommended model (app/model/catalog.ts), addressed by a node-llama-cpp `hf:` URI. */
export interface CatalogEntry {
  id: string;
  name: string;
  /** e.g. "hf:bartowski/Llama-3.2-3B-Instruct-GGUF:Q4_K_M" */
  uri: string;
  quantization: string;
  /** Approximate download size. */
  sizeBytes: number;
  parameterCount: number;
  contextLength: number;
  license: string;
  licenseUrl: string;
  /** One line: what it is good for. */
  goodFor: string;
}

export interface CatalogItem extends CatalogEntry {
  fit: FitEstimate;
  /** The best fit for this computer (one entry at most). */
  recommended: boolean;
  /** The model downloaded from this entry, when it is in the models list. */
  modelId: string | null;
}

export interface HardwareInfo {
  cpuCores: number;
  cpuModel: string;
  ramTotalBytes: number;
  ramFreeBytes: number;
  /** GPU device names llama.cpp sees; empty without a GPU. */
  gpus: string[];
  vramTotalBytes: number;
  vramFreeBytes: number;
  /** The llama.cpp backend in use. */
  backend: "CPU" | "CUDA" | "Vulkan" | "Metal";
  /** Memory the Tandem back end uses now (resident set). */
  processMemoryBytes: number;
  loadedModel: LoadedModelInfo | null;
}

export interface LoadedModelInfo {
  modelId: string;
  state: "loading" | "loaded";
  /** Load progress 0..1. */
  progress: number;
  contextSize: number | null;
  /** Weights in memory; null while loading. */
  modelBytes: number | null;
  /** KV cache and state; null while loading. */
  contextBytes: number | null;
  gpuLayers: number | null;
  threads: number;
}

/**
 * - downloading: bytes are arriving (or the connection is being retried)
 * - verifying: checking size, SHA-256 and the GGUF header
 * - paused: paused by the user (or by quitting Tandem); the partial file is kept
 * - failed: stopped by a failure; `error` says why, and whether a part was kept to resume from
 *   (a dropped connection, a full disk) or not (404, corrupt file: Retry starts afresh)
 * - done: verified and added to the models list (`modelId`)
 */
export type DownloadState = "downloading" | "verifying" | "paused" | "failed" | "done";

export interface DownloadInfo {
  id: string;
  uri: string;
  /** The file name in the data directory's models/ folder, once known. */
  fileName: string | null;
  catalogId: string | null;
  state: DownloadState;
  downloadedBytes: number;
  /** null until the server said. */
  totalBytes: number | null;
  bytesPerSecond: number;
  /** Seconds left at the current speed; null when unknown. */
  etaSeconds: number | null;
  error: ErrorData | null;
  modelId: string | null;
  startedAt: number;
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
  /**
   * Hybrid: after the rules, the local model reads the sanitized instruction and sketch once more
   * for private items they missed (step 5, within a time budget). Default true.
   */
  thoroughModelCheck: boolean;
  /** BCP 47 locale for recognizing phone numbers, dates, addresses. Default "en-US". */
  locale: string;
  /** OpenAI-compatible endpoint, e.g. "https://api.openai.com/v1". Default null (not set up). */
  cloudBaseUrl: string | null;
  /** Cloud model name. Default null. */
  cloudModel: string | null;
  /**
   * Settings → Privacy: topics Auto mode always answers on the device ("my health", "my divorce"),
   * matched by their content words. Default [].
   */
  alwaysLocalTopics: string[];
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

/** Settings → Privacy proxy (issue #13): the local OpenAI-compatible endpoint for other apps. */
export interface ProxyStatus {
  /** Start with the app (a setting). Off by default. */
  enabled: boolean;
  /** Listening now. */
  running: boolean;
  port: number;
  /** What apps use as their base URL, e.g. "http://127.0.0.1:4319/v1"; null when not running. */
  url: string | null;
  /** The Bearer token apps must send (it guards a proxy to your cloud key, so it is shown only here). */
  token: string;
  /** The proxy's own endpoint and model; null = the ones in Settings → Cloud. */
  baseUrl: string | null;
  model: string | null;
  /** Where requests go now (own choice, else Settings → Cloud); null when not set up. */
  forwardsTo: { baseUrl: string; model: string } | null;
  policy: "sanitize" | "block" | "local" | "auto";
  /** The apps that used the proxy, newest first (their User-Agent). */
  clients: Array<{ name: string; firstSeen: number; lastSeen: number; requests: number }>;
  /** Why the proxy is not running although enabled (e.g. the port is taken); null otherwise. */
  problem: string | null;
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
 * - route: Auto mode's decision (content: the reason shown; meta: RouteStageMeta in app/pipeline/auto)
 */
export type StageKind = "context" | "sketch" | "outline" | "sanitized" | "cloud" | "report" | "notice" | "route";

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
  /** Step 5 in Hybrid; absent in reports written before it existed and in Cloud mode. */
  modelCheck?: ModelCheckReport;
}

/** Whether the local model's thorough check (step 5) ran on what was sent, and what it added. */
export interface ModelCheckReport {
  /** "off" = turned off in Settings → Privacy; "timeout" = the time budget ran out (what it found by then is kept); "failed" = the model could not run it. */
  status: "done" | "off" | "timeout" | "failed";
  ms: number;
  /** Private items it replaced on top of the rules, by type (never the values). */
  added: Record<string, number>;
}

interface ErrorLike {
  code: string;
  message: string;
}

/** One request that left the device (the audit log). */
/** What an audited request was: a chat message, a model download, a remote GGUF header check, or Settings → Cloud's "Test connection". */
export type EgressKind = "chat" | "download" | "header-check" | "connection-test";

export interface EgressRecord {
  id: string;
  kind: EgressKind;
  conversationId: string | null;
  messageId: string | null;
  at: number;
  endpoint: string;
  model: string;
  /** Chat: the exact JSON body sent (sanitized), byte for byte. Others: the request line, e.g. "GET https://…/model.gguf". */
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

/** The steps a Hybrid (or Cloud) answer reports while it is written (`message:progress`). */
export type AnswerStep = "context" | "sketch" | "sanitizing" | "cloud" | "restoring" | "local-write" | "fallback";

/** The streams of a Hybrid answer that are not the answer itself. */
export type StreamStage = "sketch" | "cloud" | "outline";

/**
 * An answer being written now, as far as its stages have come (`messages:live`): what a view that
 * missed events (a dropped event stream) resyncs its live stage view from.
 */
export interface LiveAnswer {
  conversationId: string;
  messageId: string;
  /** The conversation's mode when the answer started. */
  mode: PrivacyMode;
  /** Steps in the order they were reported, each once. */
  steps: AnswerStep[];
  /** Each stage's text streamed so far. */
  streams: Partial<Record<StreamStage, string>>;
  /** The answer's own text so far (after Continue, the earlier text included): newer than the copy saved each second. */
  text: string;
}

/** Events pushed from the back end. Every chat event names its conversation and message. */
export type ChatEvent =
  | { type: "message:created"; conversationId: string; message: Message }
  /**
   * A piece of streamed text. stage "answer" (default when absent) appends to the visible answer;
   * "sketch", "cloud" and "outline" belong to a Hybrid stage shown in the stage view.
   */
  | {
      type: "message:token";
      conversationId: string;
      messageId: string;
      text: string;
      stage?: "answer" | StreamStage;
      /**
       * Where this piece starts: in its stage's text, or for the answer in the message's content. A
       * view that reloaded the text (`messages:live`, `conversations:get`) while pieces were on their
       * way keeps each piece once, and one that missed pieces waits for them instead of leaving a hole.
       */
      offset?: number;
    }
  /** Hybrid progress: which step runs now. */
  | {
      type: "message:progress";
      conversationId: string;
      messageId: string;
      step: AnswerStep;
    }
  | { type: "message:finished"; conversationId: string; message: Message }
  | { type: "conversation:updated"; conversation: ConversationSummary }
  | { type: "model:loading"; modelId: string }
  /** llama.cpp's load progress, 0..1 (a few per second at most). */
  | { type: "model:loadProgress"; modelId: string; progress: number }
  | { type: "model:loaded"; modelId: string }
  | { type: "model:unloaded"; modelId: string }
  /** A download's progress or state changed (a few per second at most while bytes arrive). */
  | { type: "download:progress"; download: DownloadInfo };

/** A file made by an export: returned to the UI (offered as a download) or written to `path`. */
export interface ExportedFile {
  /** A suggested file name, e.g. "tandem-export-2025-01-31.json". */
  fileName: string;
  mime: string;
  /** The file's text; null when it was written to `path` instead. */
  content: string | null;
  /** Where it was written (the path the user typed); null when returned as `content`. */
  path: string | null;
  bytes: number;
  conversations: number;
  encrypted: boolean;
}

/** What an import did. Conversations already here (same id) are kept as they are ("skipped"). */
export interface ImportSummary {
  source: "tandem" | "chatgpt" | "markdown";
  conversationsImported: number;
  conversationsSkipped: number;
  messagesImported: number;
  contextItemsImported: number;
  contextItemsSkipped: number;
  profileImported: boolean;
  settingsImported: number;
}

/** What "Delete all my data" removed: names inside the data folder, never full paths. */
export interface WipeSummary {
  removed: string[];
  modelsDeleted: boolean;
}
