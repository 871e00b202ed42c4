import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Result } from "../../../app/contract/errors";
import { Store } from "../../../app/store/Store";
import { createHost, DB_FILE } from "../../../main/host/createHost";
import type { Host } from "../../../main/host/Host";
import { dataKey } from "../../helpers/dataKey";

const KEY = "sk-proj-Zq7vW3xT9kLmN4pR8sY2bC6d";

/** Every row of every table, as text (the database decrypted with its key). */
function dumpDatabase(dataDir: string): string {
  const store = Store.open(join(dataDir, DB_FILE), { key: dataKey(dataDir) });
  try {
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{
      name: string;
    }>;
    return tables.map(({ name }) => JSON.stringify(store.db.prepare(`SELECT * FROM "${name}"`).all())).join("\n");
  } finally {
    store.close();
  }
}

/** README, Cloud set-up: the key "is never written to the database or the logs". */
describe("the cloud API key", () => {
  let dataDir: string;
  let host: Host;
  const logLines: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "tandem-key-"));
    const previous = process.env.TANDEM_LOG_LEVEL;
    process.env.TANDEM_LOG_LEVEL = "debug";
    const write = process.stderr.write.bind(process.stderr);
    // The host logs to stderr: keep what it writes during set-up and use.
    process.stderr.write = ((chunk: string | Uint8Array) => {
      logLines.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      host = await createHost({ dataDir, kind: "cli", gpu: false });
      const configured = (await host.handle("cloud:configure", {
        baseUrl: "http://127.0.0.1:9/v1",
        model: "test-model",
        apiKey: KEY,
      })) as Result<unknown>;
      expect(configured.ok).toBe(true);
      await host.handle("cloud:test", {});
      await host.close();
    } finally {
      process.stderr.write = write;
      if (previous === undefined) delete process.env.TANDEM_LOG_LEVEL;
      else process.env.TANDEM_LOG_LEVEL = previous;
    }
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("is in no table of the database, though the endpoint it belongs to is", () => {
    const dump = dumpDatabase(dataDir);
    expect(dump).toContain("http://127.0.0.1:9/v1");
    expect(dump).not.toContain(KEY);
    expect(dump).not.toContain(KEY.slice(8));
  });

  it("is in no log line, though the host logged at debug level", () => {
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join("")).not.toContain(KEY.slice(8));
  });
});
