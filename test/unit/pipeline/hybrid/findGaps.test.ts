import { describe, expect, it } from "vitest";
import { applyFills, parseFills } from "../../../../app/pipeline/hybrid/fillGaps";
import { findGaps, MAX_GAPS } from "../../../../app/pipeline/hybrid/findGaps";
import { PrivacyVault } from "../../../../app/privacy";

function vault(): PrivacyVault {
  const v = new PrivacyVault("c");
  // Already sent in this conversation: [PERSON_1], [ADDRESS_1].
  v.placeholderFor("Rose Baker", "PERSON");
  v.placeholderFor("14 Elm Street", "ADDRESS");
  return v;
}

describe("findGaps", () => {
  it("finds template slots the cloud wrote instead of a detail, and unresolved placeholders", () => {
    const text = "Dear [Landlord's Name], ... Best regards, [Your Name] [PERSON_9]";
    expect(findGaps(text, ["[PERSON_9]"], [], vault()).gaps).toEqual([
      "[PERSON_9]",
      "[Landlord's Name]",
      "[Your Name]",
    ]);
  });

  it("does not take Markdown links, checkboxes or numbered references for gaps", () => {
    const text = "See [the guide](https://example.org). - [x] done - [ ] open. As noted in [1], rent is due.";
    expect(findGaps(text, [], [], vault()).gaps).toEqual([]);
  });

  it("lists sent placeholders whose private fact the answer does not contain", () => {
    const gaps = findGaps("Dear rose baker, the heating is fixed.", [], ["[PERSON_1]", "[ADDRESS_1]"], vault());
    expect(gaps.dropped).toEqual(["[ADDRESS_1]"]);
  });

  it("keeps the local pass bounded however many gaps the cloud left", () => {
    const text = Array.from({ length: 20 }, (_, i) => `[Field ${String.fromCharCode(65 + i)}]`).join(" ");
    expect(findGaps(text, [], [], vault()).gaps).toHaveLength(MAX_GAPS);
  });
});

describe("the local pass's fills", () => {
  it("replaces every occurrence of a filled gap and reports the others as unresolved", () => {
    const fills = parseFills('{"fills":[{"gap":"[Your Name]","value":"Rose Baker"},{"gap":"[Date]","value":""}]}');
    const result = applyFills("[Your Name]\n[Date]\nSigned, [Your Name]", ["[Your Name]", "[Date]"], fills);
    expect(result).toEqual({
      text: "Rose Baker\n[Date]\nSigned, Rose Baker",
      filled: ["[Your Name]"],
      unresolved: ["[Date]"],
    });
  });

  it("ignores values that are themselves gaps, and an answer cut off mid-JSON", () => {
    expect([...parseFills('{"fills":[{"gap":"[Date]","value":"[DATE_1]"}]}')]).toEqual([]);
    expect([...parseFills('{"fills":[{"gap":"[Date]","val')]).toEqual([]);
  });

  it("takes each gap's first usable fill, trimmed, and skips malformed items without losing the ones after them", () => {
    const answer = JSON.stringify({
      fills: [
        { gap: "[Date]", value: 5 },
        { gap: 7, value: "Rose Baker" },
        { gap: "[Your Name]", value: "  Rose Baker \n" },
        { gap: "[Your Name]", value: "Derek Pollard" },
      ],
    });
    expect([...parseFills(answer)]).toEqual([["[Your Name]", "Rose Baker"]]);
  });
});
