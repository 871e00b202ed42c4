import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConversationVaults } from "../../../app/pipeline/hybrid/ConversationVaults";
import { PrivacyVault, VaultStore, type PrivateTerm } from "../../../app/privacy";
import { useTempStores } from "../../helpers/tempStore";

// Counts the context scans: each one registers the profile's terms — the very array the context
// source returned — in the vault (registerConversationContext), and nothing else passes that array. Scanning a large document on every
// message would take seconds, so ConversationVaults promises to scan only when something changed.
// (A spy on the class, not a module mock: the mutation runner shares modules between test files.)
const scans = { count: 0 };
const profileTerms = new WeakSet<object>();
function profile(...terms: PrivateTerm[]): PrivateTerm[] {
  profileTerms.add(terms);
  return terms;
}

describe("ConversationVaults scans a conversation's private context only when it changed", () => {
  const stores = useTempStores();
  const context = {
    terms: profile({ text: "Rose Baker", type: "PERSON" }),
    texts: ["Tenancy signed with Derek Pollard, rose.baker@example.org."],
  };

  beforeEach(() => {
    scans.count = 0;
    const register = PrivacyVault.prototype.registerTerms;
    vi.spyOn(PrivacyVault.prototype, "registerTerms").mockImplementation(function (this: PrivacyVault, ...args) {
      if (profileTerms.has(args[0])) scans.count++;
      return register.apply(this, args);
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("once while the context and the saved vault are unchanged; again after any change to a term, its type, a text or the locale", () => {
    const store = stores.open();
    const vaults = new ConversationVaults(store.db);
    const id = store.conversations.create({ mode: "hybrid" }).id;
    const scanWith = (current: typeof context, locale = "en-GB") => {
      const before = scans.count;
      const vault = vaults.load(id, () => current, locale);
      vaults.save(vault);
      return { scanned: scans.count - before, vault };
    };
    expect(scanWith(context).scanned).toBe(1);
    expect(scanWith(context).scanned).toBe(0);
    expect(scanWith(context).scanned).toBe(0);
    const renamed = { ...context, terms: profile({ text: "Rose Walker", type: "PERSON" }) };
    const afterRename = scanWith(renamed);
    expect(afterRename.scanned).toBe(1);
    expect(afterRename.vault.find("Rose Walker")?.origin).toBe("context");
    const retyped = { ...renamed, terms: profile({ text: "Rose Walker", type: "ORG" }) };
    expect(scanWith(retyped).scanned).toBe(1);
    const untyped = { ...renamed, terms: profile({ text: "Rose Walker" }) };
    expect(scanWith(untyped).scanned).toBe(1);
    expect(scanWith(untyped).scanned).toBe(0);
    expect(scanWith({ ...untyped, texts: ["Call Hope Whitfield."] }).scanned).toBe(1);
    expect(scanWith({ ...untyped, texts: ["Call Hope Whitfield."] }, "de-DE").scanned).toBe(1);
  });

  it("again when the stored vault lost entries since (deleted by another writer), not when it gained some", () => {
    const store = stores.open();
    const vaults = new ConversationVaults(store.db);
    const id = store.conversations.create({ mode: "hybrid" }).id;
    vaults.save(vaults.load(id, () => context, "en-GB"));
    // Another writer adds a row: more than registration left, nothing lost.
    const other = new VaultStore(store.db).load(id);
    other.placeholderFor("Ines Faure", "PERSON");
    new VaultStore(store.db).save(other);
    scans.count = 0;
    vaults.save(vaults.load(id, () => context, "en-GB"));
    expect(scans.count).toBe(0);
    new VaultStore(store.db).delete(id);
    const rebuilt = vaults.load(id, () => context, "en-GB");
    expect(scans.count).toBe(1);
    expect(rebuilt.find("Rose Baker")?.origin).toBe("context");
  });

  it("again when the answer that registered it never saved the vault", () => {
    const store = stores.open();
    const vaults = new ConversationVaults(store.db);
    const id = store.conversations.create({ mode: "hybrid" }).id;
    vaults.load(id, () => context, "en-GB");
    vaults.load(id, () => context, "en-GB");
    expect(scans.count).toBe(2);
  });

  it("keeps the saved vaults of the 16 most recently saved conversations in memory, and loads an older one from the database", () => {
    const store = stores.open();
    const vaults = new ConversationVaults(store.db);
    const saved = Array.from({ length: 17 }, () => {
      const id = store.conversations.create({ mode: "hybrid" }).id;
      const vault = vaults.load(id, null, "en-GB");
      vault.placeholderFor("Rose Baker", "PERSON");
      vaults.save(vault);
      return { id, vault };
    });
    // The first of 17 was dropped; the 16 after it are reused as they are.
    expect(vaults.load(saved[0]!.id, null, "en-GB")).not.toBe(saved[0]!.vault);
    expect(vaults.load(saved[0]!.id, null, "en-GB").find("Rose Baker")?.placeholder).toBe("[PERSON_1]");
    for (const { id, vault } of saved.slice(1)) expect(vaults.load(id, null, "en-GB")).toBe(vault);
  });
});
