import type Database from "better-sqlite3";
import type { ChunkOptions } from "./chunkText";
import { ContextRepo } from "./ContextRepo";
import { ContextSearch } from "./ContextSearch";
import { contextTermsFor, type ContextTerms } from "./contextTermsFor";
import { importContextFile } from "./importers/importContextFile";
import { ProfileRepo } from "./ProfileRepo";
import { retrieveContext, type RetrievedContext, type RetrieveOptions } from "./retrieveContext";
import type { ContextItem } from "./types";

/**
 * The private-context back end on one SQLite connection: `new ContextService(store.db)`.
 * Everything here stays on the device and is meant for the LOCAL model's prompt only.
 */
export class ContextService {
  readonly items: ContextRepo;
  readonly profile: ProfileRepo;
  private readonly search: ContextSearch;

  constructor(db: Database.Database, options: { chunking?: ChunkOptions } = {}) {
    this.items = new ContextRepo(db, options.chunking);
    this.profile = new ProfileRepo(db);
    this.search = new ContextSearch(db);
  }

  /** Imports a .txt/.md/.pdf/.docx/.eml file as a document item (global unless `conversationId`). */
  async addFile(
    filePath: string,
    options: { title?: string; conversationId?: string | null } = {},
  ): Promise<ContextItem> {
    const doc = await importContextFile(filePath);
    return this.items.add({
      ...doc,
      kind: "document",
      title: options.title?.trim() || doc.title,
      conversationId: options.conversationId ?? null,
    });
  }

  /** The profile and the most relevant passages of the enabled items, within a token budget. */
  retrieveContext(options: RetrieveOptions): RetrievedContext {
    return retrieveContext({ search: this.search, profile: () => this.profile.get() }, options);
  }

  /** What the privacy engine should register as context-derived private terms for a conversation. */
  contextTermsFor(conversationId: string | null): ContextTerms {
    return contextTermsFor(this.profile.get(), this.items.enabledItems(conversationId));
  }
}
