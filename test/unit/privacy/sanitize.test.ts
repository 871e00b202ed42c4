import { describe, expect, it } from "vitest";
import {
  detect,
  PrivacyVault,
  registerContext,
  sanitize,
  sanitizeParts,
  sanitizeWithModel,
  settleParts,
} from "../../../app/privacy";

describe("sanitize on realistic letters", () => {
  it("replaces every private item in an English letter to a landlord and keeps the request readable", () => {
    const letter = [
      "Dear Mr. Gary Thompson,",
      "I am writing about my flat at 742 Evergreen Terrace, Springfield, IL 62704. The heating has been broken since Monday.",
      "Please call me at (415) 555-2671 or write to jane.doe84@gmail.com. My tenant reference number is TR-448812.",
      "Kind regards,",
      "Jane Doe",
    ].join("\n");
    const { text, replaced } = sanitize(letter, new PrivacyVault("c"));
    for (const secret of ["Thompson", "Evergreen", "62704", "555-2671", "jane.doe84", "TR-448812", "Jane Doe"])
      expect(text).not.toContain(secret);
    expect(text).toContain("The heating has been broken since Monday.");
    expect(replaced.map((r) => r.type)).toEqual(["PERSON", "ADDRESS", "PHONE", "EMAIL", "ID", "PERSON"]);
  });

  it("replaces every private item in a German letter to a bank", () => {
    const letter =
      "Sehr geehrte Frau Schneider,\nbitte überweisen Sie die Erstattung auf mein Konto DE89 3704 0044 0532 0130 00. " +
      "Ich wohne seit März in der Lindenallee 12, 50667 Köln. Meine Kundennummer lautet 4471190.\nMit freundlichen Grüßen\nLukas Hoffmann";
    const { text } = sanitize(letter, new PrivacyVault("c"), { locale: "de-DE" });
    for (const secret of ["Schneider", "DE89", "Lindenallee", "50667", "4471190", "Lukas", "Hoffmann"])
      expect(text).not.toContain(secret);
    expect(text).toContain("bitte überweisen Sie die Erstattung auf mein Konto");
  });

  it("replaces every private item in a French letter to a doctor", () => {
    const letter =
      "Bonjour Docteur Marchand,\nje m'appelle Camille Rousseau, née le 14/02/1988. J'ai 36 ans et je suis enceinte. " +
      "Mon numéro de sécurité sociale est 2 88 02 75 112 345 58. Vous pouvez me joindre au 06 12 34 56 78.\nCordialement,\nCamille Rousseau";
    const { text } = sanitize(letter, new PrivacyVault("c"), { locale: "fr-FR" });
    for (const secret of ["Marchand", "Camille", "Rousseau", "14/02/1988", "36 ans", "enceinte", "2 88 02", "06 12 34"])
      expect(text).not.toContain(secret);
    expect(text).toContain("Vous pouvez me joindre au");
  });

  it("catches names inside e-mail addresses and later mentions of known values", () => {
    const vault = new PrivacyVault("c");
    sanitize("My name is Anna Weber.", vault);
    const { text } = sanitize("Reply to weber.anna@posteo.de or tell anna.", vault);
    expect(text).toBe("Reply to [EMAIL_1] or tell [PERSON_1].");
  });
});

