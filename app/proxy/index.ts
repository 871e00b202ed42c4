/**
 * The privacy proxy (issue #13): a local OpenAI-compatible endpoint for other apps.
 *
 *   new ProxyService(deps).chat(body, meta, reply) → sanitize → egress gate → cloud → restore → reply
 *   new ProxyService(deps).models()                → the forwarded model, OpenAI-shaped
 *   ProxyConfigRepo(db)                            → the Settings → Privacy proxy choices
 *   proxyToken(secrets)                            → TANDEM_PROXY_TOKEN's stored default
 */
export { ProxyService } from "./ProxyService";
export { ProxyConfigRepo, type ProxyClient } from "./ProxyConfigRepo";
export { proxyToken, PROXY_TOKEN_SECRET } from "./proxyToken";
export { proxyError } from "./proxyError";
export { errorBody } from "./openAiShapes";
export {
  DEFAULT_PROXY_CONFIG,
  PROXY_POLICIES,
  type ProxyConfig,
  type ProxyControl,
  type ProxyDeps,
  type ProxyPolicy,
  type ProxyReply,
  type ProxyRequestMeta,
  type Upstream,
} from "./types";
