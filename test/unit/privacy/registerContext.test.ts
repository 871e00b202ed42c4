import { describe, expect, it } from "vitest";
import { detect, PrivacyVault, registerContext, sanitize } from "../../../app/privacy";
import {
  CLOUD_SYSTEM,
  FILL_INSTRUCTIONS,
  OUTLINE_SYSTEM,
  REFINE_REQUEST,
  REFINE_SYSTEM,
  SKETCH_INSTRUCTIONS,
} from "../../../app/pipeline/hybrid/hybridPrompts";

const CONSTANT_PROMPTS = [
  REFINE_SYSTEM,
  REFINE_REQUEST,
  OUTLINE_SYSTEM,
  CLOUD_SYSTEM,
  SKETCH_INSTRUCTIONS,
  FILL_INSTRUCTIONS,
];

/** Private contexts whose items sit on everyday words: a square, "a number", "ask", "Nummer", "place". */
const CONTEXTS: Array<[locale: string, text: string]> = [
  [
    "en-GB",
    "Address: Flat 2, 7 Albion Square, Bristol BS1 4QA. If I am out, ask for a number at the desk. Mobile +44 7911 123456.",
  ],
  ["en-GB", "Notes: I live on Russell Square in London. Ask Anna Weber about a number of things before Friday."],
  [
    "de-DE",
    "Wohnhaft am Marktplatz 3, 79098 Freiburg. Frag nach einer Nummer, wenn niemand da ist. Tochter: Lea Brandt.",
  ],
  [
    "fr-FR",
    "J'habite 5 place de la République, 75003 Paris. Demander un numéro au gardien. Mon médecin : Dr Claire Morel.",
  ],
];

describe("registering the private context", () => {
  it("never turns an everyday word of the context into a private term", () => {
    for (const [locale, text] of CONTEXTS) {
      const vault = new PrivacyVault("c");
      registerContext(vault, text, { locale });
      // Variants of a name ("Square" of "Russell Square") may be everyday words: the last test shows how they match.
      const registered = vault.entries().map((e) => e.value.toLowerCase());
      for (const word of ["square", "a number", "number", "ask", "nummer", "place", "numero", "numéro"])
        expect(registered).not.toContain(word);
    }
  });

  it("still registers the people, places and identifiers of that context", () => {
    const vault = new PrivacyVault("c");
    registerContext(vault, CONTEXTS[0]?.[1] ?? "", { locale: "en-GB" });
    registerContext(vault, CONTEXTS[1]?.[1] ?? "", { locale: "en-GB" });
    const values = vault.entries().map((e) => e.value);
    expect(values).toEqual(expect.arrayContaining(["+44 7911 123456", "Anna Weber"]));
    expect(values.some((v) => v.includes("Albion Square"))).toBe(true);
    const { text } = sanitize("Please write to anna weber at 7 Albion Square.", vault, { locale: "en-GB" });
    expect(text).not.toMatch(/anna|weber|albion/i);
  });

  it("leaves the app's own constant prompts clean, so the egress gate never blocks them", () => {
    for (const [locale, text] of CONTEXTS) {
      const vault = new PrivacyVault("c");
      registerContext(vault, text, { locale });
      for (const prompt of CONSTANT_PROMPTS) expect(detect(prompt, vault, { locale }).map((d) => d.text)).toEqual([]);
    }
  });

  it("matches an everyday word that is part of a known name only capitalized and mid-sentence", () => {
    const vault = new PrivacyVault("c");
    vault.registerTerms([
      { text: "Albion Square", type: "PERSON" },
      { text: "Rose Baker", type: "PERSON" },
    ]);
    expect(detect(REFINE_SYSTEM, vault).map((d) => d.text)).toEqual([]);
    expect(detect("Square meals matter. Baker street is long.", vault).map((d) => d.text)).toEqual([]);
    expect(detect("I told Baker and then Rose about it.", vault).map((d) => d.text)).toEqual(["Baker", "Rose"]);
  });
});

describe("context-derived terms no recognizer typed", () => {
  it("registers digit strings, codes and rare words of the context, but never years or everyday words", () => {
    const vault = new PrivacyVault("c");
    registerContext(
      vault,
      "Since 2019 I keep bees in the hamlet of Thistlewick. Locker 88213, gym login jdoe84. It is a quiet place.",
      { locale: "en-GB" },
    );
    const values = vault.entries().map((e) => e.value);
    expect(values).toEqual(expect.arrayContaining(["Thistlewick", "88213", "jdoe84"]));
    expect(values).not.toContain("2019");
    const { text } = sanitize("remind me: locker 88213 and thistlewick in 2019, login JDOE84", vault, {
      locale: "en-GB",
    });
    expect(text).not.toMatch(/88213|thistlewick|jdoe84/i);
    expect(text).toContain("2019");
    for (const prompt of CONSTANT_PROMPTS) expect(detect(prompt, vault).map((d) => d.text)).toEqual([]);
  });

  it("registers the rare word of an organisation's name, so it is caught alone and spelled out", () => {
    const vault = new PrivacyVault("c");
    registerContext(vault, "Employer: Castlebrook Analytics Ltd. GP: Larkfield Medical Practice.", { locale: "en-GB" });
    const { text } = sanitize(
      "i left castlebrook in may; ask c.a.s.t.l.e.b.r.o.o.k and L a r k f i e l d about analytics and medical practice",
      vault,
    );
    expect(text).not.toMatch(/castlebrook|c\.a\.s|larkfield|L a r k/i);
    expect(text).toContain("about analytics and medical practice");
  });
});
