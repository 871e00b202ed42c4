/**
 * The fixed texts of the Hybrid and Cloud pipelines. Everything here that goes to the cloud is a
 * constant: the only dynamic outbound text is `SanitizedText` from the privacy engine, so a
 * request's messages are either one of these strings or a sanitizer's output (never spliced).
 * The egress gate re-scans them anyway; a unit test checks that it finds nothing in them.
 * They name no example placeholder: a model may copy an example into its answer, where it
 * would be restored to a real value or become a gap.
 */

/** Appended to the local model's system prompt for the sketch (sketch-refine, step 1). */
export const SKETCH_INSTRUCTIONS =
  "Write a complete first draft of the answer to the user's last message. Use the facts about the " +
  "user below where the answer needs them (names, addresses, dates, numbers). Keep it short and " +
  "plain; another model will polish the wording.";

/** The cloud's system prompt for sketch-refine. */
export const REFINE_SYSTEM =
  "You polish drafts. The user's own device wrote a draft answer to the user's request. Rewrite it " +
  "into a clear, well-written final answer in the language of the request. An upper-case type " +
  "and a number in square brackets is a placeholder for a private detail that was removed on " +
  "purpose: keep every placeholder exactly as written wherever its detail belongs, " +
  "never replace one by an invented value, and never ask for the real values.";

/** The last (user) turn of a sketch-refine request, after the sanitized instruction and sketch. */
export const REFINE_REQUEST = "Polish the draft above into the final answer to my request. Reply with the answer only.";

/** The cloud's system prompt for cloud-outline: an outline from the request alone. */
export const OUTLINE_SYSTEM =
  "You plan answers. Write a short outline for answering the user's request: structure, key points " +
  "and tone, at most eight bullet points. Do not write the answer itself. An upper-case type and " +
  "a number in square brackets is a placeholder for a private detail that was removed on purpose; " +
  "keep it exactly as written.";

/** Appended to the local model's system prompt when it writes the answer from the cloud's outline. */
export function followOutlineInstructions(outline: string): string {
  return (
    "Write the answer to the user's last message following this outline. The outline was written " +
    "without knowing the user; fill it in with the facts about the user below.\n\nOutline:\n" +
    outline
  );
}

/** The cloud's system prompt in Cloud mode (plain chat; nothing private is attached). */
export const CLOUD_SYSTEM = "You are a helpful assistant. Answer concisely and use Markdown where it helps.";

/** The local model's system prompt for the short re-personalization pass (restoring step). */
export const FILL_INSTRUCTIONS =
  "A polished answer was written for the user, but some details are missing from it: the gaps " +
  "listed below. For each gap, give the exact text that belongs there, taken from what you know " +
  "about the user. Give an empty value when you do not know it.";