describe("declared and context-derived terms", () => {
  it("keeps the user's always-private terms private, even where no rule would find them", () => {
    const vault = new PrivacyVault("c");
    const { text } = sanitize("the project bluefalcon at acme is late", vault, {
      declaredTerms: [
        { text: "Bluefalcon", type: "OTHER" },
        { text: "ACME", type: "ORG" },
      ],
    });
    expect(text).toBe("the project [OTHER_1] at [ORG_1] is late");
  });

  it("keeps an always-private term private for the whole conversation, though the first message did not contain it", () => {
    const vault = new PrivacyVault("c");
    sanitize("please write a short note", vault, { declaredTerms: [{ text: "Bluefalcon", type: "OTHER" }] });
    // A later text of the same conversation, scanned without the declared list (as the egress gate does).
    expect(sanitize("the project bluefalcon is late", vault).text).toBe("the project [OTHER_1] is late");
    // Stored as the user's own term: a backup of the vault keeps it as "declared".
    expect(vault.entries().map((e) => [e.value, e.origin])).toEqual([["Bluefalcon", "declared"]]);
  });

  it("with the names step off (the CLI's --no-nlp) replaces identifiers and known terms, and leaves names as written", () => {
    const vault = new PrivacyVault("c");
    const text = "Dear Gary Thompson, my card is 4111 1111 1111 1111 and project Bluefalcon is late.";
    const options = { nlp: false, declaredTerms: [{ text: "Bluefalcon", type: "OTHER" as const }] };
    expect(sanitize(text, vault, options).text).toBe(
      "Dear Gary Thompson, my card is [CARD_1] and project [OTHER_1] is late.",
    );
  });

  it("registers items found in the private context so they are caught when they reappear", () => {
    const vault = new PrivacyVault("c");
    const added = registerContext(
      vault,
      "Profile: Anna Weber, lives in Hauptstraße 5, 10115 Berlin, employer: Brandt & Vogel GmbH.",
      { locale: "de-DE" },
    );
    expect(added).toBeGreaterThanOrEqual(3);
    const { text } = sanitize("weber works at brandt & vogel gmbh and lives at hauptstrasse 5", vault);
    expect(text).not.toMatch(/weber|brandt|hauptstrasse/i);
    expect(vault.entries().find((e) => e.value === "Anna Weber")?.origin).toBe("context");
  });
});

describe("placeholders the user typed", () => {
  it("leaves a placeholder-shaped text the vault does not know as typed, and reports only the real replacements", () => {
    const vault = new PrivacyVault("c");
    const { text, replaced } = sanitize("Forward [PERSON_7] the notes and write to anna.weber@posteo.de.", vault);
    expect(text).toBe("Forward [PERSON_7] the notes and write to [EMAIL_1].");
    expect(replaced).toEqual([{ placeholder: "[EMAIL_1]", type: "EMAIL" }]);
  });
});

describe("sanitize's re-check of its own output", () => {
  it("replaces a later lone given name that only the full name, once found, makes private", () => {
    const { text } = sanitize(
      "Will Turner called about the flat. Later, Will said the heating is fixed.",
      new PrivacyVault("c"),
    );
    expect(text).toBe("[PERSON_1] called about the flat. Later, [PERSON_1] said the heating is fixed.");
  });

  it("scans its output again with every step, so the egress gate's scan finds nothing: a word the names rules take for a name only beside a placeholder is replaced too", () => {
    const vault = new PrivacyVault("c");
    // A counterexample of the gate's fixpoint property (gateFixpoint): the first scan finds only
    // "jamie o'connell"; beside "[PERSON_1]" the names rules read "ßÄ" as a name.
    expect(detect("ask jamie o'connell ßÄ", new PrivacyVault("x")).map((d) => d.text)).toEqual(["jamie o'connell"]);
    const { text } = sanitize("ask jamie o'connell ßÄ", vault);
    expect(text).toBe("ask [PERSON_1] [PERSON_2]");
    expect(detect(text, vault)).toEqual([]);
  });

  it("re-checks its output though every item it found was already known: a name the rules read only beside a placeholder is replaced", () => {
    const vault = new PrivacyVault("c");
    expect(sanitize("ask jamie o'connell about it", vault).text).toBe("ask [PERSON_1] about it");
    // "jamie o'connell" is known now, so the first scan adds nothing to the vault; "ßÄ" is found only by the re-check.
    const { text } = sanitize("ask jamie o'connell ßÄ", vault);
    expect(text).toBe("ask [PERSON_1] [PERSON_2]");
    expect(detect(text, vault)).toEqual([]);
  });
});

