import type Database from "better-sqlite3";
import { ProfileRepo } from "../context/ProfileRepo";
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  PORTABLE_SETTING_KEYS,
  PortableSettingsSchema,
  type ExportedContextItem,
  type ExportedConversation,
  type ExportedMessage,
  type PortableSettings,
  type TandemExport,
} from "./exportFormat";

export interface CollectOptions {
  /** Only these conversations (in this order). Default: every conversation, oldest first. */
  conversationIds?: string[];
  /** Private context, profile, settings and each conversation's vault. Default true. */
  everything?: boolean;
  /** Default: Date.now(). */
  now?: number;
}

interface ConversationRow {
  id: string;
  title: string;
  mode: ExportedConversation["mode"];
  strategy: string;
  created_at: number;
  updated_at: number;
}
interface MessageRow {
  id: string;
  role: ExportedMessage["role"];
  content: string;
  status: ExportedMessage["status"];
  error: string | null;
  model_id: string | null;
  tokens: number | null;
  tps: number | null;
  ttft_ms: number | null;
  created_at: number;
}
interface VaultRow {
  placeholder: string;
  type: string;
  value: string;
  variants: string;
  origin: "declared" | "context" | "detected";
  capital_only: number;
  created_at: number;
}
interface ItemRow {
  id: string;
  title: string;
  kind: "note" | "document";
  source_name: string | null;
  mime: string | null;
  text: string;
  scope: "global" | "conversation";
  conversation_id: string | null;
  created_at: number;
  updated_at: number;
}

/**
 * Reads the database into an export document. Models and machine-specific settings (active
 * model, threads) are not read at all, so no path can slip in; the API key is not in SQLite.
 * Run inside a read transaction by the caller for a consistent snapshot.
 */
export function collectExport(db: Database.Database, options: CollectOptions = {}): TandemExport {
  const everything = options.everything ?? true;
  const ids =
    options.conversationIds ??
    db.prepare<[], string>("SELECT id FROM conversations ORDER BY created_at, rowid").pluck().all();
  const read = conversationReader(db, everything);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: options.now ?? Date.now(),
    conversations: ids.map(read).filter((c): c is ExportedConversation => c !== null),
    context: everything
      ? { items: readItems(db), toggles: readToggles(db), profile: new ProfileRepo(db).get() }
      : { items: [], toggles: [], profile: null },
    settings: everything ? readSettings(db) : {},
  };
}

function conversationReader(db: Database.Database, withVault: boolean): (id: string) => ExportedConversation | null {
  const conversation = db.prepare<[string], ConversationRow>(
    "SELECT id, title, mode, strategy, created_at, updated_at FROM conversations WHERE id = ?",
  );
  const messages = db.prepare<[string], MessageRow>(
    "SELECT id, role, content, status, error, model_id, tokens, tps, ttft_ms, created_at FROM messages WHERE conversation_id = ? AND chosen = 1 ORDER BY seq",
  );
  const stages = db.prepare<[string], { kind: string; content: string; meta: string | null }>(
    "SELECT kind, content, meta FROM message_stages WHERE message_id = ? ORDER BY rowid",
  );
  const vault = db.prepare<[string], VaultRow>(
    "SELECT placeholder, type, value, variants, origin, capital_only, created_at FROM vault WHERE conversation_id = ? ORDER BY created_at, rowid",
  );
  return (id) => {
    const row = conversation.get(id);
    if (!row) return null;
    return {
      id: row.id,
      title: row.title,
      mode: row.mode,
      strategy: row.strategy === "cloud-outline" ? "cloud-outline" : "sketch-refine",
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      messages: messages.all(id).map((m) => ({
        ...toMessage(m),
        stages: stages.all(m.id).map((s) => ({ kind: s.kind, content: s.content, meta: parseMeta(s.meta) })),
      })),
      vault: withVault ? vault.all(id).map(toVaultEntry) : [],
    };
  };
}

function toMessage(m: MessageRow): Omit<ExportedMessage, "stages"> {
  return {
    id: m.id,
    role: m.role,
    content: m.content,
    status: m.status,
    createdAt: m.created_at,
    stats: m.tokens === null ? null : { tokens: m.tokens, tokensPerSecond: m.tps, timeToFirstTokenMs: m.ttft_ms },
    error: m.error,
    modelId: m.model_id,
  };
}

function toVaultEntry(v: VaultRow): ExportedConversation["vault"][number] {
  const variants = parseJson(v.variants);
  return {
    placeholder: v.placeholder,
    type: v.type,
    value: v.value,
    variants: Array.isArray(variants) ? variants.filter((x): x is string => typeof x === "string") : [],
    origin: v.origin,
    ...(v.capital_only === 1 ? { capitalOnly: true } : {}),
    createdAt: v.created_at,
  };
}

function readItems(db: Database.Database): ExportedContextItem[] {
  const rows = db
    .prepare<[], ItemRow>(
      "SELECT id, title, kind, source_name, mime, text, scope, conversation_id, created_at, updated_at FROM context_items ORDER BY created_at, rowid",
    )
    .all();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    sourceName: r.source_name,
    mime: r.mime,
    text: r.text,
    scope: r.scope,
    conversationId: r.conversation_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

function readToggles(db: Database.Database): TandemExport["context"]["toggles"] {
  const rows = db
    .prepare<[], { conversation_id: string; item_id: string; enabled: number }>(
      "SELECT conversation_id, item_id, enabled FROM conversation_context ORDER BY conversation_id, item_id",
    )
    .all();
  return rows.map((r) => ({ conversationId: r.conversation_id, itemId: r.item_id, enabled: r.enabled === 1 }));
}

/** Only the settings the user changed (rows present), and only the portable ones. */
function readSettings(db: Database.Database): PortableSettings {
  const rows = db.prepare<[], { key: string; value: string }>("SELECT key, value FROM settings").all();
  const picked: Record<string, unknown> = {};
  for (const { key, value } of rows)
    if ((PORTABLE_SETTING_KEYS as string[]).includes(key)) picked[key] = parseJson(value);
  // A value that does not pass (hand-edited, older format) is left out rather than exported broken.
  return Object.fromEntries(
    Object.entries(picked).filter(([k, v]) => PortableSettingsSchema.safeParse({ [k]: v }).success),
  ) as PortableSettings;
}

function parseMeta(meta: string | null): Record<string, unknown> | null {
  const value = meta === null ? null : parseJson(meta);
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
