/**
 * Auto mode (issue #16): each message goes where it is safe.
 *
 *   decideRoute(input)                    → { route, rule, reason, privateItems, masked }   (pure, over detect() results)
 *   routeMessage({ message, sketch?, vault?, settings }) → the same, running detect() itself and registering
 *                                           the masked codes and numbers in the vault (CLI, proxy, bench)
 *   createAutoAnswerer(deps)              → Answerer delegating to the Private and Hybrid answerers
 *   warmUpAuto(locale)                    → loads the vocabularies in the background, a step per event-loop turn
 *   new AutoWarmer(deps).check()          → starts warmUpAuto when a cloud model is set up (at start or later), once
 */
export {
  ROUTING_RULES,
  RULE_IDS,
  UNCLASSIFIED_KINDS,
  type RuleId,
  type PublicWordList,
  type RoutingRules,
  type UnclassifiedKind,
} from "./routingRules";
export { decideRoute, hybridReason, type Route, type RouteDecision, type RouteInput } from "./decideRoute";
export { routeMessage, type RouteSettings } from "./routeMessage";
export { createAutoAnswerer, type AutoDeps, type AutoAnswerer } from "./createAutoAnswerer";
export { routeStage, readRouteStage, type RouteStageMeta } from "./routeStage";
export { warmUpAuto, type AutoWarmUp, type WarmUpStep } from "./warmUpAuto";
export { AutoWarmer, type AutoWarmerDeps } from "./AutoWarmer";
