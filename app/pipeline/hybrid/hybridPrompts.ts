/**
 * The fixed texts of the Hybrid and Cloud pipelines. The ones that go to the cloud are `AppText`
 * constants defined in app/egress/appTexts.ts (re-exported here): a request's messages are either
 * one of those, marked `constant: true` and verified verbatim by the egress gate, or a
 * sanitizer's output, which the gate re-scans (never spliced together). The texts below stay on
 * the device (local model prompts).
 */
export { CLOUD_SYSTEM, OUTLINE_SYSTEM, REFINE_REQUEST, REFINE_SYSTEM } from "../../egress/appTexts";

/** Appended to the local model's system prompt for the sketch (sketch-refine, step 1). */
export const SKETCH_INSTRUCTIONS =
  "Write a complete first draft of the answer to the user's last message. Use the facts about the " +
  "user below where the answer needs them (names, addresses, dates, numbers). Keep it short and " +
  "plain; another model will polish the wording.";

/** Appended to the local model's system prompt when it writes the answer from the cloud's outline. */
export function followOutlineInstructions(outline: string): string {
  return (
    "Write the answer to the user's last message following this outline. The outline was written " +
    "without knowing the user; fill it in with the facts about the user below.\n\nOutline:\n" +
    outline
  );
}

/** The local model's system prompt for the short re-personalization pass (restoring step). */
export const FILL_INSTRUCTIONS =
  "A polished answer was written for the user, but some details are missing from it: the gaps " +
  "listed below. For each gap, give the exact text that belongs there, taken from what you know " +
  "about the user. Give an empty value when you do not know it.";