describe("sanitizeParts (instruction and sketch of one request)", () => {
  it("replaces a name in an earlier part that only a later part shows to be a name", () => {
    const instruction = "Ask Will whether the heating works.";
    // The control: alone, "Will" is an ordinary word.
    expect(sanitize(instruction, new PrivacyVault("x")).text).toBe(instruction);
    const parts = sanitizeParts([instruction, "Dear Will Turner, about the heating."], new PrivacyVault("c"));
    expect(parts.map((p) => p.text)).toEqual([
      "Ask [PERSON_1] whether the heating works.",
      "Dear [PERSON_1], about the heating.",
    ]);
    expect(parts[0]!.replaced).toEqual([{ placeholder: "[PERSON_1]", type: "PERSON" }]);
  });

  it("settles the parts the local model's check returned, which no scan has marked clean yet, with a full re-check", async () => {
    const vault = new PrivacyVault("c");
    const noFinds = { modelPass: async () => [] };
    const checked = [
      await sanitizeWithModel("Ask Will whether the heating works.", vault, noFinds),
      await sanitizeWithModel("Dear Will Turner, about the heating.", vault, noFinds),
    ];
    expect(settleParts(checked, vault).map((p) => p.text)).toEqual([
      "Ask [PERSON_1] whether the heating works.",
      "Dear [PERSON_1], about the heating.",
    ]);
  });
});

describe("sanitizeWithModel", () => {
  it("adds the model's items but only where they are exact substrings of the input", async () => {
    const vault = new PrivacyVault("c");
    const result = await sanitizeWithModel("My sister has lupus and lives in Quxville.", vault, {
      modelPass: async () => [
        { text: "lupus", type: "MEDICAL" },
        { text: "Quxville", type: "LOCATION" },
        { text: "an invented item", type: "OTHER" },
      ],
    });
    expect(result.text).toBe("My sister has [MEDICAL_1] and lives in [LOCATION_1].");
    expect(
      vault
        .entries()
        .map((e) => e.value)
        .sort(),
    ).toEqual(["Quxville", "lupus"]);
  });

  it("runs after the rules: the model reads the rule-sanitized text, never the values the rules replaced", async () => {
    const seen: string[] = [];
    // No cue before "lupus", so the rules leave it to the model ("has lupus" is a rule's find since branch med8).
    const result = await sanitizeWithModel("Dear Anna Weber, my sister's lupus is back.", new PrivacyVault("c"), {
      modelPass: async (text) => {
        seen.push(text);
        return [
          { text: "lupus", type: "MEDICAL" },
          { text: "[PERSON_1]", type: "PERSON" },
        ];
      },
    });
    expect(seen).toEqual(["Dear [PERSON_1], my sister's lupus is back."]);
    expect(result.text).toBe("Dear [PERSON_1], my sister's [MEDICAL_1] is back.");
    expect(result.modelAdded).toEqual([{ placeholder: "[MEDICAL_1]", type: "MEDICAL" }]);
  });

  it("equals sanitize without a model pass", async () => {
    const text = "Dear Anna Weber, call +49 170 1234567.";
    expect((await sanitizeWithModel(text, new PrivacyVault("a"))).text).toBe(
      sanitize(text, new PrivacyVault("b")).text,
    );
  });
});

describe("parseItems (the local model's answer)", () => {
  it("keeps well-formed items, maps unknown types to OTHER and ignores an answer cut short", async () => {
    const { parseItems } = await import("../../../app/privacy");
    expect(
      parseItems(
        '{"items":[{"text":"lupus","type":"MEDICAL"},{"text":"X","type":"WEIRD"},{"text":" ","type":"PERSON"}]}',
      ),
    ).toEqual([
      { text: "lupus", type: "MEDICAL" },
      { text: "X", type: "OTHER" },
    ]);
    expect(parseItems('{"items":[{"text":"lup')).toEqual([]);
  });
});
