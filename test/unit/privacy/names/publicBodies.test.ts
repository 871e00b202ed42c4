import { describe, expect, it } from "vitest";
import { detect, PrivacyVault, registerContext, sanitize } from "../../../../app/privacy";
import { isPublicBodyName, publicBodies } from "../../../../app/privacy/names/publicBodies";

const typed = (text: string, locale = "en-US") =>
  detect(text, new PrivacyVault("t"), { locale }).map((d) => [d.type, d.text]);

describe("public bodies from WordNet (issue 11, retention)", () => {
  it("knows government agencies, departments and social-insurance programmes by the names WordNet gives them", () => {
    for (const name of ["FEMA", "SSA", "IRS", "CDC", "Medicare", "Medicaid", "Social Security Administration"])
      expect(isPublicBodyName(name), name).toBe(true);
    expect(isPublicBodyName("internal revenue service")).toBe(true);
    // Heads of public offices come from the same roots.
    for (const head of ["agency", "department", "council", "bureau", "commission", "tribunal"])
      expect(publicBodies().heads.has(head), head).toBe(true);
  });

  it("does not take everyday words, a currency code, an armed service or a room for a public body", () => {
    // "Who" is a word, "WHO" the organisation; "Justice" and "Labor" are WordNet's departments but everyday words.
    expect(isPublicBodyName("Who")).toBe(false);
    expect(isPublicBodyName("Justice")).toBe(false);
    expect(isPublicBodyName("INR")).toBe(false); // the rupee
    // Where someone serves is like an employer: the armed services are left to the other rules.
    expect(isPublicBodyName("US Air Force")).toBe(false);
    expect(isPublicBodyName("USA")).toBe(false);
    expect(publicBodies().heads.has("office")).toBe(false); // a room first
  });

  it("keeps a public body named in passing readable", () => {
    expect(typed("Draft a letter to Medicare about the Part B premium and ask FEMA about the hail damage.")).toEqual(
      [],
    );
    expect(typed("Draft a letter to Medicare about the Part B premium.", "en-US")).toEqual([]);
  });

  it("makes the same public body the user's when the text ties it to them", () => {
    expect(typed("I work for FEMA as a claims adjuster.")).toEqual([["ORG", "FEMA"]]);
    expect(typed("I work at Medicare in the Baltimore office.")).toContainEqual(["ORG", "Medicare"]);
  });

  it("does not register a public body from the private context, so the request keeps it", () => {
    const vault = new PrivacyVault("t");
    registerContext(vault, "Medicare card: MBI 3HT7-RW2-KP41. FEMA sent an inspector in May.", { locale: "en-US" });
    const out = sanitize("Write to Medicare and FEMA about my claim.", vault, { locale: "en-US" }).text;
    expect(out).toBe("Write to Medicare and FEMA about my claim.");
  });
});
