import { describe, expect, it } from "vitest";
import { PrivacyVault } from "../../../app/privacy";
import { sanitizeAndSend } from "../../helpers/throughGate";
import { useRecordingCloud } from "../../helpers/useRecordingCloud";

/**
 * Issue #11: a password-shaped token and a handle without "@" go through sanitize, the egress
 * gate and the real cloud client to a recording server on 127.0.0.1; its received bytes must
 * hold neither, while the public words of the same message (a size, "24/7") arrive unchanged.
 * Invented values.
 */
const SECRETS = ["Harbour@5512", "Sommer2024", "soleil75", "dark_knight", "petit_loup"];
const PUBLIC = ["24/7", "3.5mm", "Help me write to IT support"];

describe("passwords and handles without @ never reach the cloud", () => {
  const cloud = useRecordingCloud();

  it("sends placeholders for the passwords and the handles, and the public codes as typed", async () => {
    const vault = new PrivacyVault("conv-pw");
    const instruction =
      "Help me write to IT support, available 24/7: my laptop's 3.5mm audio port died after the last " +
      "update. My password is Harbour@5512, the old one was Sommer2024, mon mot de passe est soleil75, " +
      "and my colleagues dark_knight and petit_loup have the same problem.";
    await sanitizeAndSend(cloud().baseUrl, vault, instruction);

    expect(cloud().requests).toHaveLength(1);
    const received = cloud().receivedText();
    for (const value of SECRETS) expect(received, value).not.toContain(value);
    for (const value of PUBLIC) expect(received, value).toContain(value);
  });
});
