import { describe, expect, it } from "vitest";
import { detect, PrivacyVault } from "../../../../app/privacy";
import { tokenize } from "../../../../app/privacy/names/nameTokens";
import { taggedNames } from "../../../../app/privacy/names/taggedNames";
import { lazyTags } from "../../../../app/privacy/names/winkTagger";

const typed = (text: string) => detect(text, new PrivacyVault("t"), { locale: "en-US" }).map((d) => [d.type, d.text]);

describe("an English office 'of <place> <public body>': the title stays, the place is masked (issue 11)", () => {
  it("masks the place a police force serves after 'Chief Constable of', even a place no list holds", () => {
    expect(typed("I wrote to the Chief Constable of Kent Police about the burglary.")).toEqual([["LOCATION", "Kent"]]);
    expect(typed("The Chief Constable of Thames Valley Police has not replied.")).toEqual([
      ["LOCATION", "Thames Valley"],
    ]);
  });

  it("keeps masking the city after 'Mayor of' and 'Bishop of' and leaves a remit readable", () => {
    expect(typed("I wrote to the Mayor of Bristol about the bins.")).toEqual([["LOCATION", "Bristol"]]);
    expect(typed("The Bishop of Leeds replied.")).toEqual([["LOCATION", "Leeds"]]);
    expect(typed("I complained to the Department of Labor.")).toEqual([]);
    expect(typed("I reported it to the Solicitor General of the state.")).toEqual([]);
  });

  it("makes the whole office the user's where the text ties it to them", () => {
    expect(typed("I work for the Chief Constable of Kent Police.")).toEqual([
      ["ORG", "Chief Constable of Kent Police"],
    ]);
  });

  it("reads a place of several words before a title as a place in the tagger's runs too, not as a person", () => {
    const text = "We called the New Mexico Solicitor General.";
    const spans = taggedNames(text, tokenize(text), "en", lazyTags(text));
    expect(spans.map((s) => [s.type, text.slice(s.start, s.end)])).toEqual([]);
    expect(typed(text)).toEqual([["LOCATION", "New Mexico"]]);
  });
});
