import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AuditLog } from "../../../app/egress/AuditLog";
import { EgressGate } from "../../../app/egress/EgressGate";
import type { OutboundRequest } from "../../../app/egress/OutboundRequest";
import { silentLogger } from "../../../app/logging/Logger";
import { PrivacyVault, sanitize, VaultStore, type SanitizedText } from "../../../app/privacy";
import { MIGRATIONS } from "../../../app/store/migrations";

/**
 * Issue #16, round 9: a word Auto masked because it was capitalised (a guess: "Mint" the company)
 * is registered as matching only where it is written with a capital, so "mint tea" later in the
 * conversation stays readable; the gate still blocks the capitalised form.
 */
describe("vault terms that match only capitalised", () => {
  const dbs: Database.Database[] = [];
  afterEach(() => dbs.splice(0).forEach((db) => db.close()));
  const database = () => {
    const db = new Database(":memory:");
    for (const m of MIGRATIONS) db.exec(m.sql);
    dbs.push(db);
    return db;
  };

  it("replaces the capitalised word anywhere, letter-spaced too, and leaves the lowercase word", () => {
    const vault = new PrivacyVault("c");
    vault.registerTerms([{ text: "Mint", type: "OTHER", capitalOnly: true }], "detected");
    const text = sanitize("Mint sent the invoice; ask MINT or M i n t again, then make mint tea.", vault).text;
    expect(text).toBe("[OTHER_1] sent the invoice; ask [OTHER_1] or [OTHER_1] again, then make mint tea.");
  }, 60_000); // the first sanitize loads the word lists: seconds on a loaded machine

  it("matches in any case when registered without the flag (near miss), and a later plain registration widens it", () => {
    const plain = new PrivacyVault("c");
    plain.registerTerms([{ text: "Mint", type: "OTHER" }], "detected");
    expect(sanitize("make mint tea", plain).text).toBe("make [OTHER_1] tea");
    const widened = new PrivacyVault("d");
    widened.registerTerms([{ text: "Mint", type: "OTHER", capitalOnly: true }], "detected");
    widened.registerTerms([{ text: "mint", type: "OTHER" }], "context");
    expect(sanitize("make mint tea", widened).text).toBe("make [OTHER_1] tea");
  });

  it("keeps the flag through the vault store", () => {
    const db = database();
    const vault = new PrivacyVault("c");
    vault.registerTerms([{ text: "Mint", type: "OTHER", capitalOnly: true }], "detected");
    new VaultStore(db).save(vault);
    const loaded = new VaultStore(db).load("c");
    expect(loaded.entries()).toMatchObject([{ value: "Mint", capitalOnly: true }]);
    expect(sanitize("Mint and mint tea", loaded).text).toBe("[OTHER_1] and mint tea");
  });

  it("lets the gate block a request that still carries the capitalised word, and pass the lowercase word", async () => {
    const db = database();
    const gate = new EgressGate({ audit: new AuditLog(db), isOffline: () => false, logger: silentLogger });
    const vault = new PrivacyVault("c");
    vault.registerTerms([{ text: "Mint", type: "OTHER", capitalOnly: true }], "detected");
    const request = (content: string): OutboundRequest => ({
      conversationId: "c",
      messageId: null,
      endpoint: "http://127.0.0.1:9/v1",
      model: "m",
      messages: [{ role: "user", content: content as SanitizedText }],
      maxTokens: 16,
    });
    const send = vi.fn(async () => "sent");
    const error = await gate.send(request("Tell them that Mint will pay."), vault, send).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("egress_blocked");
    expect(send).not.toHaveBeenCalled();
    await expect(gate.send(request("A recipe for mint tea, please."), vault, send)).resolves.toMatchObject({
      result: "sent",
    });
    expect(send).toHaveBeenCalledTimes(1);
  });
});
