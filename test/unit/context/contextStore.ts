import { afterEach } from "vitest";
import { ContextService } from "../../../app/context/ContextService";
import type { ChunkOptions } from "../../../app/context/chunkText";
import { Store } from "../../../app/store/Store";

/** A fresh in-memory store (full schema) with a ContextService per call; all closed after each test. */
export function useContextStore() {
  const opened: Store[] = [];
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
  });
  return (chunking?: ChunkOptions) => {
    const store = Store.openInMemory();
    opened.push(store);
    return { store, context: new ContextService(store.db, { chunking }) };
  };
}

/** FTS5's own consistency check: throws if the index holds rows its content table does not (or vice versa). */
export function checkFtsIntegrity(store: Store): void {
  store.db.prepare("INSERT INTO context_chunks_fts(context_chunks_fts, rank) VALUES ('integrity-check', 1)").run();
}

/** Rows in the FTS index itself (not the content table it reads through). */
export function ftsIndexedRows(store: Store): number {
  return (store.db.prepare("SELECT count(*) AS n FROM context_chunks_fts_docsize").get() as { n: number }).n;
}
