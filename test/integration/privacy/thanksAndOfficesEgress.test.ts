import { describe, expect, it } from "vitest";
import { PrivacyVault } from "../../../app/privacy";
import { sanitizeAndSend } from "../../helpers/throughGate";
import { useRecordingCloud } from "../../helpers/useRecordingCloud";

/**
 * Issue #11: the person thanked after "Merci à" / "Danke an" / "thanks to" — a given name that is also
 * a word — and the place in "Chief Constable of Kent Police" go through sanitize, the egress gate and
 * the real cloud client to a recording server on 127.0.0.1; its received bytes hold neither, while
 * the public body thanked, the office title and the platform the user names arrive as typed.
 * Invented values.
 */
describe("thanked people and the places of public offices never reach the cloud", () => {
  const cloud = useRecordingCloud();

  it("sends placeholders for the thanked given names and keeps the public bodies thanked", async () => {
    const vault = new PrivacyVault("conv-thanks");
    const instruction =
      "Relis ce mot pour le dossier de ma mère, s'il te plaît. Merci à la CAF pour le versement rapide, " +
      "et merci beaucoup à Rose pour les papiers. Un grand merci aussi à Olive de la part de toute la famille.";
    await sanitizeAndSend(cloud().baseUrl, vault, instruction, "fr-FR");

    const received = cloud().receivedText();
    for (const name of ["Rose", "Olive"]) expect(received, name).not.toContain(name);
    expect(received).toContain("Merci à la CAF");
  });

  it("sends the office title and a placeholder for the place it serves", async () => {
    const vault = new PrivacyVault("conv-office");
    const instruction =
      "Help me write to the Chief Constable of Kent Police about the burglary, and thanks to Grace for " +
      "the photos I took on my iPhone.";
    await sanitizeAndSend(cloud().baseUrl, vault, instruction);

    const received = cloud().receivedText();
    expect(received).not.toContain("Kent");
    expect(received).not.toContain("Grace");
    expect(received).toMatch(/Chief Constable of \[LOCATION_\d+\] Police/);
    expect(received).toContain("iPhone");
  });
});
