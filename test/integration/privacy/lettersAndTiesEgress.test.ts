import { describe, expect, it } from "vitest";
import { PrivacyVault } from "../../../app/privacy";
import { sanitizeAndSend } from "../../helpers/throughGate";
import { useRecordingCloud } from "../../helpers/useRecordingCloud";

/**
 * Issue #11, branch names8: a name after a chain of titles, the name someone goes by, a
 * nationality the user says they are and an organisation the text defines as one go through
 * sanitize, the egress gate and the real cloud client to a recording server on 127.0.0.1; its
 * received bytes must hold none of them, while the same words in passing arrive unchanged.
 * Invented values.
 */
describe("names in letters, the user's nationality and a defined organisation never reach the cloud", () => {
  const cloud = useRecordingCloud();

  it("sends placeholders for them in an English letter, and 'Italian' in passing as typed", async () => {
    const vault = new PrivacyVault("conv-names8-en");
    const instruction =
      "Help me reply to my landlord. This is Tadgh and I'm Nigerian. " +
      "Coden is a design agency that owns the flat. We had Italian food at the viewing.";
    await sanitizeAndSend(cloud().baseUrl, vault, instruction);
    const received = cloud().receivedText();
    for (const value of ["Tadgh", "Nigerian", "Coden"]) expect(received, value).not.toContain(value);
    expect(received).toContain("Italian food");
  });

  it("sends placeholders for a name after 'Frau Dr. med.' and for 'Türkin' in a German letter", async () => {
    const vault = new PrivacyVault("conv-names8-de");
    const instruction =
      "Hilf mir bei einem Brief an Frau Dr. med. Schulz-Ahrens wegen meines Attests. Ich bin Türkin und brauche den Brief auf Deutsch.";
    await sanitizeAndSend(cloud().baseUrl, vault, instruction, "de-DE");
    const received = cloud().receivedText();
    for (const value of ["Schulz-Ahrens", "Türkin", "Turkin"]) expect(received, value).not.toContain(value);
    expect(received).toContain("Frau Dr. med.");
  });
});
