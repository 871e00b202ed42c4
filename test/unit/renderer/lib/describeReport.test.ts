import { describe, expect, it } from "vitest";
import { describeCheck, isRefused } from "../../../../renderer/src/lib/describeCheck";
import { keyStorageText, reportSummary, typeBreakdown } from "../../../../renderer/src/lib/describeReport";

describe("reportSummary", () => {
  it("says how many private items were replaced and how many left, in words", () => {
    expect(reportSummary({ replaced: 7, leftDevice: 0 })).toBe("7 private items replaced, 0 left the device");
    expect(reportSummary({ replaced: 1, leftDevice: 0 })).toBe("1 private item replaced, 0 left the device");
    expect(reportSummary({ replaced: 0, leftDevice: 2 })).toBe("0 private items replaced, 2 left the device");
  });
});

describe("typeBreakdown", () => {
  it("names each type in the singular or plural, most frequent first", () => {
    expect(typeBreakdown({ IBAN: 1, PERSON: 3, EMAIL: 0, DATE_OF_BIRTH: 2 })).toEqual([
      "3 names",
      "2 dates of birth",
      "1 IBAN",
    ]);
  });

  it("keeps a type it does not know, lower-cased, instead of dropping it", () => {
    expect(typeBreakdown({ VEHICLE_PLATE: 2 })).toEqual(["2 vehicle_plate"]);
  });
});

describe("keyStorageText", () => {
  it("says where the key is kept without ever needing the key", () => {
    expect(keyStorageText("os-keychain")).toBe("the system keychain");
    expect(keyStorageText("environment")).toContain("TANDEM_CLOUD_API_KEY");
  });
});

describe("describeCheck", () => {
  it("reports a clean check and, for Cloud mode, what was found and sent anyway", () => {
    expect(describeCheck(JSON.stringify({ policy: "block-private", clean: true, found: [] }))).toBe(
      "Checked before sending: no private items found.",
    );
    expect(
      describeCheck(JSON.stringify({ policy: "audit-only", clean: false, found: [{ type: "PERSON", count: 2 }] })),
    ).toBe("Checked before sending: found 2 names. Sent as you wrote it (Cloud mode).");
  });

  it("says a proxy request was refused before sending, why, and the kinds found — and that nothing left", () => {
    const offline = JSON.stringify({
      refused: "offline",
      clean: false,
      found: [
        { type: "EMAIL", count: 1 },
        { type: "IBAN", count: 1 },
      ],
      kind: "chat",
      client: "NotesApp/2.1",
    });
    expect(describeCheck(offline)).toMatch(
      /^Refused before sending: Offline mode is on\. Found .*e-mail.*IBAN.*\. Nothing left this device\.$/,
    );
    expect(
      describeCheck(JSON.stringify({ refused: "policy-block", clean: false, found: [{ type: "PERSON", count: 2 }] })),
    ).toBe(
      "Refused before sending: the privacy proxy is set to block requests with private items. Found 2 names. Nothing left this device.",
    );
    expect(isRefused(offline)).toBe(true);
    expect(isRefused(JSON.stringify({ policy: "block-private", clean: true, found: [] }))).toBe(false);
  });

  it("shows nothing for a verdict it cannot read", () => {
    expect(describeCheck("{broken")).toBe("");
  });
});
