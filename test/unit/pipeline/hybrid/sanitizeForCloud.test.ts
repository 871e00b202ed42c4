import { describe, expect, it } from "vitest";
import { countByType, sanitizeForCloud } from "../../../../app/pipeline/hybrid/sanitizeForCloud";
import { fitToTokens } from "../../../../app/pipeline/hybrid/fitToTokens";
import { buildPrivacyReport, fallbackNotice, reportStage } from "../../../../app/pipeline/hybrid/buildPrivacyReport";
import { PrivacyVault } from "../../../../app/privacy";

describe("sanitizeForCloud", () => {
  it("sanitizes instruction and sketch in one vault and counts each placeholder once", () => {
    const vault = new PrivacyVault("c");
    vault.registerTerms([{ text: "Rose Baker", type: "PERSON" }]);
    const result = sanitizeForCloud(
      ["Write to my landlord for Rose Baker.", "Dear landlord, ... Rose Baker, rose.baker@example.org"],
      vault,
      { locale: "en-GB" },
    );
    expect(result.texts.join("\n")).not.toMatch(/Rose|rose\.baker/);
    expect(result.replaced.map((r) => r.type).sort()).toEqual(["EMAIL", "PERSON"]);
    expect(countByType(result.replaced)).toEqual({ PERSON: 1, EMAIL: 1 });
  });
});

describe("fitToTokens", () => {
  const chars = (t: string) => t.length;
  it("keeps text that fits and cuts longer text at whole lines first, marking the cut", () => {
    expect(fitToTokens("a\nb", 10, chars)).toBe("a\nb");
    expect(fitToTokens("one\ntwo\nthree", 9, chars)).toBe("one\ntwo\n…");
    expect(fitToTokens("abcdefghij", 5, chars)).toBe("abcd…");
  });
});

describe("the privacy report", () => {
  const sent = {
    payload: "{}",
    bytes: 812,
    endpoint: "https://api.example.org/v1/chat/completions",
    model: "m",
    leftDevice: 0,
  };
  const sanitized = {
    texts: [],
    replaced: [
      { placeholder: "[PERSON_1]", type: "PERSON" as const },
      { placeholder: "[EMAIL_1]", type: "EMAIL" as const },
    ],
  };

  it("counts what was replaced in what was sent, and says it in one line", () => {
    const report = buildPrivacyReport({ mode: "hybrid", strategy: "sketch-refine", sanitized, sent });
    expect(report).toMatchObject({
      replaced: 2,
      byType: { PERSON: 1, EMAIL: 1 },
      leftDevice: 0,
      bytes: 812,
      fallback: null,
    });
    expect(reportStage(report).content).toBe(
      "2 private items replaced, 0 left the device (812 bytes to https://api.example.org/v1/chat/completions).",
    );
  });

  it("reports nothing sent when the request never left", () => {
    const report = buildPrivacyReport({
      mode: "hybrid",
      strategy: "cloud-outline",
      sanitized,
      sent: null,
      fallback: { code: "offline", message: "Offline." },
    });
    expect(report).toMatchObject({ replaced: 0, bytes: 0, endpoint: null, fallback: { code: "offline" } });
    expect(reportStage(report).content).toBe("Nothing left this device.");
  });

  it("the fallback notice gives the reason, what the answer is, and whether anything left", () => {
    const error = {
      code: "cloud_server_error" as const,
      message: "The cloud provider had an internal error (500). Try again later.",
    };
    expect(fallbackNotice(error, "draft", true)).toBe(
      "The cloud provider had an internal error (500). Try again later. This answer is the local model's draft, written on this device. Only the sanitized request left this device.",
    );
    expect(fallbackNotice(error, "own", false)).toMatch(/The local model answered on its own, on this device\.$/);
  });
});
