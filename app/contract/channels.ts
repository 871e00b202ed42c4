/**
 * The one contract between the UI and the back end. Every channel is `domain:verb`, with a zod
 * schema for its request (validated by every host before the core sees it) and the type of its
 * reply. Adding a channel is a change to this file; hosts, preload and the renderer's client are
 * all built from `CHANNELS`, so the compiler carries the change through. The event side — what
 * the back end pushes (`ChatEvent`), on which channel — and the bridge the Electron preload
 * exposes are declared here too (end of file).
 */
import { z } from "zod";
import type { Result } from "./errors";
import type {
  ChatEvent,
  CloudStatus,
  ConnectionTest,
  ProxyStatus,
  ContextItemDetail,
  ContextItemSummary,
  EgressRecord,
  ExportedFile,
  ImportSummary,
  LiveAnswer,
  MessageStage,
  ProfileData,
  AppInfo,
  AppSettings,
  ConversationDetail,
  ConversationSummary,
  Message,
  ModelInfo,
  SearchHit,
  WipeSummary,
  CatalogItem,
  DownloadInfo,
  FitEstimate,
  HardwareInfo,
} from "./types";

/** Largest message a user may send. A 10 MB paste is refused with `too_large`, not truncated. */
export const MAX_MESSAGE_CHARS = 200_000;

const id = z.string().min(1).max(100);
const empty = z.object({}).strict();
const mode = z.enum(["private", "hybrid", "cloud", "auto"]);
const messageText = z.string().min(1).max(MAX_MESSAGE_CHARS);

/** A phantom marker carrying the reply type of a channel; it has no runtime value. */
interface Reply<T> {
  readonly __reply?: T;
}
/** `channel<ReplyType>()(requestSchema)`: curried so the schema's type is inferred. */
function channel<R>() {
  return <S extends z.ZodType>(request: S): { request: S } & Reply<R> => ({ request });
}

const byId = z.object({ id }).strict();
const filePath = z.string().trim().min(1).max(4096);
/** Encrypting with a short passphrase would give a false sense of safety. */
export const MIN_PASSPHRASE_CHARS = 8;
const newPassphrase = z
  .string()
  .min(MIN_PASSPHRASE_CHARS, `Use a passphrase of at least ${MIN_PASSPHRASE_CHARS} characters.`)
  .max(1024);
const byConversation = z.object({ conversationId: id }).strict();
const sendRequest = z.object({ conversationId: id, text: messageText }).strict();

