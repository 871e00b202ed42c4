import { LANGUAGE_VOCABULARIES, prepareLanguageLists, preparePrivacyEngine } from "../../privacy";
import { languageOf } from "./decideRoute";
import { routeMessage } from "./routeMessage";
import { loadHealthWords } from "./healthWords";
import { loadCommunicationWords } from "./communicationWords";
import { loadPublicNouns } from "./publicNouns";
import { ROUTING_RULES, type RoutingRules } from "./routingRules";
import { hasSpellingVocabulary, loadSpellingVocabulary } from "../../privacy/spellingVocabulary";

const WARM_UP_TEXT = "Please write a short note to Anna Berger about the meeting in Berlin on Monday, 3 March.";

export interface WarmUpStep {
  name: string;
  ms: number;
  /** Set when the step threw: the error's code or name only (never its message, which may quote a path). */
  error?: string;
}

export interface AutoWarmUp {
  /** Resolves with each step's duration once every step ran (or the warm-up was cancelled). */
  done: Promise<WarmUpStep[]>;
  /** Stops before the next step (a host closing); a running step finishes. */
  cancel(): void;
}

export interface WarmUpOptions {
  rules?: RoutingRules;
  /** Wait before the first step, so start-up (window, first paint) goes first. Default 1500 ms. */
  delayMs?: number;
  /** Called after each step (names and durations only). An exception it throws is ignored. */
  onStep?: (step: WarmUpStep) => void;
}

/**
 * Loads what Auto's first decision would otherwise load on the first message (issue #16,
 * round 2): the engine's word lists, WordNet's health vocabulary (~1.3 s), the engine's vocabularies
 * of the conversation language (French condition names ~0.17 s) and the Hunspell dictionary of that
 * language only (German ~1.2 s, French ~0.4 s; none for English).
 *
 * The loads are synchronous parsing, so each is its own step on a later turn of the event loop:
 * a message arriving mid-warm-up is handled after the running step, never after the whole
 * warm-up, and its decision then loads (lazily, once) only what is still missing — nothing is
 * loaded twice and no decision waits for a dictionary of another language.
 */
export function warmUpAuto(locale: string, options: WarmUpOptions = {}): AutoWarmUp {
  const rules = options.rules ?? ROUTING_RULES;
  const language = languageOf(locale);
  const steps: Array<[string, () => void]> = [
    ["privacy engine word lists", () => preparePrivacyEngine([])],
    ["health vocabulary (WordNet)", () => loadHealthWords(rules.healthRoots)],
  ];
  // Kinship words and public nouns ("Mom", "Oma", "Bible"): read in every language.
  if (rules.publicWordLists.some((list) => list === "kinship" || list === "public-nouns"))
    steps.push(["public nouns and kin (WordNet)", loadPublicNouns]);
  // The conversation language's own word lists (French: the CIM-10 condition names, ~0.17 s; its
  // Hunspell stems are the dictionary step below); another language's load when its first
  // paragraph arrives.
  if (LANGUAGE_VOCABULARIES.includes(language))
    steps.push([`${language} privacy vocabularies`, () => prepareLanguageLists(language)]);
  // The addressee's cue words and, for speaker-name, the verbs of speech and thought (one file each).
  const lexFiles = [
    ...(rules.addresseePrepositions[language] ? rules.addresseeCues : []),
    ...(rules.speakerNameLanguages.includes(language) ? rules.speakerVerbs : []),
  ];
  if (lexFiles.length > 0)
    steps.push(["communication words (WordNet)", () => loadCommunicationWords([...new Set(lexFiles)])]);
  if (hasSpellingVocabulary(language))
    steps.push([`${language} dictionary (Hunspell)`, () => loadSpellingVocabulary(language)]);
  // One decision over a constant sentence (no user text): the names step's first run builds its
  // lexicon and compiles the recognizers' patterns, which the first real message would pay for.
  const settings = { locale, alwaysLocalTopics: [], offline: false, cloudAvailable: true };
  steps.push(["first pass of the engine", () => void routeMessage({ message: WARM_UP_TEXT, settings })]);
  let cancelled = false;
  let timer: NodeJS.Timeout | undefined;
  const took: WarmUpStep[] = [];
  let finish: (steps: WarmUpStep[]) => void = () => {};
  const done = new Promise<WarmUpStep[]>((resolve) => {
    finish = resolve;
    const next = (i: number) => {
      const step = steps[i];
      if (cancelled || !step) return resolve(took);
      took.push(runStep(step[0], step[1]));
      // An exception thrown here would escape a timer (uncaught in the host) and leave `done`
      // pending forever: the warm-up is only an optimisation, so nothing it calls may stop it.
      try {
        options.onStep?.(took[took.length - 1]!);
      } catch {
        // The observer's problem (a logger), not the warm-up's: the next step still runs.
      }
      // setTimeout, not setImmediate: pending I/O (an IPC message, a request) runs in between.
      timer = setTimeout(() => next(i + 1), 0);
    };
    timer = setTimeout(() => next(0), options.delayMs ?? 1500);
  });
  return {
    done,
    cancel: () => {
      cancelled = true;
      clearTimeout(timer);
      finish(took);
    },
  };
}

/**
 * Runs one load, timing it. A load that throws (a missing dictionary file) is recorded and the
 * warm-up goes on: the decision that needs it loads it again lazily and reports the error there.
 */
function runStep(name: string, load: () => void): WarmUpStep {
  const start = performance.now();
  try {
    load();
    return { name, ms: performance.now() - start };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      name,
      ms: performance.now() - start,
      error: typeof code === "string" ? code : error instanceof Error ? error.name : "unknown",
    };
  }
}
