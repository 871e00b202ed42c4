import { describe, expect, it } from "vitest";
import { PrivacyVault } from "../../../app/privacy";
import { sanitizeAndSend } from "../../helpers/throughGate";
import { useRecordingCloud } from "../../helpers/useRecordingCloud";

/**
 * Issue #11, medical recall in German and French: drug names in their national spelling, a
 * condition written as an eponym compound and a lab value without a unit go through sanitize,
 * the egress gate and the real cloud client to a recording server on 127.0.0.1; its received
 * bytes must hold none of them, while the letter's public words arrive unchanged. Invented text.
 */
describe("German and French medical details never reach the cloud", () => {
  const cloud = useRecordingCloud();

  it("sends placeholders for a German drug, an eponym condition and a test value, and the request as typed", async () => {
    const vault = new PrivacyVault("conv-med-de");
    const instruction =
      "Bitte hilf mir, einen Brief an die Krankenkasse zu schreiben: Der Hausarzt hat mir Methotrexat " +
      "verordnet, ich habe eine Hashimoto-Thyreoiditis und mein TSH-Wert lag zuletzt bei 6,8.";
    await sanitizeAndSend(cloud().baseUrl, vault, instruction, "de-DE");

    const received = cloud().receivedText();
    for (const value of ["Methotrexat", "Hashimoto", "Thyreoiditis", "6,8"])
      expect(received, value).not.toContain(value);
    for (const value of ["Brief an die Krankenkasse", "verordnet"]) expect(received, value).toContain(value);
  });

  it("sends placeholders for French drug names with accents and a test value, and the request as typed", async () => {
    const vault = new PrivacyVault("conv-med-fr");
    const instruction =
      "Aide-moi à écrire à la mutuelle : mon père prend du méthotrexate et de l'aciclovir, " +
      "et son taux de PSA était de 4,2 au dernier contrôle.";
    await sanitizeAndSend(cloud().baseUrl, vault, instruction, "fr-FR");

    const received = cloud().receivedText();
    for (const value of ["thotrexate", "aciclovir", "4,2"]) expect(received, value).not.toContain(value);
    expect(received).toContain("écrire à la mutuelle");
  });
});
