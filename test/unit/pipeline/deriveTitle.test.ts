import { describe, expect, it } from "vitest";
import { deriveTitle, TITLE_MAX_CHARS, TITLE_MAX_WORDS } from "../../../app/pipeline/deriveTitle";

describe("deriveTitle", () => {
  it("uses a short question as it is", () => {
    expect(deriveTitle("How do I sort a list in Python?")).toBe("How do I sort a list in Python?");
  });

  it("reads past the first full stop and drops the message's final period", () => {
    expect(deriveTitle("Please summarize this article. It is long.")).toBe("Please summarize this article. It is long");
  });

  it("does not stop at an abbreviation such as Mr. (issue 12: two conversations titled 'landlord Mr')", () => {
    const title = deriveTitle("Write a letter to my landlord Mr. Smith. The heating has been broken since Monday.");
    expect(title).toBe("Write a letter to my landlord Mr. Smith. The heating has…");
  });

  it("never ends a cut title on an abbreviation", () => {
    expect(deriveTitle("Please draft a short and friendly reminder for my neighbour Dr. Müller about the party")).toBe(
      "Please draft a short and friendly reminder for my neighbour…",
    );
    expect(deriveTitle("Nenne mir ein paar schöne Ausflugsziele im Schwarzwald für Familien, z. B. mit Kindern")).toBe(
      "Nenne mir ein paar schöne Ausflugsziele im Schwarzwald für…",
    );
  });

  it("keeps the dot of an abbreviation that ends the message", () => {
    expect(deriveTitle("Buy milk, eggs, bread etc.")).toBe("Buy milk, eggs, bread etc.");
  });

  it("joins the lines of the message", () => {
    expect(deriveTitle("Plan my week\nMonday: gym\nTuesday: dentist")).toBe(
      "Plan my week Monday: gym Tuesday: dentist",
    );
  });

  it("does not stop at a greeting", () => {
    expect(deriveTitle("Hi! Can you explain closures?")).toBe("Hi! Can you explain closures?");
  });

  it("does not split numbers or abbreviations without a following space", () => {
    expect(deriveTitle("Is Node 20.19 still supported")).toBe("Is Node 20.19 still supported");
  });

  it("removes Markdown: headings, emphasis, inline code, links and list markers", () => {
    expect(deriveTitle("# My **bold** plan")).toBe("My bold plan");
    expect(deriveTitle("Why does `npm ci` fail with [this error](https://example.com)?")).toBe(
      "Why does npm ci fail with this error?",
    );
    expect(deriveTitle("- first item\n- second item")).toBe("first item second item");
    expect(deriveTitle("- [ ] buy milk")).toBe("buy milk");
    expect(deriveTitle("> quoted _text_ here")).toBe("quoted text here");
  });

  it("skips a leading code block in favour of the question after it", () => {
    expect(deriveTitle("```js\nconst x = 1;\n```\nWhat does this do?")).toBe("What does this do?");
  });

  it("falls back to the code when there is nothing else", () => {
    expect(deriveTitle("```\nSELECT 1;\n```")).toBe("SELECT 1;");
  });

  it("collapses whitespace", () => {
    expect(deriveTitle("  lots   of\tspace  ")).toBe("lots of space");
  });

  it(`cuts after ${TITLE_MAX_WORDS} words with an ellipsis`, () => {
    expect(deriveTitle("one two six ten one two six ten one two six ten one two")).toBe(
      "one two six ten one two six ten one two six ten…",
    );
  });

  it(`cuts at a word boundary to stay within ${TITLE_MAX_CHARS} characters`, () => {
    const title = deriveTitle(
      "Supercalifragilistic expialidocious antidisestablishmentarianism pneumonoultramicroscopic words",
    );
    expect(title).toBe("Supercalifragilistic expialidocious…");
    expect([...title].length).toBeLessThanOrEqual(TITLE_MAX_CHARS);
  });

  it("cuts a single enormous word hard", () => {
    const title = deriveTitle("a".repeat(200));
    expect(title).toBe(`${"a".repeat(TITLE_MAX_CHARS - 1)}…`);
  });

  it("counts an emoji as one character", () => {
    expect(deriveTitle("🎉🎉 party plans")).toBe("🎉🎉 party plans");
  });

  it("says New conversation when there is nothing to take a title from", () => {
    for (const text of ["", "   \n\t ", "...", "***", "```\n```"]) expect(deriveTitle(text)).toBe("New conversation");
  });
});
