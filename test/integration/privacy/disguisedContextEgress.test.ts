import { describe, expect, it } from "vitest";
import { PrivacyVault, registerContext } from "../../../app/privacy";
import { containsItem, prepareHaystack } from "../../../bench/privacy/matchText";
import { sanitizeAndSend } from "../../helpers/throughGate";
import { useRecordingCloud } from "../../helpers/useRecordingCloud";

/**
 * Issue #11, item 3, checked on what actually left: values of the private context re-typed in
 * lowercase, dotted and spaced letters go through sanitize, the egress gate and the real cloud
 * client to a recording server on 127.0.0.1; its received bytes must hold none of them.
 * Invented people; valid IBAN checksum; phones in drama ranges.
 */
const PROFILE =
  "Name: Rose Hartmann, rose.h84@mailbox.org, +44 7700 900456. Account GB82 WEST 1234 5698 7654 32, customer number CN 4471920.";
const CONTEXT = "Notes: my landlord is Desmond Okonkwo-Fairweather; his assistant is Priya Raghunathan.";
const DISGUISED: ReadonlyArray<readonly [string, string]> = [
  ["Rose Hartmann", "rose hartmann"],
  ["Rose Hartmann", "R.o.s.e H.a.r.t.m.a.n.n"],
  ["Rose", "r.o.s.e"],
  ["Hartmann", "h a r t m a n n"],
  ["rose.h84@mailbox.org", "r.o.s.e.h.8.4@mailbox.org"],
  ["rose.h84@mailbox.org", "ROSE.H84@MAILBOX.ORG"],
  ["+44 7700 900456", "+ 4 4   7 7 0 0   9 0 0 4 5 6"],
  ["GB82 WEST 1234 5698 7654 32", "g b 8 2   w e s t   1 2 3 4   5 6 9 8   7 6 5 4   3 2"],
  ["4471920", "4 4 7 1 9 2 0"],
  ["Okonkwo-Fairweather", "o.k.o.n.k.w.o f.a.i.r.w.e.a.t.h.e.r"],
  ["Priya Raghunathan", "P r i y a R a g h u n a t h a n"],
];

describe("disguised context values never reach the cloud", () => {
  const cloud = useRecordingCloud();

  it("sends placeholders for every lowercase, dotted and spaced re-typing of a context value", async () => {
    const vault = new PrivacyVault("conv-disguise");
    registerContext(vault, PROFILE, { locale: "en-GB" });
    registerContext(vault, CONTEXT, { locale: "en-GB" });
    const instruction = `Write to the landlord for me. Sign as ${DISGUISED.map(([, typed]) => typed).join(", then ")}.`;
    await sanitizeAndSend(cloud().baseUrl, vault, instruction);

    expect(cloud().requests).toHaveLength(1);
    const received = cloud().receivedText();
    const readable = prepareHaystack(received);
    for (const [value, typed] of DISGUISED) {
      expect(received, typed).not.toContain(typed);
      expect(containsItem(readable, value), value).toBe(false);
    }
    expect(received).toContain("Write to the landlord for me.");
  });
});
