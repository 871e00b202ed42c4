/**
 * The Cloud answerer: plain chat with the cloud model, no private context. The host builds it once:
 *
 *   createCloudAnswerer({ db, gate, cloud, settings, logger }) → Answerer
 */
export { createCloudAnswerer } from "./createCloudAnswerer";
