import { describe, expect, it } from "vitest";
import { routeMessage, warmUpAuto, type WarmUpStep } from "../../../app/pipeline/auto";

const ONLINE = { alwaysLocalTopics: [] as string[], offline: false, cloudAvailable: true };

describe("Auto's background warm-up", () => {
  it("loads only the conversation language's dictionary: none for English, German's for de-DE", async () => {
    const english = await warmUpAuto("en-US", { delayMs: 0 }).done;
    expect(english.map((s) => s.name)).toEqual(["privacy engine word lists", "health vocabulary (WordNet)", "first pass of the engine"]);
    const german = await warmUpAuto("de-DE", { delayMs: 0 }).done;
    expect(german.map((s) => s.name)).toEqual(["privacy engine word lists", "health vocabulary (WordNet)", "de dictionary (Hunspell)", "first pass of the engine"]);
  }, 60_000); // loading the dictionaries takes seconds on a loaded machine

  it("yields between steps: a message arriving during the warm-up is handled after the running step, not after all of them", async () => {
    const seen: WarmUpStep[] = [];
    const warm = warmUpAuto("fr-FR", { delayMs: 0, onStep: (s) => seen.push(s) });
    // Queued right after the warm-up's first step: like an IPC message arriving while it runs.
    const stepsWhenHandled = await new Promise<number>((resolve) =>
      setTimeout(() => {
        // The decision itself still works mid-warm-up: it loads whatever it needs, once.
        expect(routeMessage({ message: "Préviens la mairie que le dossier d'Oyelaran arrive lundi.", settings: { locale: "fr-FR", ...ONLINE } }).masked).toEqual(["Oyelaran"]);
        resolve(seen.length);
      }, 0),
    );
    const all = await warm.done;
    expect(stepsWhenHandled).toBe(1);
    expect(all).toHaveLength(4);
  }, 60_000);

  it("stops before the next step when cancelled (a host closing), and still settles", async () => {
    const seen: WarmUpStep[] = [];
    const warm = warmUpAuto("de-DE", { delayMs: 0, onStep: (s) => seen.push(s) });
    warm.cancel();
    expect(await warm.done).toEqual([]);
    expect(seen).toEqual([]);
  });
});
