import { describe, expect, it } from "vitest";
import { AutoWarmer, type AutoWarmUp, type WarmUpStep } from "../../../../app/pipeline/auto";

/** A warm-up the test finishes by hand, recording which locales were asked for. */
function controlledWarmUps() {
  const started: string[] = [];
  const finishers: Array<() => void> = [];
  const warmUp = (locale: string): AutoWarmUp => {
    started.push(locale);
    let finish!: (steps: WarmUpStep[]) => void;
    const done = new Promise<WarmUpStep[]>((resolve) => (finish = resolve));
    finishers.push(() => finish([{ name: `${locale} dictionary`, ms: 1 }]));
    return { done, cancel: () => finish([]) };
  };
  return { started, warmUp, finishNext: () => finishers.shift()?.() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("AutoWarmer", () => {
  it("starts nothing while no cloud model is set up, and starts once the settings gain one", async () => {
    const warmUps = controlledWarmUps();
    let cloud = false;
    const warmer = new AutoWarmer({ cloudConfigured: () => cloud, locale: () => "de-DE", warmUp: warmUps.warmUp });
    expect(warmer.check()).toBeNull();
    expect(warmUps.started).toEqual([]);
    cloud = true;
    expect(warmer.check()).not.toBeNull();
    expect(warmer.ready).toBe(false);
    warmUps.finishNext();
    await settle();
    expect(warmer.ready).toBe(true);
    expect(warmUps.started).toEqual(["de-DE"]);
  });

  it("never runs two warm-ups at once nor the same locale twice, and warms a locale chosen meanwhile afterwards", async () => {
    const warmUps = controlledWarmUps();
    let locale = "en-US";
    const done: string[] = [];
    const warmer = new AutoWarmer({
      cloudConfigured: () => true,
      locale: () => locale,
      warmUp: warmUps.warmUp,
      onDone: (_steps, l) => done.push(l),
    });
    warmer.check();
    warmer.check();
    locale = "fr-FR";
    warmer.check();
    expect(warmUps.started).toEqual(["en-US"]);
    warmUps.finishNext();
    await settle();
    expect(warmUps.started).toEqual(["en-US", "fr-FR"]);
    warmUps.finishNext();
    await settle();
    warmer.check();
    expect(warmUps.started).toEqual(["en-US", "fr-FR"]);
    expect(done).toEqual(["en-US", "fr-FR"]);
    expect(warmer.busy).toBe(false);
  });

  it("cancels the running warm-up on close and starts no other", async () => {
    const warmUps = controlledWarmUps();
    let locale = "en-US";
    const warmer = new AutoWarmer({ cloudConfigured: () => true, locale: () => locale, warmUp: warmUps.warmUp });
    warmer.check();
    locale = "de-DE";
    warmer.close();
    await settle();
    expect(warmer.check()).toBeNull();
    expect(warmUps.started).toEqual(["en-US"]);
    expect(warmer.ready).toBe(false);
  });
});
