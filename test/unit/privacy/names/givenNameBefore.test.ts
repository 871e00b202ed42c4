import { describe, expect, it } from "vitest";
import { detect, PrivacyVault, registerContext, sanitize } from "../../../../app/privacy";

const people = (text: string, locale = "en-US") =>
  detect(text, new PrivacyVault("t"), { locale })
    .filter((d) => d.type === "PERSON")
    .map((d) => d.text);

describe("a given name that is also a word, right before a surname", () => {
  it("belongs to the name when a surname follows it, even at the start of a line", () => {
    expect(people("Olive Garnier, opératrice chez Renault.", "fr-FR")).toContain("Olive Garnier");
    expect(people("Patience Mensah lives in Leeds and works nights.")).toContain("Patience Mensah");
  });

  it("makes the person answer to the given name alone later in the conversation", () => {
    const vault = new PrivacyVault("t");
    registerContext(vault, "Olive Garnier, opératrice chez Renault à l'usine de Flins.", { locale: "fr-FR" });
    const out = sanitize("Écris au service du personnel. Signe simplement Olive.", vault, { locale: "fr-FR" }).text;
    expect(out).not.toMatch(/Olive/);
  });

  it("leaves the word alone when no surname follows, and keeps everyday words, greetings and month names out of names", () => {
    expect(people("Olive oil and patience are all you need.")).toEqual([]);
    expect(people("The Garnier report is due.").some((p) => p.startsWith("The"))).toBe(false);
    expect(people("On Monday Garnier called again.").some((p) => p.startsWith("Monday"))).toBe(false);
    expect(people("Dear Anna Weber, thank you.")).toEqual(["Anna Weber"]);
    expect(people("Call Anna Weber tomorrow.")).toEqual(["Anna Weber"]);
    expect(people("Liebe Frieda Engel, danke!", "de-DE")).toEqual(["Frieda Engel"]);
  });
});
