import { describe, expect, it } from "vitest";
import { PrivacyVault, sanitize } from "../../../app/privacy";
import { address } from "../../../app/privacy/recognizers/address";
import { secret } from "../../../app/privacy/recognizers/secret";
import { url } from "../../../app/privacy/recognizers/url";
import type { Recognizer } from "../../../app/privacy/recognizers/Recognizer";

/**
 * Some recognizers skip a pattern when the text lacks the part every match of it contains (speed,
 * issue #11). A text that has that part — anywhere in a longer text, with other matches around —
 * must still be found exactly as before.
 */
const CONTEXT = { language: "en", country: "US" };
const FILLER = "We talked about the weekend, the weather and the new schedule for the team. ";

function found(recognize: Recognizer, text: string): string[] {
  return recognize(text, CONTEXT).map((s) => text.slice(s.start, s.end));
}

describe("recognizer prefilters never hide an item whose trigger is in the text", () => {
  it.each([
    ["a German street compound", "Ich wohne in der Hauptstrasse 5a seit Jahren.", "Hauptstrasse 5a"],
    ["a German street word", "Die Praxis ist in der Berliner Allee 12 im Hinterhaus.", "Berliner Allee 12"],
    ["a US city, state and ZIP", "Send it to Springfield, IL 62704 please.", "Springfield, IL 62704"],
  ])("finds %s after a long text without one", (_, sentence, item) => {
    expect(found(address, FILLER.repeat(20) + sentence)).toContain(item);
  });

  it.each([
    [
      "a URL with a scheme",
      "see https://intranet.example.org/people/anna for details",
      "https://intranet.example.org/people/anna",
    ],
    ["a www address", "my page is www.annas-blog.net today", "www.annas-blog.net"],
    ["a bare domain", "I run weber-consulting.de on the side", "weber-consulting.de"],
    ["a bare domain in capitals", "I run WEBER-CONSULTING.DE on the side", "WEBER-CONSULTING.DE"],
  ])("finds %s", (_, sentence, item) => {
    expect(found(url, FILLER.repeat(20) + sentence)).toContain(item);
  });

  it("finds a long token and a letter id among ordinary text", () => {
    const text = `${FILLER.repeat(20)}key sk9f8a7d6s5f4g3h2j1k0l9z8x7c6v, customer KJ046613 called.`;
    expect(found(secret, text)).toEqual(expect.arrayContaining(["sk9f8a7d6s5f4g3h2j1k0l9z8x7c6v", "KJ046613"]));
  });

  it("leaves none of them in what sanitize sends", () => {
    const text = `${FILLER}I live at Hauptstrasse 5a, my site is weber-consulting.de, my id is KJ046613.`;
    const out = sanitize(text, new PrivacyVault("prefilter"), { locale: "en-US" }).text;
    for (const item of ["Hauptstrasse", "weber-consulting", "KJ046613"]) expect(out).not.toContain(item);
  });
});
