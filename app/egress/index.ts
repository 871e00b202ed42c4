export { EgressGate, type CheckResult, type EgressGateDeps, type EgressPolicy, type RefusalReason } from "./EgressGate";
export type { OutboundMessage, OutboundRequest } from "./OutboundRequest";
export { AuditLog, type AuditRecord } from "./AuditLog";
export { isAppText, type AppText } from "./appTexts";
