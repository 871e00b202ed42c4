import { describe, expect, it } from "vitest";
import { routeMessage, ROUTING_RULES, warmUpAuto, type WarmUpStep } from "../../../../app/pipeline/auto";

const ONLINE = { alwaysLocalTopics: [] as string[], offline: false, cloudAvailable: true };

describe("Auto's background warm-up", () => {
  it("loads only the conversation language's vocabularies and dictionary: none for English (its communication words instead), German's for de-DE", async () => {
    const english = await warmUpAuto("en-US", { delayMs: 0 }).done;
    expect(english.map((s) => s.name)).toEqual([
      "privacy engine word lists",
      "health vocabulary (WordNet)",
      "public nouns and kin (WordNet)",
      "communication words (WordNet)",
      "first pass of the engine",
    ]);
    const german = await warmUpAuto("de-DE", { delayMs: 0 }).done;
    expect(german.map((s) => s.name)).toEqual([
      "privacy engine word lists",
      "health vocabulary (WordNet)",
      "public nouns and kin (WordNet)",
      "de privacy vocabularies",
      "de dictionary (Hunspell)",
      "first pass of the engine",
    ]);
  }, 60_000); // loading the dictionaries takes seconds on a loaded machine

  it("yields between steps: a message arriving during the warm-up is handled after the running step, not after all of them", async () => {
    const seen: WarmUpStep[] = [];
    const warm = warmUpAuto("fr-FR", { delayMs: 0, onStep: (s) => seen.push(s) });
    const decide = (message: string) => routeMessage({ message, settings: { locale: "fr-FR", ...ONLINE } });
    // Queued right after the warm-up's first step: like an IPC message arriving while it runs.
    // The callback only records (no assertion in it): a throw there would leave this promise
    // pending and turn any failure into a 60-s timeout.
    const handled = await new Promise<{ steps: number; decisions: Array<ReturnType<typeof decide>> }>(
      (resolve, reject) =>
        setTimeout(() => {
          try {
            const steps = seen.length;
            resolve({
              steps,
              decisions: [
                decide("Préviens la mairie que le dossier d'Oyelaran arrive lundi."),
                decide("Préviens la mairie que le dossier 4821 arrive lundi."),
              ],
            });
          } catch (error) {
            reject(error);
          }
        }, 0),
    );
    const all = await warm.done;
    expect(handled.steps).toBe(1);
    // The decision itself still works mid-warm-up: it loads whatever it needs (the French dictionary), once.
    expect(handled.decisions[0]).toMatchObject({ route: "local", rule: "unclassified-tokens" });
    expect(handled.decisions[1]).toMatchObject({ route: "hybrid", masked: ["4821"] });
    expect(all.map((s) => s.name)).toEqual([
      "privacy engine word lists",
      "health vocabulary (WordNet)",
      "public nouns and kin (WordNet)",
      "fr privacy vocabularies",
      "fr dictionary (Hunspell)",
      "first pass of the engine",
    ]);
  }, 60_000);

  it("settles even when a step fails or the step observer throws, recording the failed step and running the rest", async () => {
    // A health root list that cannot be read stands in for a dictionary that fails to load.
    const rules = { ...ROUTING_RULES, healthRoots: null as unknown as typeof ROUTING_RULES.healthRoots };
    const warm = warmUpAuto("en-US", {
      delayMs: 0,
      rules,
      onStep: () => {
        throw new Error("observer failed");
      },
    });
    const steps = await warm.done;
    expect(steps.map((s) => [s.name, s.error])).toEqual([
      ["privacy engine word lists", undefined],
      ["health vocabulary (WordNet)", "TypeError"],
      ["public nouns and kin (WordNet)", undefined],
      ["communication words (WordNet)", undefined],
      ["first pass of the engine", undefined],
    ]);
  }, 60_000);

  it("stops before the next step when cancelled (a host closing), and still settles", async () => {
    const seen: WarmUpStep[] = [];
    const warm = warmUpAuto("de-DE", { delayMs: 0, onStep: (s) => seen.push(s) });
    warm.cancel();
    expect(await warm.done).toEqual([]);
    expect(seen).toEqual([]);
  });
});
