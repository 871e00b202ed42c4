/**
 * The placeholder format for the renderer, which may import only app/contract: the privacy
 * engine's one definition (app/privacy/placeholder.ts), not a copy.
 */
export { PLACEHOLDER } from "../privacy/placeholder";
