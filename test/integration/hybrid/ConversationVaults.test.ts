import { describe, expect, it } from "vitest";
import { ConversationVaults } from "../../../app/pipeline/hybrid/ConversationVaults";
import { VaultStore, type PrivateTerm } from "../../../app/privacy";
import { useTempStores } from "../../helpers/tempStore";

describe("ConversationVaults", () => {
  const stores = useTempStores();
  const context = {
    terms: [{ text: "Rose Baker", type: "PERSON" }] as PrivateTerm[],
    texts: ["Tenancy signed with Derek Pollard, rose.baker@example.org."],
  };

  it("registers the private context as context-derived terms and keeps them once saved", () => {
    const store = stores.open();
    const vaults = new ConversationVaults(store.db);
    const conversation = store.conversations.create({ mode: "hybrid" });
    const vault = vaults.load(conversation.id, () => context, "en-GB");
    expect(vault.find("Rose Baker")?.origin).toBe("context");
    expect(vault.find("rose.baker@example.org")?.type).toBe("EMAIL");
    vaults.save(vault);
    const stored = new VaultStore(store.db).load(conversation.id);
    expect(stored.find("Rose Baker")?.placeholder).toBe(vault.find("Rose Baker")?.placeholder);
  });

  it("skips re-scanning unchanged context, but scans again when it changed or the saved vault lost it", () => {
    const store = stores.open();
    const vaults = new ConversationVaults(store.db);
    const id = store.conversations.create({ mode: "hybrid" }).id;
    let calls = 0;
    const terms = (current: typeof context) => () => (calls++, current);
    vaults.save(vaults.load(id, terms(context), "en-GB"));
    const again = vaults.load(id, terms(context), "en-GB");
    expect(again.find("rose.baker@example.org")).toBeDefined();
    const changed = vaults.load(id, terms({ ...context, texts: [...context.texts, "Call Hope Whitfield."] }), "en-GB");
    expect(changed.find("Hope Whitfield")).toBeDefined();
    new VaultStore(store.db).delete(id);
    expect(vaults.load(id, terms(context), "en-GB").find("Rose Baker")).toBeDefined();
    expect(calls).toBe(4);
  });

  it("scans again when only a declared term changed, so a name just added to the profile is private at once", () => {
    const store = stores.open();
    const vaults = new ConversationVaults(store.db);
    const id = store.conversations.create({ mode: "hybrid" }).id;
    vaults.save(vaults.load(id, () => context, "en-GB"));
    const added = {
      ...context,
      terms: [...context.terms, { text: "Bluebell Cottage", type: "LOCATION" }] as PrivateTerm[],
    };
    expect(vaults.load(id, () => added, "en-GB").find("Bluebell Cottage")?.type).toBe("LOCATION");
  });

  it("reuses the saved vault while its rows are unchanged, and reloads it after another writer or unsaved changes", () => {
    const store = stores.open();
    const vaults = new ConversationVaults(store.db);
    const id = store.conversations.create({ mode: "hybrid" }).id;
    const first = vaults.load(id, () => context, "en-GB");
    first.placeholderFor("Rose Baker", "PERSON");
    vaults.save(first);
    expect(vaults.load(id, () => context, "en-GB")).toBe(first);
    // Another writer (the CLI, an import) adds a row: the memo is stale.
    const other = new VaultStore(store.db).load(id);
    other.placeholderFor("Ines Faure", "PERSON");
    new VaultStore(store.db).save(other);
    const fresh = vaults.load(id, () => context, "en-GB");
    expect(fresh).not.toBe(first);
    expect(fresh.find("Ines Faure")?.placeholder).toBe("[PERSON_2]");
    // Changed in memory but never saved (the answer failed before sending): not reused.
    fresh.placeholderFor("Derek Ollard", "PERSON");
    expect(vaults.load(id, () => context, "en-GB").find("Derek Ollard")).toBeUndefined();
  });

  it("without context terms (Cloud mode) loads the vault as stored", () => {
    const store = stores.open();
    const vaults = new ConversationVaults(store.db);
    expect(vaults.load(store.conversations.create({}).id, null, "en-US").size).toBe(0);
  });
});
