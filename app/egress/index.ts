export { EgressGate, type CheckResult, type EgressGateDeps, type EgressPolicy, type OutboundMessage, type OutboundRequest } from "./EgressGate";
export { AuditLog, type AuditRecord } from "./AuditLog";
export { isAppText, type AppText } from "./appTexts";
