import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { sanitize, VaultConflictError, VaultStore } from "../../../app/privacy";
import { MIGRATIONS } from "../../../app/store/migrations";
import { useTempStores } from "../../helpers/tempStore";

describe("migration 007: a version per conversation vault", () => {
  const temp = useTempStores();

  /** A file from before 007 with a two-entry vault. */
  function oldFile() {
    const old = new Database(temp.path("tandem.db"));
    for (const m of MIGRATIONS.filter((m) => m.version < 7)) old.exec(m.sql);
    old.pragma("user_version = 6");
    const insert = old.prepare(
      "INSERT INTO vault (conversation_id, placeholder, type, value, created_at) VALUES ('c1', ?, 'PERSON', ?, 1)",
    );
    insert.run("[PERSON_1]", "Anna Weber");
    insert.run("[PERSON_2]", "Gary Thompson");
    old.close();
  }

  it("keeps an upgraded vault as it was, and a vault loaded before another writer's save cannot overwrite it", () => {
    oldFile();
    const vaults = new VaultStore(temp.open().db);
    expect(vaults.version("c1")).toBeGreaterThan(0);
    const stale = vaults.load("c1");
    expect(stale.get("[PERSON_2]")?.value).toBe("Gary Thompson");

    const fresh = vaults.load("c1");
    expect(sanitize("Write to Camille Dubois.", fresh, { locale: "en-US" }).text).toBe("Write to [PERSON_3].");
    vaults.save(fresh);
    sanitize("Write to Lukas Schneider.", stale, { locale: "en-US" });
    expect(() => vaults.save(stale)).toThrow(VaultConflictError);
    expect(vaults.load("c1").get("[PERSON_3]")?.value).toBe("Camille Dubois");
  });

  it("moves the version when a conversation's vault is deleted, so a vault loaded before is not saved back", () => {
    oldFile();
    const vaults = new VaultStore(temp.open().db);
    const loaded = vaults.load("c1");
    vaults.delete("c1");
    sanitize("Write to Camille Dubois.", loaded, { locale: "en-US" });
    expect(() => vaults.save(loaded)).toThrow(VaultConflictError);
    expect(vaults.has("c1")).toBe(false);
  });
});
