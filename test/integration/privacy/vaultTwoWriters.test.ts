import { describe, expect, it } from "vitest";
import { ConversationVaults } from "../../../app/pipeline/hybrid/ConversationVaults";
import { sanitize, VaultConflictError, VaultStore } from "../../../app/privacy";
import { useTempStores } from "../../helpers/tempStore";

/**
 * Two writers on one data folder (the app and `cli proxy`, each with its own connection): the
 * second to save must not keep its own numbering, or "[PERSON_1]" would stand for two people.
 */
describe("one conversation's vault saved by two writers", () => {
  const stores = useTempStores();
  const options = { locale: "en-US" };

  it("refuses the second save, writes nothing of it, and a reload numbers after the first writer's entries", () => {
    const app = new VaultStore(stores.open().db);
    const cli = new VaultStore(stores.open().db);
    const mine = app.load("chat");
    const theirs = cli.load("chat");
    expect(sanitize("Write to Anna Weber.", mine, options).text).toBe("Write to [PERSON_1].");
    expect(sanitize("Write to Gary Thompson.", theirs, options).text).toBe("Write to [PERSON_1].");
    app.save(mine);

    expect(() => cli.save(theirs)).toThrow(VaultConflictError);
    const stored = new VaultStore(stores.open().db).load("chat");
    expect(stored.get("[PERSON_1]")?.value).toBe("Anna Weber");
    expect(stored.find("Gary Thompson")).toBeUndefined();

    const merged = cli.load("chat");
    expect(sanitize("Write to Gary Thompson.", merged, options).text).toBe("Write to [PERSON_2].");
    cli.save(merged);
    const after = app.load("chat");
    expect(after.get("[PERSON_1]")?.value).toBe("Anna Weber");
    expect(after.get("[PERSON_2]")?.value).toBe("Gary Thompson");
  });

  it("lets a writer save again and again while nobody else writes, and an unchanged vault never conflicts", () => {
    const app = new VaultStore(stores.open().db);
    const cli = new VaultStore(stores.open().db);
    const vault = app.load("chat");
    sanitize("Write to Anna Weber.", vault, options);
    app.save(vault);
    sanitize("And to Gary Thompson.", vault, options);
    app.save(vault);
    const idle = cli.load("chat");
    sanitize("Write to Anna Weber.", vault, options);
    sanitize("And to Camille Dubois.", app.load("chat"), options);
    expect(() => cli.save(idle)).not.toThrow();
    expect(cli.load("chat").size).toBe(2);
  });

  it("refuses a save after another writer only numbered a registered term (no row added)", () => {
    const app = new VaultStore(stores.open().db);
    const cli = new VaultStore(stores.open().db);
    const registered = app.load("chat");
    registered.registerTerms([
      { text: "Rose Baker", type: "PERSON" },
      { text: "Derek Ollard", type: "PERSON" },
    ]);
    app.save(registered);
    const mine = app.load("chat");
    const theirs = cli.load("chat");
    expect(sanitize("Ask Derek Ollard.", theirs, options).text).toBe("Ask [PERSON_1].");
    cli.save(theirs);
    expect(sanitize("Ask Rose Baker.", mine, options).text).toBe("Ask [PERSON_1].");
    expect(() => app.save(mine)).toThrow(VaultConflictError);
    expect(sanitize("Ask Rose Baker.", app.load("chat"), options).text).toBe("Ask [PERSON_2].");
  });

  it("does not reuse a kept vault once another writer numbered one of its terms", () => {
    const db = stores.open().db;
    const vaults = new ConversationVaults(db);
    const context = () => ({ terms: [{ text: "Rose Baker", type: "PERSON" as const }], texts: [] });
    vaults.save(vaults.load("chat", context, "en-US"));
    const other = new VaultStore(stores.open().db);
    const theirs = other.load("chat");
    sanitize("Ask Rose Baker.", theirs, options);
    other.save(theirs);

    const mine = vaults.load("chat", context, "en-US");
    expect(mine.get("[PERSON_1]")?.value).toBe("Rose Baker");
    expect(sanitize("Ask Gary Thompson.", mine, options).text).toBe("Ask [PERSON_2].");
    expect(() => vaults.save(mine)).not.toThrow();
  });
});
