/**
 * Hybrid (CoGenesis) and Cloud answerers (issue #4). The host builds them once:
 *
 *   createHybridAnswerer({ db, gate, cloud, settings, context, contextTerms, logger }) → Answerer
 *   createCloudAnswerer({ db, gate, cloud, settings, logger })                        → Answerer
 */
export { createHybridAnswerer, createCloudAnswerer, type HybridDeps } from "./createHybridAnswerer";
export type { HybridReport } from "./buildPrivacyReport";
export { StreamRestorer, safeEnd } from "./StreamRestorer";
