import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PrivacyVault, resanitize, sanitize } from "../../../app/privacy";
import { parseScenarios, scenarioLocale, scenarioParts } from "../../../bench/privacy/scenarioSchema";

const SCENARIOS = parseScenarios(
  readFileSync(new URL("../../fixtures/privacy/scenarios.jsonl", import.meta.url), "utf8"),
);
const EN = { locale: "en-US" };

describe("resanitize: an earlier sanitized message brought up to date with the vault", () => {
  it("replaces a name in an earlier message that the vault learnt only from a later one", () => {
    const vault = new PrivacyVault("c");
    const earlier = sanitize("ping zbyszek about it", vault, EN);
    expect(earlier.text).toBe("ping zbyszek about it");
    sanitize("Zbyszek Nowak is my colleague.", vault, EN);
    const now = resanitize(earlier, vault, EN);
    expect(now.text).toBe("ping [PERSON_1] about it");
    expect(now.replaced).toEqual([{ placeholder: "[PERSON_1]", type: "PERSON" }]);
  });

  it("gives every message of every scenario the same text as sanitizing it again from scratch, on the next turn", () => {
    for (const scenario of SCENARIOS) {
      const options = { locale: scenarioLocale(scenario) };
      const parts = scenarioParts(scenario);
      const remembered = new PrivacyVault("remembered");
      const fresh = new PrivacyVault("fresh");
      const firstTurn = parts.map((p) => sanitize(p, remembered, options));
      for (const p of parts) sanitize(p, fresh, options);
      const secondTurn = firstTurn.map((r) => resanitize(r, remembered, options).text);
      expect(secondTurn, scenario.id).toEqual(parts.map((p) => sanitize(p, fresh, options).text));
    }
  });

  it("runs every step again when the locale changed (the names rules depend on it)", () => {
    const vault = new PrivacyVault("c");
    // German capitalizes every noun, so an unknown capitalized word is a name only under English rules.
    const earlier = sanitize("Treffen mit Quastorf morgen.", vault, { locale: "de-DE" });
    expect(earlier.text).toBe("Treffen mit Quastorf morgen.");
    expect(resanitize(earlier, vault, EN).text).toBe("Treffen mit [PERSON_1] morgen.");
  });

  it("registers declared terms first, as sanitize does", () => {
    const vault = new PrivacyVault("c");
    const earlier = sanitize("Say hi to Quillon from me.", vault, { ...EN, nlp: false });
    const again = resanitize(earlier, vault, {
      ...EN,
      nlp: false,
      declaredTerms: [{ text: "Quillon", type: "PERSON" }],
    });
    expect(again.text).not.toContain("Quillon");
    // Stored as the user's own term, as sanitize stores it: the data export lists it as "declared".
    expect(vault.entries().map((e) => [e.value, e.origin])).toEqual([["Quillon", "declared"]]);
  });

  it("re-checks with every step when the locale or the names switch changed since the message was found clean", () => {
    const vault = new PrivacyVault("c");
    const german = sanitize("Ruf mich unter 030 12345678 an.", vault, { locale: "en-US", nlp: false });
    expect(german.text).toBe("Ruf mich unter 030 12345678 an.");
    expect(resanitize(german, vault, { locale: "de", nlp: false }).text).toBe("Ruf mich unter [PHONE_1] an.");
    const name = sanitize("She won't lose Rindy.", vault, { locale: "en-US", nlp: false });
    expect(name.text).toBe("She won't lose Rindy.");
    expect(resanitize(name, vault, { locale: "en-US" }).text).toBe("She won't lose [PERSON_1].");
  }, 60_000); // the tagger's first use loads its lexicon: seconds on a loaded machine
});
