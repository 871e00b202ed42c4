/**
 * One fresh process's measurement for `bench:routing -- --warm-up` (issue #16, round 2): the
 * first Auto decision's latency cold (it loads the vocabularies itself) or after the background
 * warm-up, with each warm-up step's duration and the process's RSS. Prints one JSON line.
 *
 *   node --import tsx bench/routing/measureWarmUp.ts <cold|warm> <locale>
 */
import { routeMessage, warmUpAuto, type WarmUpStep } from "../../app/pipeline/auto";

const MESSAGES: Readonly<Record<string, string>> = {
  en: "Please thank Wojciechowski for the flowers and ask about the parcel 48213.",
  de: "Bitte erinnere Oyelaran an die Kündigung der Wohnung zum Monatsende.",
  fr: "Préviens la mairie que le dossier d'Oyelaran arrive lundi.",
};

const mb = () => Math.round(process.memoryUsage().rss / 1e6);

async function main(): Promise<void> {
  const [mode = "cold", locale = "en-US"] = process.argv.slice(2);
  const message = MESSAGES[locale.slice(0, 2)] ?? MESSAGES.en!;
  const rssStart = mb();
  let steps: WarmUpStep[] = [];
  if (mode === "warm") steps = await warmUpAuto(locale, { delayMs: 0 }).done;
  const rssReady = mb();
  const start = performance.now();
  const decision = routeMessage({
    message,
    settings: { locale, alwaysLocalTopics: [], offline: false, cloudAvailable: true },
  });
  const firstDecisionMs = performance.now() - start;
  const again = performance.now();
  routeMessage({ message, settings: { locale, alwaysLocalTopics: [], offline: false, cloudAvailable: true } });
  const secondDecisionMs = performance.now() - again;
  console.log(
    JSON.stringify({
      mode,
      locale,
      route: decision.route,
      steps,
      firstDecisionMs,
      secondDecisionMs,
      rssStart,
      rssReady,
      rssEnd: mb(),
    }),
  );
}

await main();