export const CHANNELS = {
  "app:info": channel<AppInfo>()(empty),

  "settings:get": channel<AppSettings>()(empty),
  "settings:update": channel<AppSettings>()(
    z
      .object({
        activeModelId: id.nullable(),
        threads: z.number().int().min(1).max(256).nullable(),
        contextSize: z.number().int().min(256).max(131_072),
        maxAnswerTokens: z.number().int().min(16).max(32_768),
        theme: z.enum(["system", "light", "dark"]),
        offline: z.boolean(),
        hybridStrategy: z.enum(["sketch-refine", "cloud-outline"]),
        thoroughModelCheck: z.boolean(),
        locale: z
          .string()
          .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
          .max(35),
        alwaysLocalTopics: z.array(z.string().trim().min(1).max(200)).max(100),
      })
      .partial()
      .strict(),
  ),

  "models:list": channel<ModelInfo[]>()(empty),
  /** Validates the file's GGUF header, then records it. Does not copy the file. */
  "models:add": channel<ModelInfo>()(z.object({ path: z.string().trim().min(1).max(4096) }).strict()),
  "models:remove": channel<{ removed: true }>()(byId),
  /** Validates the file's header, then records it: in place, or copied into the data directory's models/. */
  "models:import": channel<ModelInfo>()(
    z.object({ path: z.string().trim().min(1).max(4096), copy: z.boolean().optional() }).strict(),
  ),
  /** The recommended models with a fit verdict for this computer (estimated offline, from the catalog). */
  "models:catalog": channel<CatalogItem[]>()(empty),
  /** Fit check from a GGUF header: a local file, an http(s) URL or an hf: URI (reads only the header). */
  "models:fit": channel<FitEstimate>()(
    z
      .object({
        source: z.string().trim().min(1).max(4096),
        contextSize: z.number().int().min(256).max(131_072).optional(),
      })
      .strict(),
  ),
  /**
   * Starts (or resumes, for the same URI) a download into the data directory's models/; progress
   * arrives as `download:progress` events. Refused in offline mode.
   */
  "models:download": channel<DownloadInfo>()(
    z
      .object({
        uri: z
          .string()
          .trim()
          .min(1)
          .max(2048)
          .regex(/^(https?:\/\/|hf:)/, "must start with http://, https:// or hf:"),
        catalogId: id.optional(),
        /** Expected SHA-256 of the file; checked when the download ends. */
        sha256: z
          .string()
          .regex(/^[0-9a-fA-F]{64}$/)
          .optional(),
      })
      .strict(),
  ),
  /** Stops a download and keeps the partial file for a resume; `discard` deletes it instead. */
  "models:cancelDownload": channel<{ download: DownloadInfo | null }>()(
    z.object({ id, discard: z.boolean().optional() }).strict(),
  ),
  "models:downloads": channel<DownloadInfo[]>()(empty),
  /** Per-model settings (null = the global setting); the next answer reloads the model with them. */
  "models:update": channel<ModelInfo>()(
    z
      .object({
        id,
        contextSize: z.number().int().min(256).max(131_072).nullable().optional(),
        gpuLayers: z.union([z.literal("auto"), z.number().int().min(0).max(1000)]).optional(),
        threads: z.number().int().min(1).max(256).nullable().optional(),
      })
      .strict(),
  ),
  /** Frees the loaded model's memory; the next answer loads it again. */
  "models:unload": channel<{ unloaded: boolean }>()(empty),
  /** CPU, RAM, GPUs and VRAM, the llama.cpp backend, and the loaded model's memory. */
  "hardware:info": channel<HardwareInfo>()(empty),

  "conversations:list": channel<ConversationSummary[]>()(empty),
  "conversations:create": channel<ConversationSummary>()(z.object({ mode: mode.optional() }).strict()),
  "conversations:get": channel<ConversationDetail>()(byId),
  "conversations:rename": channel<ConversationSummary>()(
    z.object({ id, title: z.string().trim().min(1).max(200) }).strict(),
  ),
  /** Applies from the next message on; recorded in the conversation. */
  "conversations:setMode": channel<ConversationSummary>()(z.object({ id, mode }).strict()),
  "conversations:delete": channel<{ deleted: true }>()(byId),
  /** Full-text search over every message (SQLite FTS5). */
  "conversations:search": channel<SearchHit[]>()(
    z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(200).optional() }).strict(),
  ),

  /** Stores the user's message and starts the answer; tokens arrive as `message:token` events. */
  "chat:send": channel<{ userMessage: Message; assistantMessage: Message }>()(sendRequest),
  /** Stops the answer being written in this conversation; what was written is kept as "stopped". */
  "chat:stop": channel<{ stopped: boolean }>()(byConversation),
  /** Writes a new answer to the last question; the earlier answers are kept as its variants. */
  "chat:regenerate": channel<{ assistantMessage: Message }>()(byConversation),
  /** Auto mode's "ask the other way": answers the last message again on the device or through the cloud. */
  "chat:reask": channel<{ assistantMessage: Message }>()(
    z.object({ conversationId: id, route: z.enum(["local", "hybrid"]) }).strict(),
  ),
  /** Shows another variant of an answer; the conversation continues from the chosen one. */
  "chat:chooseVariant": channel<{ message: Message }>()(z.object({ conversationId: id, messageId: id }).strict()),
  /** Writes on the last answer, cut at the length limit, in the same message. */
  "chat:continue": channel<{ assistantMessage: Message }>()(byConversation),
  /** Replaces the text of the last user message, drops the answers after it, and answers again. */
  "chat:editLast": channel<{ userMessage: Message; assistantMessage: Message }>()(sendRequest),

  /** What an answer went through (sketch, sanitized payload, cloud answer, privacy report). */
  "messages:stages": channel<MessageStage[]>()(z.object({ messageId: id }).strict()),
  /** The answers being written now, with their steps and stage texts so far (a view resyncs after a reconnect). */
  "messages:live": channel<LiveAnswer[]>()(empty),

  "cloud:status": channel<CloudStatus>()(empty),
  /** Sets the endpoint and model; `apiKey` sets (string) or forgets (null) the key; absent = keep. */
  "cloud:configure": channel<CloudStatus>()(
    z
      .object({
        baseUrl: z.string().trim().url().max(500).nullable(),
        model: z.string().trim().min(1).max(200).nullable(),
        apiKey: z.string().trim().min(1).max(500).nullable().optional(),
      })
      .strict(),
  ),
  /** Lists the endpoint's models (or makes a 1-token call) and says plainly what happened. */
  "cloud:test": channel<ConnectionTest>()(empty),
  /** Settings → Privacy proxy (issue #13). */
  "proxy:status": channel<ProxyStatus>()(empty),
  /** Changes and saves the proxy's settings; turning it on starts it now, off stops it. */
  "proxy:configure": channel<ProxyStatus>()(
    z
      .object({
        enabled: z.boolean().optional(),
        port: z.number().int().min(1024).max(65535).optional(),
        baseUrl: z.string().trim().url().max(500).nullable().optional(),
        model: z.string().trim().min(1).max(200).nullable().optional(),
        policy: z.enum(["sanitize", "block", "local", "auto"]).optional(),
      })
      .strict(),
  ),
  /** The audit log: every request that left the device, newest first. */
  "egress:list": channel<EgressRecord[]>()(
    z.object({ conversationId: id.optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
  ),

  /** Private context items; with conversationId, each carries its on/off state there. */
  "context:list": channel<ContextItemSummary[]>()(z.object({ conversationId: id.optional() }).strict()),
  "context:get": channel<ContextItemDetail>()(byId),
  /** A pasted note. Without conversationId it is global (available in every conversation). */
  "context:addText": channel<ContextItemSummary>()(
    z
      .object({
        title: z.string().trim().max(200).optional(),
        text: z.string().min(1).max(5_000_000),
        conversationId: id.optional(),
      })
      .strict(),
  ),
  /** Imports a .txt, .md, .pdf, .docx or .eml file from this computer. */
  "context:addFile": channel<ContextItemSummary>()(
    z
      .object({
        path: z.string().trim().min(1).max(4096),
        title: z.string().trim().max(200).optional(),
        conversationId: id.optional(),
      })
      .strict(),
  ),
  "context:update": channel<ContextItemSummary>()(
    z
      .object({
        id,
        title: z.string().trim().min(1).max(200).optional(),
        text: z.string().min(1).max(5_000_000).optional(),
      })
      .strict(),
  ),
  "context:remove": channel<{ removed: true }>()(byId),
  "context:setEnabled": channel<{ enabled: boolean }>()(
    z.object({ conversationId: id, itemId: id, enabled: z.boolean() }).strict(),
  ),
  "profile:get": channel<ProfileData>()(empty),
  "profile:update": channel<ProfileData>()(
    z
      .object({
        name: z.string().max(200),
        city: z.string().max(200),
        job: z.string().max(200),
        family: z.array(z.object({ name: z.string().min(1).max(200), relation: z.string().max(200) }).strict()).max(50),
        healthNotes: z.string().max(20_000),
        alwaysPrivate: z.array(z.string().min(1).max(200)).max(500),
        freeText: z.string().max(20_000),
      })
      .strict(),
  ),

  /** One conversation as a Markdown transcript or a Tandem JSON file; with `path`, written there. */
  "data:exportConversation": channel<ExportedFile>()(
    z.object({ conversationId: id, format: z.enum(["md", "json"]), path: filePath.optional() }).strict(),
  ),
  /** Everything but API keys and machine paths, as one JSON file; a passphrase encrypts it (scrypt + AES-256-GCM). */
  "data:exportAll": channel<ExportedFile>()(
    z.object({ passphrase: newPassphrase.optional(), path: filePath.optional() }).strict(),
  ),
  /** A Tandem export (merged by id), a ChatGPT conversations.json or a Markdown transcript; all or nothing. */
  "data:import": channel<ImportSummary>()(
    z.object({ path: filePath, passphrase: z.string().min(1).max(1024).optional() }).strict(),
  ),
  /** "Delete all my data": database, vault, audit log, models list, keys (and optionally the data folder's model files). */
  "data:wipe": channel<WipeSummary>()(
    z.object({ confirm: z.literal("DELETE"), deleteModels: z.boolean().optional() }).strict(),
  ),
} as const;

export type Channel = keyof typeof CHANNELS;
export type RequestOf<C extends Channel> = z.input<(typeof CHANNELS)[C]["request"]>;
export type ReplyOf<C extends Channel> = NonNullable<(typeof CHANNELS)[C]["__reply"]>;
export const CHANNEL_NAMES = Object.keys(CHANNELS) as Channel[];

/**
 * The shape every host offers the renderer: one method per channel, grouped by domain
 * (`api.chat.send(...)`), each returning the plain-data Result. Built from `CHANNELS` by
 * `buildApi` — never a generic `invoke(channel, …)`.
 */
type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string> = C extends `${string}:${infer V}` ? V : never;
export type TandemApi = {
  [D in DomainOf<Channel>]: {
    [C in Channel as DomainOf<C> extends D ? VerbOf<C> : never]: (request: RequestOf<C>) => Promise<Result<ReplyOf<C>>>;
  };
};

/** Builds the per-domain object from one transport function (IPC, HTTP, or in-process). */
export function buildApi(call: (channel: Channel, request: unknown) => Promise<Result<unknown>>): TandemApi {
  const api: Record<string, Record<string, (request: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of CHANNEL_NAMES) {
    const [domain, verb] = name.split(":") as [string, string];
    (api[domain] ??= {})[verb] = (request: unknown) => call(name, request ?? {});
  }
  return api as unknown as TandemApi;
}

/** Validates an incoming payload against its channel's schema. Hosts call this first. */
export function parseRequest<C extends Channel>(
  channelName: C,
  payload: unknown,
): Result<z.output<(typeof CHANNELS)[C]["request"]>> {
  const parsed = CHANNELS[channelName].request.safeParse(payload);
  if (parsed.success) return { ok: true, value: parsed.data as z.output<(typeof CHANNELS)[C]["request"]> };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at "${issue.path.join(".")}"` : "";
  const tooBig = parsed.error.issues.some((i) => i.code === "too_big" && i.path.includes("text"));
  return {
    ok: false,
    error: tooBig
      ? {
          code: "too_large",
          message: `That message is too long (more than ${MAX_MESSAGE_CHARS.toLocaleString("en")} characters). Attach it as a document or split it.`,
        }
      : {
          code: "invalid_request",
          message: `Invalid request for ${channelName}${where}: ${issue?.message ?? "malformed payload"}`,
        },
  };
}

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(CHANNELS, name);
}

/**
 * Events the back end pushes: declared beside the plain data types they carry (types.ts), part
 * of this contract. Electron sends each on `EVENT_CHANNEL`; the browser host streams each as one
 * SSE `data:` line on `GET EVENT_STREAM_PATH`.
 */
export type { ChatEvent };

/** The one IPC channel main uses to push `ChatEvent`s to the window. */
export const EVENT_CHANNEL = "tandem:event";

/** The browser host's event stream (server-sent events, token in `Authorization`). */
export const EVENT_STREAM_PATH = "/api/events";

/**
 * The one narrow object the Electron preload exposes as `window.tandem` (contextBridge): `api`
 * has one method per channel, built by `buildApi` — there is no generic `invoke` for a
 * compromised page to abuse — plus the event subscription.
 */
export interface TandemBridge {
  api: TandemApi;
  /** Calls `listener` for every back-end event; returns unsubscribe. */
  onEvent(listener: (event: ChatEvent) => void): () => void;
}
