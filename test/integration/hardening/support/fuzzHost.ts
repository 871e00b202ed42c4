import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Result } from "../../../../app/contract/errors";
import type { ConversationDetail, ConversationSummary } from "../../../../app/contract/types";
import { Store } from "../../../../app/store/Store";
import { dataKey } from "../../../helpers/dataKey";
import { createHost, DB_FILE } from "../../../../main/host/createHost";
import type { Host } from "../../../../main/host/Host";

/** Longest any single call may take before the fuzz test calls it a hang. */
export const CALL_LIMIT_MS = 5_000;

export async function bounded<T>(what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>(
    (_, reject) =>
      (timer = setTimeout(() => reject(new Error(`hang: ${what} took over ${CALL_LIMIT_MS} ms`)), CALL_LIMIT_MS)),
  );
  try {
    return await Promise.race([promise, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** A host on a temp dir, offline (so nothing a fuzzed payload unlocks can reach the network), with data to check afterwards. */
export async function openFuzzHost(): Promise<{ dir: string; host: Host; seeded: ConversationDetail; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), "tandem-fuzz-"));
  const host = await createHost({ dataDir: join(dir, "data"), kind: "web", gpu: false, quiet: true });
  const value = async <T>(result: Promise<Result<unknown>>) => {
    const r = await result;
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  await value(host.handle("settings:update", { offline: true }));
  const conversation = await value<ConversationSummary>(host.handle("conversations:create", {}));
  await value(host.handle("conversations:rename", { id: conversation.id, title: "Seeded before the fuzz" }));
  await value(host.handle("context:addText", { title: "Seeded note", text: "Kept across the fuzz." }));
  const seeded = await value<ConversationDetail>(host.handle("conversations:get", { id: conversation.id }));
  return { dir, host, seeded, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** SQLite's own check of the closed store's file. */
export function integrityOf(dir: string): string {
  const store = Store.open(join(dir, "data", DB_FILE), { key: dataKey(join(dir, "data")) });
  try {
    return (store.db.pragma("integrity_check") as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join("; ");
  } finally {
    store.close();
  }
}

/** A rejection must be typed (a known code other than "internal") and say something. */
export function describeBadReply(result: unknown): string | null {
  if (typeof result !== "object" || result === null || !("ok" in result))
    return `not a Result: ${String(result).slice(0, 100)}`;
  const r = result as Result<unknown>;
  if (r.ok) return null;
  if (r.error.code === "internal") return `internal error: ${r.error.message.slice(0, 300)}`;
  if (typeof r.error.message !== "string" || r.error.message.length === 0)
    return `error ${r.error.code} without a message`;
  return null;
}
