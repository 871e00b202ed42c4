import { describe, expect, it } from "vitest";
import { detect, PrivacyVault, registerContext, sanitize } from "../../../../app/privacy";
import { isPublicOffice, isPublicOfficeHead } from "../../../../app/privacy/names/publicOffice";
import { tokenize } from "../../../../app/privacy/names/nameTokens";

const typed = (text: string, locale: string) =>
  detect(text, new PrivacyVault("t"), { locale }).map((d) => [d.type, d.text]);
const office = (name: string) => isPublicOffice(tokenize(name));

describe("public offices: an institution head plus places or its remit (issue 11, retention)", () => {
  it("knows the heads of public offices in English, German and French, and not those of schools, banks or firms", () => {
    for (const head of ["finanzamt", "standesamt", "jobcenter", "krankenkasse", "bundesagentur", "caisse", "agence"])
      expect(isPublicOfficeHead(head), head).toBe(true);
    for (const head of ["sparkasse", "schule", "praxis", "ecole", "bank", "gmbh"])
      expect(isPublicOfficeHead(head), head).toBe(false);
  });

  it("reads a head with place names or with its remit after a connector as a public office", () => {
    expect(office("Finanzamt Heidelberg")).toBe(true);
    expect(office("Bundesagentur für Arbeit")).toBe(true);
    expect(office("Familienkasse der Bundesagentur für Arbeit")).toBe(true);
    expect(office("Department of Labor")).toBe(true);
  });

  it("does not read a head with an unknown word, a name or an everyday word before it as a public office", () => {
    expect(office("Sparkasse KölnBonn")).toBe(false);
    expect(office("Castlebrook Borough Council")).toBe(false);
    expect(office("Finanzamt Müller")).toBe(false);
    expect(office("Federal Employment Agency")).toBe(false);
  });

  it("keeps the office readable and replaces only its place", () => {
    expect(typed("Nachzahlung beim Finanzamt Heidelberg bis Mai.", "de-DE")).toEqual([["LOCATION", "Heidelberg"]]);
    expect(typed("Schreib einen Brief an die Familienkasse der Bundesagentur für Arbeit.", "de-DE")).toEqual([]);
    const vault = new PrivacyVault("t");
    registerContext(vault, "Nachzahlung beim Finanzamt Heidelberg: 1.240 Euro.", { locale: "de-DE" });
    expect(sanitize("Das Finanzamt braucht die Steuererklärung.", vault, { locale: "de-DE" }).text).toBe(
      "Das Finanzamt braucht die Steuererklärung.",
    );
  });

  it("makes the whole office the user's when the text ties it to them", () => {
    expect(typed("Ich arbeite beim Finanzamt Heidelberg als Sachbearbeiterin.", "de-DE")).toEqual([
      ["ORG", "Finanzamt Heidelberg"],
    ]);
    // Near miss: a bank with a name stays the user's bank, tie or not.
    expect(typed("Mein Konto ist bei der Sparkasse KölnBonn.", "de-DE")).toContainEqual(["ORG", "Sparkasse KölnBonn"]);
  });
});
