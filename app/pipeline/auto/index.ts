/**
 * Auto mode (issue #16): each message goes where it is safe.
 *
 *   decideRoute(input)                    → { route, rule, reason, privateItems }   (pure, over detect() results)
 *   routeMessage({ message, sketch?, vault?, settings }) → the same, running detect() itself (CLI, proxy, bench)
 *   createAutoAnswerer(deps)              → Answerer delegating to the Private and Hybrid answerers
 */
export { ROUTING_RULES, RULE_IDS, type RuleId, type RoutingRules } from "./routingRules";
export { decideRoute, hybridReason, type Route, type RouteDecision, type RouteInput } from "./decideRoute";
export { routeMessage, type RouteSettings } from "./routeMessage";
export { createAutoAnswerer, type AutoDeps, type AutoAnswerer } from "./createAutoAnswerer";
export { routeStage, readRouteStage, type RouteStageMeta } from "./routeStage";
