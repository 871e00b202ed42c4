import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { PrivacyVault, restore, sanitize, VaultStore } from "../../../app/privacy";
import { variantsOf } from "../../../app/privacy/PrivacyVault";
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
  }, 60_000); // the first sanitize loads the word lists and the tagger's lexicon: seconds on a loaded machine

  it("numbers registered context terms only when they are first used, in that order", () => {
    const vault = new PrivacyVault("c");
    vault.registerTerms(
      [
        { text: "Derek Pollard", type: "PERSON" },
        { text: "Rose Baker", type: "PERSON" },
        { text: "Ines Faure", type: "PERSON" },
      ],
      "context",
    );
    expect(vault.entries().filter((e) => /^\[/.test(e.placeholder))).toEqual([]);
    expect(sanitize("Please write to Ines Faure.", vault).text).toBe("Please write to [PERSON_1].");
    expect(sanitize("And to Ms Baker, and Ines again.", vault).text).toBe(
      "And to Ms [PERSON_2], and [PERSON_1] again.",
    );
    expect(vault.get("[PERSON_3]")).toBeUndefined();
    expect(restore("[PERSON_2] and [PERSON_1]", vault).text).toBe("Rose Baker and Ines Faure");
  });

  it("registers each value once, whatever its case, and nothing for a term that is only invisible characters", () => {
    const vault = new PrivacyVault("c");
    const terms = [
      { text: "Rose Baker", type: "PERSON" as const },
      { text: "rose baker", type: "PERSON" as const },
      { text: "\u200b\u00ad", type: "OTHER" as const },
    ];
    expect(vault.registerTerms(terms, "context")).toBe(1);
    expect(vault.registerTerms(terms, "context")).toBe(0);
    expect(vault.entries().map((e) => e.value)).toEqual(["Rose Baker"]);
  });

  it("asks to be saved when a registered term gets its number, so the number outlives a restart", () => {
    const vault = new PrivacyVault("c");
    vault.registerTerms([{ text: "Bluefalcon", type: "OTHER" }], "context");
    const [version, revision] = [vault.version, vault.revision];
    expect(vault.placeholderFor("Bluefalcon", "OTHER")).toBe("[OTHER_1]");
    // A change to store (ConversationVaults saves on a new version), not to what is detected.
    expect(vault.version).toBeGreaterThan(version);
    expect(vault.revision).toBe(revision);
  });

  it("knows an organisation without its legal form and an address by its street, but never a part of a number", () => {
    const vault = new PrivacyVault("c");
    const org = vault.placeholderFor("Brandt & Vogel GmbH", "ORG");
    const address = vault.placeholderFor("Hauptstraße 5, 10115 Berlin", "ADDRESS");
    vault.placeholderFor("+49 170 1234567", "PHONE");
    expect(vault.find("Brandt & Vogel")?.placeholder).toBe(org);
    expect(vault.find("Hauptstraße 5")?.placeholder).toBe(address);
    // Only people are known by each part of their name: "Vogel", "Berlin" or "1234567" alone are not these entities.
    for (const part of ["Vogel", "GmbH", "Berlin", "10115", "170", "1234567"]) expect(vault.find(part)).toBeUndefined();
    expect(vault.entries().find((e) => e.type === "PHONE")?.variants).toEqual([]);
  });

  it("knows a person by the name without title and by each part of three letters or more", () => {
    expect(variantsOf("Mr. Gary Thompson", "PERSON")).toEqual(["Gary Thompson", "Gary", "Thompson"]);
    expect(variantsOf("Gary Thompson", "PERSON")).toEqual(["Gary", "Thompson"]);
    expect(variantsOf("Dr. Jo Li", "PERSON")).toEqual(["Jo Li"]);
    expect(variantsOf("Dr.", "PERSON")).toEqual([]);
    expect(variantsOf("Rindy", "PERSON")).toEqual([]);
    expect(variantsOf("Ann Lee", "PERSON")).toEqual(["Ann", "Lee"]);
    expect(variantsOf("Thompson, Gary", "PERSON")).toEqual(["Thompson", "Gary"]);
    expect(variantsOf("Ludwig van Beethoven", "PERSON")).toEqual(["Ludwig", "Beethoven"]);
  });

  it("knows a person typed with two spaces after the title by the full name without title: one placeholder, not one per part", () => {
    const vault = new PrivacyVault("c");
    vault.placeholderFor("Mr.  Gary Thompson", "PERSON");
    expect(sanitize("Gary Thompson called.", vault, { nlp: false }).text).toBe("[PERSON_1] called.");
  });

  it("knows a person by initials written with dots, as the user writes them again ('A.J.' of 'A.J. Thompson')", () => {
    const vault = new PrivacyVault("c");
    vault.placeholderFor("A.J. Thompson", "PERSON");
    expect(sanitize("Ask A.J. about it.", vault, { nlp: false }).text).not.toContain("A.J");
  });

  it("knows an organisation without its legal form when three letters or more remain", () => {
    expect(variantsOf("Brandt & Vogel GmbH", "ORG")).toEqual(["Brandt & Vogel"]);
    expect(variantsOf("Northwind Traders, Inc.", "ORG")).toEqual(["Northwind Traders"]);
    expect(variantsOf("ABC Ltd", "ORG")).toEqual(["ABC"]);
    expect(variantsOf("AB Ltd", "ORG")).toEqual([]);
    expect(variantsOf("Acme", "ORG")).toEqual([]);
  });

  it("knows an address by its first line when that line has a number and a word", () => {
    expect(variantsOf("Hauptstraße 5, 10115 Berlin", "ADDRESS")).toEqual(["Hauptstraße 5"]);
    expect(variantsOf("12 Baker Street\nLondon NW1 6XE", "ADDRESS")).toEqual(["12 Baker Street"]);
    expect(variantsOf("Hauptstraße 5", "ADDRESS")).toEqual([]);
    expect(variantsOf("Elm House, Leeds LS6 2AB", "ADDRESS")).toEqual([]);
    expect(variantsOf("5, 10115 Berlin", "ADDRESS")).toEqual([]);
    expect(variantsOf("5a, 10115 Berlin", "ADDRESS")).toEqual([]);
  });

  it("keeps a shared surname with the first person who had it", () => {
    const vault = new PrivacyVault("c");
    const anna = vault.placeholderFor("Anna Weber", "PERSON");
    const tom = vault.placeholderFor("Tom Weber", "PERSON");
    expect(vault.placeholderFor("Weber", "PERSON")).toBe(anna);
    expect(vault.placeholderFor("Tom", "PERSON")).toBe(tom);
  });

  it("stores a value without the spaces and invisible characters around it, so restore puts back the clean value", () => {
    const vault = new PrivacyVault("c");
    expect(vault.placeholderFor("  Anna Weber\u200b ", "PERSON")).toBe("[PERSON_1]");
    expect(restore("Dear [PERSON_1],", vault).text).toBe("Dear Anna Weber,");
  });

  it("numbers a term registered without a type as OTHER", () => {
    const vault = new PrivacyVault("c");
    vault.registerTerms([{ text: "Bluefalcon" }], "context");
    expect(sanitize("Project Bluefalcon starts.", vault, { nlp: false }).text).toBe("Project [OTHER_1] starts.");
  });

  it("changes its revision and version whenever an entity is added, so cached matchers and stores see it", () => {
    const vault = new PrivacyVault("c");
    const [revision, version] = [vault.revision, vault.version];
    vault.registerTerms([{ text: "Bluefalcon", type: "OTHER" }], "context");
    expect(vault.revision).toBe(revision + 1);
    expect(vault.version).toBe(version + 1);
  });

  it("matches ordinary-word name parts only when capitalized", () => {
    const vault = new PrivacyVault("c");
    sanitize("My colleague Will Harper called.", vault);
    expect(sanitize("Will Harper will call again; Will said so.", vault).text).toBe(
      "[PERSON_1] will call again; [PERSON_1] said so.",
    );
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

  it("persists unsent context terms without a number and renames their row when they are first used", () => {
    const database = openDb();
    const store = new VaultStore(database);
    const vault = new PrivacyVault("conv-1");
    vault.registerTerms(
      [
        { text: "Derek Pollard", type: "PERSON" },
        { text: "Rose Baker", type: "PERSON" },
      ],
      "context",
    );
    store.save(vault);
    const reloaded = store.load("conv-1");
    expect(sanitize("Dear Rose Baker,", reloaded).text).toBe("Dear [PERSON_1],");
    store.save(reloaded);
    const rows = database
      .prepare("SELECT placeholder, value FROM vault WHERE conversation_id = 'conv-1' ORDER BY rowid")
      .all();
    expect(rows).toEqual([
      { placeholder: "unsent:1", value: "Derek Pollard" },
      { placeholder: "[PERSON_1]", value: "Rose Baker" },
    ]);
    const again = store.load("conv-1");
    expect(sanitize("Derek Pollard and Rose Baker", again).text).toBe("[PERSON_2] and [PERSON_1]");
  });

  it("registers new context terms after a restart beside the unsent ones it loaded, and finds them all", () => {
    const store = new VaultStore(openDb());
    const vault = new PrivacyVault("conv-1");
    vault.registerTerms(
      [
        { text: "Derek Pollard", type: "PERSON" },
        { text: "Rose Baker", type: "PERSON" },
      ],
      "context",
    );
    store.save(vault);
    const reloaded = store.load("conv-1");
    expect(reloaded.registerTerms([{ text: "Ines Faure", type: "PERSON" }], "context")).toBe(1);
    expect(reloaded.size).toBe(3);
    expect(sanitize("Ines Faure, Derek Pollard and Rose Baker", reloaded, { nlp: false }).text).toBe(
      "[PERSON_1], [PERSON_2] and [PERSON_3]",
    );
  });

  it("loads a vault saved by an earlier version (context terms numbered at registration) unchanged", () => {
    const database = openDb();
    const insert = database.prepare(
      "INSERT INTO vault (conversation_id, placeholder, type, value, variants, origin, created_at) VALUES ('old', ?, 'PERSON', ?, '[]', 'context', 0)",
    );
    insert.run("[PERSON_1]", "Derek Pollard");
    insert.run("[PERSON_2]", "Rose Baker");
    const vault = new VaultStore(database).load("old");
    expect(
      sanitize("Rose Baker and Ines Faure", vault, {
        nlp: false,
        declaredTerms: [{ text: "Ines Faure", type: "PERSON" }],
      }).text,
    ).toBe("[PERSON_2] and [PERSON_3]");
    expect(restore("[PERSON_1]", vault).text).toBe("Derek Pollard");
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
