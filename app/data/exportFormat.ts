/**
 * The Tandem export file, version 1: the user's conversations (messages, stages, vault), private
 * context and portable settings as one JSON document. Never API keys, never machine paths: models
 * are left out (their registry is paths), and so are the machine-specific settings.
 *
 * The schema is also the import's first line of defence: every field has a bound, so a hostile
 * or broken file is refused before anything is written.
 */
import { z } from "zod";
import { MAX_TEXT_CHARS } from "../context/ContextRepo";
import { ProfileSchema } from "../context/Profile";

export const EXPORT_FORMAT = "tandem-export";
export const EXPORT_VERSION = 1;

const id = z.string().min(1).max(100);
/** Milliseconds since the epoch (JavaScript's Date range). */
const time = z.number().int().min(0).max(8.64e15);
const text = z.string().max(MAX_TEXT_CHARS);
const json = z.record(z.string(), z.unknown());

export const StageSchema = z.object({
  /** Free text, not an enum: a newer Tandem may record stages this one does not know. */
  kind: z.string().min(1).max(50),
  content: text,
  meta: json.nullable(),
});

export const MessageSchema = z.object({
  id,
  role: z.enum(["user", "assistant", "system"]),
  content: text,
  status: z.enum(["streaming", "done", "stopped", "interrupted", "error"]),
  createdAt: time,
  stats: z
    .object({
      tokens: z.number().int().min(0),
      tokensPerSecond: z.number().nullable(),
      timeToFirstTokenMs: z.number().nullable(),
    })
    .nullable(),
  error: z.string().max(10_000).nullable(),
  modelId: id.nullable(),
  stages: z.array(StageSchema).max(50).default([]),
});

export const VaultEntrySchema = z.object({
  placeholder: z.string().min(1).max(200),
  type: z.string().min(1).max(50),
  value: z.string().max(10_000),
  variants: z.array(z.string().max(10_000)).max(1_000),
  origin: z.enum(["declared", "context", "detected"]),
  /** Matched only where written with a capital (issue #16, round 9); absent in older exports = any case. */
  capitalOnly: z.boolean().optional(),
  createdAt: time,
});

export const ConversationSchema = z.object({
  id,
  title: z.string().trim().min(1).max(500),
  mode: z.enum(["private", "hybrid", "cloud", "auto"]),
  strategy: z.enum(["sketch-refine", "cloud-outline"]).default("sketch-refine"),
  createdAt: time,
  updatedAt: time,
  messages: z.array(MessageSchema),
  /** The conversation's placeholder ↔ value pairs (so its stages keep making sense). */
  vault: z.array(VaultEntrySchema).default([]),
});

export const ContextItemSchema = z
  .object({
    id,
    title: z.string().trim().min(1).max(500),
    kind: z.enum(["note", "document"]),
    /** A file name, never a path (as stored). */
    sourceName: z.string().max(500).nullable(),
    mime: z.string().max(200).nullable(),
    text: text.min(1),
    scope: z.enum(["global", "conversation"]),
    conversationId: id.nullable(),
    createdAt: time,
    updatedAt: time,
  })
  .refine((item) => (item.scope === "global") === (item.conversationId === null), {
    message: "a global item has no conversationId; a conversation item has one",
  });

export const ToggleSchema = z.object({ conversationId: id, itemId: id, enabled: z.boolean() });

/** Settings that mean the same on another computer. Unknown keys (a newer Tandem) are dropped. */
export const PortableSettingsSchema = z
  .object({
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
    cloudBaseUrl: z.string().url().max(500).nullable(),
    cloudModel: z.string().min(1).max(200).nullable(),
    alwaysLocalTopics: z.array(z.string().trim().min(1).max(200)).max(100),
  })
  .partial();

export const PORTABLE_SETTING_KEYS = Object.keys(PortableSettingsSchema.shape) as Array<keyof PortableSettings>;

export const TandemExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: time,
  conversations: z.array(ConversationSchema),
  context: z
    .object({
      items: z.array(ContextItemSchema).default([]),
      toggles: z.array(ToggleSchema).default([]),
      profile: ProfileSchema.nullable().default(null),
    })
    .default({ items: [], toggles: [], profile: null }),
  settings: PortableSettingsSchema.default({}),
});

export type TandemExport = z.output<typeof TandemExportSchema>;
export type ExportedConversation = z.output<typeof ConversationSchema>;
export type ExportedMessage = z.output<typeof MessageSchema>;
export type ExportedContextItem = z.output<typeof ContextItemSchema>;
export type PortableSettings = z.output<typeof PortableSettingsSchema>;
