import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { TandemError } from "../contract/errors";
import type { ImportSummary } from "../contract/types";
import { decryptExport, isEncryptedEnvelope } from "./encryptExport";
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  TandemExportSchema,
  type ExportedConversation,
  type TandemExport,
} from "./exportFormat";
import { looksLikeChatGptExport, parseChatGptExport } from "./parseChatGptExport";
import { parseMarkdownTranscript } from "./parseMarkdownTranscript";

export interface ImportLimits {
  /** Checked before reading a byte. Default 200 MiB (years of daily chats are a few dozen MB). */
  maxBytes: number;
  /** Default 100,000. */
  maxConversations: number;
  /** Across all conversations. Default 2,000,000. */
  maxMessages: number;
  /** Default 20,000. */
  maxContextItems: number;
}

export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxBytes: 200 * 1024 * 1024,
  maxConversations: 100_000,
  maxMessages: 2_000_000,
  maxContextItems: 20_000,
});

export interface ImportFile {
  source: ImportSummary["source"];
  data: TandemExport;
}

export interface ReadImportOptions {
  passphrase?: string;
  limits?: Partial<ImportLimits>;
}

/**
 * Reads and fully validates a file to import: a Tandem export (plain or encrypted), a ChatGPT
 * `conversations.json` or a Markdown transcript. Nothing is written here; a file that fails any
 * check (size, format, passphrase, counts) throws before the import touches the database.
 */
export async function readImportFile(path: string, options: ReadImportOptions = {}): Promise<ImportFile> {
  const limits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits };
  await checkSize(path, limits.maxBytes);
  const bytes = await readFile(path).catch((error: unknown) => {
    throw new TandemError("file_error", `Tandem could not read "${basename(path)}". Check its permissions.`, {
      cause: error,
    });
  });
  if (bytes.subarray(0, 4).equals(Buffer.from("PK\x03\x04", "latin1"))) {
    throw new TandemError(
      "import_invalid",
      "This is a .zip archive. Unzip it first, then import the conversations.json inside.",
    );
  }
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  return parseImportText(text, basename(path, extname(path)), { ...options, limits });
}

/** The same checks on text already in memory (tests, and hosts that receive the file itself). */
export async function parseImportText(
  text: string,
  name: string,
  options: ReadImportOptions = {},
): Promise<ImportFile> {
  const limits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits };
  let value = parseJson(text);
  if (isEncryptedEnvelope(value))
    value =
      parseJson(await decryptExport(value, options.passphrase)) ?? invalid("The decrypted export is not valid JSON.");
  const file = identify(value, text, name);
  checkCounts(file.data, limits);
  return file;
}

function identify(value: unknown, text: string, name: string): ImportFile {
  if (isTandemExport(value)) return { source: "tandem", data: validateTandemExport(value) };
  if (looksLikeChatGptExport(value)) return { source: "chatgpt", data: wrap(parseChatGptExport(value)) };
  if (value === undefined && /^\s*[[{]/.test(text))
    invalid("This file looks like JSON but cannot be read: it is damaged or was cut off.");
  if (value === undefined) {
    const conversation = parseMarkdownTranscript(text, name || "Imported transcript");
    if (conversation) return { source: "markdown", data: wrap([conversation]) };
  }
  return invalid(
    "This file is not a Tandem export, a ChatGPT conversations.json or a Markdown transcript with “## User” / “## Assistant” headings.",
  );
}

function isTandemExport(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && (value as { format?: unknown }).format === EXPORT_FORMAT;
}

function validateTandemExport(value: Record<string, unknown>): TandemExport {
  if (typeof value.version === "number" && value.version > EXPORT_VERSION) {
    invalid(
      `This export was made by a newer Tandem (format version ${value.version}). Update Tandem, then import it again.`,
    );
  }
  const parsed = TandemExportSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at "${issue.path.join(".")}"` : "";
  return invalid(`This Tandem export is damaged${where}: ${issue?.message ?? "unknown problem"}.`);
}

function wrap(conversations: ExportedConversation[]): TandemExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: Date.now(),
    conversations,
    context: { items: [], toggles: [], profile: null },
    settings: {},
  };
}

function checkCounts(data: TandemExport, limits: ImportLimits): void {
  const messages = data.conversations.reduce((sum, c) => sum + c.messages.length, 0);
  const over = (what: string, count: number, max: number) => {
    if (count > max)
      throw new TandemError(
        "too_large",
        `This file has ${count.toLocaleString("en")} ${what}; Tandem imports at most ${max.toLocaleString("en")} at once. Nothing was imported.`,
      );
  };
  over("conversations", data.conversations.length, limits.maxConversations);
  over("messages", messages, limits.maxMessages);
  over("context items", data.context.items.length, limits.maxContextItems);
}

async function checkSize(path: string, maxBytes: number): Promise<void> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    const reason = error.code === "ENOENT" ? "There is no file at that path" : "Tandem cannot open that file";
    throw new TandemError(
      "file_error",
      `${reason}: "${basename(path)}". Check the path (a full path, e.g. /home/you/Downloads/conversations.json).`,
      { cause: error },
    );
  });
  if (!info.isFile())
    throw new TandemError("file_error", `"${basename(path)}" is a folder, not a file. Pick the export file inside it.`);
  if (info.size > maxBytes) {
    const mb = (n: number) => `${Math.round(n / (1024 * 1024)).toLocaleString("en")} MB`;
    throw new TandemError(
      "too_large",
      `"${basename(path)}" is ${mb(info.size)}; Tandem imports files up to ${mb(maxBytes)}. Nothing was imported.`,
    );
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function invalid(message: string): never {
  throw new TandemError("import_invalid", `${message} Nothing was imported.`);
}
