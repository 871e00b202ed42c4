import type Database from "better-sqlite3";
import { TandemError } from "../contract/errors";
import type { ExportedFile } from "../contract/types";
import { collectExport } from "./collectExport";
import { conversationToMarkdown } from "./conversationToMarkdown";
import { encryptExport } from "./encryptExport";

/** An export's text and its suggested name, before the host returns it or writes it to a file. */
export type ExportContent = Omit<ExportedFile, "path" | "content"> & { content: string };

/**
 * Everything (conversations with stages and vaults, context, profile, portable settings) as one
 * JSON file; with a passphrase, encrypted. Read in one transaction: a consistent snapshot even
 * while an answer is being written.
 */
export async function exportAll(
  db: Database.Database,
  options: { passphrase?: string; now?: number } = {},
): Promise<ExportContent> {
  const now = options.now ?? Date.now();
  const data = db.transaction(() => collectExport(db, { now }))();
  const json = JSON.stringify(data, null, 1);
  const content = options.passphrase ? await encryptExport(json, options.passphrase) : json;
  const date = new Date(now).toISOString().slice(0, 10);
  return {
    fileName: options.passphrase ? `tandem-export-${date}.encrypted.json` : `tandem-export-${date}.json`,
    mime: "application/json",
    content,
    bytes: Buffer.byteLength(content, "utf8"),
    conversations: data.conversations.length,
    encrypted: Boolean(options.passphrase),
  };
}

/**
 * One conversation: Markdown (what the user saw) or a Tandem JSON file with its messages and
 * stages — importable again, but without the vault or private context (this file is the kind
 * people share).
 */
export function exportConversation(
  db: Database.Database,
  conversationId: string,
  format: "md" | "json",
  options: { now?: number } = {},
): ExportContent {
  const data = db.transaction(() =>
    collectExport(db, { conversationIds: [conversationId], everything: false, now: options.now }),
  )();
  const conversation = data.conversations[0];
  if (!conversation)
    throw new TandemError("not_found", "This conversation no longer exists. It may have been deleted.");
  const content = format === "md" ? conversationToMarkdown(conversation) : JSON.stringify(data, null, 1);
  return {
    fileName: `${slug(conversation.title)}.${format}`,
    mime: format === "md" ? "text/markdown" : "application/json",
    content,
    bytes: Buffer.byteLength(content, "utf8"),
    conversations: 1,
    encrypted: false,
  };
}

/** A file name from a title: letters, digits and dashes, at most 60 characters. */
function slug(title: string): string {
  const clean = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return clean || "conversation";
}
