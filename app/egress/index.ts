export { EgressGate, type CheckResult, type EgressGateDeps, type EgressPolicy, type OutboundRequest } from "./EgressGate";
export { AuditLog, type AuditRecord } from "./AuditLog";
