/**
 * The app's own constant texts that go to the cloud (issue #11, defect 1). They are not user
 * data, so the egress gate does not run the detectors over them: a conversation whose private
 * context made "square" or "ask" private terms must not block the app's system prompt. Instead
 * the gate checks that a message marked as app text is EXACTLY one of these strings (fail
 * closed otherwise). `AppText` can only come from this fixed, frozen set: the brand is applied
 * here and nowhere else.
 *
 * They name no example placeholder: a model may copy an example into its answer, where it
 * would be restored to a real value or become a gap.
 */
declare const appTextBrand: unique symbol;

/** One of the constant texts below (never built from user data). */
export type AppText = string & { readonly [appTextBrand]: true };

const appText = (text: string) => text as AppText;

/** The cloud's system prompt for sketch-refine. */
export const REFINE_SYSTEM = appText(
  "You polish drafts. The user's own device wrote a draft answer to the user's request. Rewrite it " +
    "into a clear, well-written final answer in the language of the request. An upper-case type " +
    "and a number in square brackets is a placeholder for a private detail that was removed on " +
    "purpose: keep every placeholder exactly as written wherever its detail belongs, " +
    "never replace one by an invented value, and never ask for the real values.",
);

/** The last (user) turn of a sketch-refine request, after the sanitized instruction and sketch. */
export const REFINE_REQUEST = appText(
  "Polish the draft above into the final answer to my request. Reply with the answer only.",
);

/** The cloud's system prompt for cloud-outline: an outline from the request alone. */
export const OUTLINE_SYSTEM = appText(
  "You plan answers. Write a short outline for answering the user's request: structure, key points " +
    "and tone, at most eight bullet points. Do not write the answer itself. An upper-case type and " +
    "a number in square brackets is a placeholder for a private detail that was removed on purpose; " +
    "keep it exactly as written.",
);

/** The cloud's system prompt in Cloud mode (plain chat; nothing private is attached). */
export const CLOUD_SYSTEM = appText("You are a helpful assistant. Answer concisely and use Markdown where it helps.");

/**
 * Every app text that may leave the device; the gate accepts a marked message only if it is one
 * of them. Module-private: a frozen Set can still be added to, so nothing outside may hold it.
 */
const APP_TEXTS = new Set<string>([REFINE_SYSTEM, REFINE_REQUEST, OUTLINE_SYSTEM, CLOUD_SYSTEM]);

/** Whether `text` is exactly one of the app's constant texts. */
export function isAppText(text: string): text is AppText {
  return APP_TEXTS.has(text);
}
