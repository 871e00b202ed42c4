import { beforeAll, describe, expect, it } from "vitest";
import { routeMessage, warmUpAuto } from "../../../../app/pipeline/auto";
import { detect, PrivacyVault } from "../../../../app/privacy";

function route(message: string, locale: string) {
  return routeMessage({ message, settings: { locale, alwaysLocalTopics: [], offline: false, cloudAvailable: true } });
}

function typedByEngine(message: string, word: string, locale: string): boolean {
  return detect(message, new PrivacyVault("t"), { locale }).some((d) => d.text.includes(word));
}

// Loading the word lists and the German dictionary takes seconds on a busy machine (the first
// test timed out at 5 s under load on main too): the warm-up's time is not a test's.
beforeAll(async () => void (await warmUpAuto("de-DE", { delayMs: 0 }).done), 120_000);

describe("Auto routing: unknown capitalised words in German and French (Hunspell dictionaries)", () => {
  it.each([
    ["de-DE", "Bitte erinnere Oyelaran an die Kündigung der Wohnung zum Monatsende.", "Oyelaran"],
    [
      "de-DE",
      "Schreib bitte an die Hausverwaltung, dass Brzęczyszczykiewicz die Schlüssel abholt.",
      "Brzęczyszczykiewicz",
    ],
    ["fr-FR", "Préviens la mairie que le dossier d'Oyelaran arrive lundi.", "Oyelaran"],
  ])("keeps a message with a name the engine did not type on the device (%s): %s", (locale, message, name) => {
    expect(typedByEngine(message, name, locale)).toBe(false);
    const d = route(message, locale);
    expect(d).toMatchObject({ route: "local", rule: "unclassified-tokens", masked: [] });
    expect(d.reason).toBe("Answered on this device: 1 word or number the privacy engine could not classify.");
  });

  it.each([
    ["de-DE", "Schreib der Hausverwaltung, dass die Heizung in der Wohnung seit Montag kaputt ist."],
    ["de-DE", "Formuliere eine Beschwerde wegen der Mieterhöhung und der fehlenden Nebenkostenabrechnung."],
    ["fr-FR", "Rédige une lettre au propriétaire pour la réparation du Chauffage avant l'hiver."],
    ["fr-FR", "Écris à la Caisse pour signaler un changement de Situation familiale."],
  ])(
    "lets German nouns, compounds and capitalised French words go the Hybrid way (near miss, %s): %s",
    (locale, message) => {
      expect(route(message, locale)).toMatchObject({ route: "hybrid", rule: null, masked: [] });
    },
  );
});
