import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { PrivacyVault, sanitize, VaultStore } from "../../../app/privacy";
import { MIGRATIONS } from "../../../app/store/migrations";

describe("PrivacyVault", () => {
  it("gives one placeholder per value, numbered per type, stable across messages", () => {
    const vault = new PrivacyVault("c");
    expect(vault.placeholderFor("Anna Weber", "PERSON")).toBe("[PERSON_1]");
    expect(vault.placeholderFor("anna@example.com", "EMAIL")).toBe("[EMAIL_1]");
    expect(vault.placeholderFor("Ben Roth", "PERSON")).toBe("[PERSON_2]");
    expect(vault.placeholderFor("Anna Weber", "PERSON")).toBe("[PERSON_1]");
  });

  it("maps titles, name parts, possessives and case variants to the same person", () => {
    const vault = new PrivacyVault("c");
    const p = vault.placeholderFor("Mr. Gary Thompson", "PERSON");
    for (const variant of ["Gary Thompson", "Gary", "Thompson", "Thompson's", "THOMPSON", "thompson"]) {
      expect(vault.placeholderFor(variant, "PERSON")).toBe(p);
    }
  });

  it("keeps a sanitized conversation consistent: a later lowercase surname gets the same placeholder", () => {
    const vault = new PrivacyVault("c");
    const first = sanitize("Dear Mr. Gary Thompson, my rent is late.", vault);
    const later = sanitize("can you ask thompson's office again? and Gary too", vault);
    expect(first.text).toBe("Dear Mr. [PERSON_1], my rent is late.");
    expect(later.text).toBe("can you ask [PERSON_1]'s office again? and [PERSON_1] too");
  });

  it("matches ordinary-word name parts only when capitalized", () => {
    const vault = new PrivacyVault("c");
    sanitize("My colleague Will Harper called.", vault);
    expect(sanitize("Will Harper will call again; Will said so.", vault).text).toBe("[PERSON_1] will call again; [PERSON_1] said so.");
  });
});

describe("VaultStore", () => {
  let db: Database.Database | null = null;
  afterEach(() => {
    db?.close();
    db = null;
  });

  function openDb(): Database.Database {
    db = new Database(":memory:");
    for (const m of MIGRATIONS) db.exec(m.sql);
    return db;
  }

  it("saves and loads a vault so placeholders continue where they stopped", () => {
    const store = new VaultStore(openDb());
    const vault = new PrivacyVault("conv-1");
    sanitize("Dear Anna Weber, call +49 170 1234567.", vault);
    store.save(vault);
    const loaded = store.load("conv-1");
    expect(loaded.entries()).toEqual(vault.entries());
    expect(loaded.placeholderFor("Ben Roth", "PERSON")).toBe("[PERSON_2]");
    expect(sanitize("anna again", loaded).text).toBe("[PERSON_1] again");
  });

  it("keeps conversations apart and deletes one's vault on request", () => {
    const store = new VaultStore(openDb());
    const a = new PrivacyVault("a");
    a.placeholderFor("Anna Weber", "PERSON");
    store.save(a);
    expect(store.load("b").size).toBe(0);
    expect(store.has("a")).toBe(true);
    store.delete("a");
    expect(store.has("a")).toBe(false);
  });

  it("removes a conversation's vault when the conversation is deleted", () => {
    const database = openDb();
    database.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 't', 0, 0)").run();
    const store = new VaultStore(database);
    const vault = new PrivacyVault("c1");
    vault.placeholderFor("Anna Weber", "PERSON");
    store.save(vault);
    database.prepare("DELETE FROM conversations WHERE id = 'c1'").run();
    expect(store.has("c1")).toBe(false);
  });
});
