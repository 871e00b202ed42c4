/**
 * The Hybrid (CoGenesis) answerer (issue #4). The host builds it once (the Cloud answerer, which
 * shares its run steps, is in ../cloud):
 *
 *   createHybridAnswerer({ db, gate, cloud, settings, context, contextTerms, logger }) → Answerer
 */
export { createHybridAnswerer } from "./createHybridAnswerer";
export type { HybridDeps } from "./AnswerRun";
export type { HybridReport } from "./buildPrivacyReport";
export { StreamRestorer, safeEnd } from "./StreamRestorer";
