import type {
  MessageStage,
  ModelCheckReport,
  PrivacyMode,
  PrivacyReport,
  StageKind,
} from "../../../app/contract/types";

/** One note or document the local model read for an answer, with the passages it used. */
export interface ContextUsedItem {
  itemId: string;
  title: string;
  passages: string[];
}

export interface ContextUsed {
  profileUsed: boolean;
  items: ContextUsedItem[];
}

/** An answer's stored stages, read into the shapes the UI shows. Missing stages are null. */
export interface StagesView {
  context: ContextUsed | null;
  sketch: string | null;
  outline: string | null;
  /** The exact payload(s) that left the device, as stored (JSON). */
  payload: string | null;
  cloud: string | null;
  report: PrivacyReport | null;
  /** What the user must know about this answer, e.g. that the cloud failed and it is local only. */
  notice: string | null;
  /** "fallback": the cloud step did not happen and the answer is local (shown as a warning). */
  noticeKind: "fallback" | "info";
  /** Placeholders the cloud's answer left out and the local model filled back in on the device. */
  filled: string[];
  /** Auto mode: where the answer was made and why (the `route` stage); null in other modes. */
  route: RouteView | null;
}

export interface RouteView {
  route: "local" | "hybrid";
  reason: string;
  /** The user asked for this route ("ask the other way"). */
  forced: boolean;
}

/**
 * Stage metadata is stored as JSON and crosses the bridge untyped; everything is checked here so
 * a malformed row shows less, never crashes the chat.
 */
export function readStages(stages: readonly MessageStage[]): StagesView {
  const find = (kind: StageKind) => stages.find((s) => s.kind === kind) ?? null;
  const text = (kind: StageKind) => find(kind)?.content ?? null;
  const report = readReport(find("report")?.meta ?? null);
  return {
    context: readContext(find("context")?.meta ?? null),
    sketch: text("sketch"),
    outline: text("outline"),
    payload: text("sanitized"),
    cloud: text("cloud"),
    report,
    notice: text("notice") || fallbackNotice(report),
    noticeKind: report?.fallback || find("notice")?.meta?.code ? "fallback" : "info",
    filled: strings(find("report")?.meta?.filled),
    route: readRoute(find("route")),
  };
}

/** Whether an answer went (or was meant to go) through the cloud: Hybrid or Cloud mode. */
export function usedCloudMode(view: StagesView): boolean {
  return view.report !== null ? view.report.mode !== "private" : view.payload !== null;
}

/** When the back end stored no notice but the report says the cloud step did not happen. */
function fallbackNotice(report: PrivacyReport | null): string | null {
  if (!report?.fallback) return null;
  return `${report.fallback.message.replace(/\s*$/, "")} This answer was written locally.`;
}

function readRoute(stage: MessageStage | null): RouteView | null {
  const route = stage?.meta?.route;
  if (!stage || (route !== "local" && route !== "hybrid")) return null;
  return { route, reason: stage.content, forced: stage.meta?.forced === true };
}

function readContext(meta: Record<string, unknown> | null): ContextUsed | null {
  if (!meta) return null;
  const items = Array.isArray(meta.items) ? meta.items.flatMap(readContextItem) : [];
  const profileUsed = meta.profileUsed === true;
  return profileUsed || items.length > 0 ? { profileUsed, items } : null;
}

function readContextItem(raw: unknown): ContextUsedItem[] {
  if (!isRecord(raw) || typeof raw.title !== "string") return [];
  const passages = Array.isArray(raw.passages)
    ? raw.passages.map((p) => (isRecord(p) && typeof p.text === "string" ? p.text : typeof p === "string" ? p : null))
    : [];
  return [
    {
      itemId: String(raw.itemId ?? raw.title),
      title: raw.title,
      passages: passages.filter((p): p is string => p !== null),
    },
  ];
}

const MODES: readonly PrivacyMode[] = ["private", "hybrid", "cloud", "auto"];

function readReport(meta: Record<string, unknown> | null): PrivacyReport | null {
  if (!meta) return null;
  const num = (key: string) => (typeof meta[key] === "number" ? (meta[key] as number) : 0);
  const str = (key: string) => (typeof meta[key] === "string" ? (meta[key] as string) : null);
  const byType = isRecord(meta.byType)
    ? Object.fromEntries(Object.entries(meta.byType).filter((e): e is [string, number] => typeof e[1] === "number"))
    : {};
  const fallback =
    isRecord(meta.fallback) && typeof meta.fallback.message === "string"
      ? { code: String(meta.fallback.code ?? "internal"), message: meta.fallback.message }
      : null;
  return {
    mode: MODES.includes(meta.mode as PrivacyMode) ? (meta.mode as PrivacyMode) : "hybrid",
    strategy: meta.strategy === "sketch-refine" || meta.strategy === "cloud-outline" ? meta.strategy : null,
    replaced: num("replaced"),
    byType,
    leftDevice: num("leftDevice"),
    bytes: num("bytes"),
    endpoint: str("endpoint"),
    model: str("model"),
    unresolved: strings(meta.unresolved),
    fallback,
    ...readModelCheck(meta.modelCheck),
  };
}

const CHECK_STATUSES: ReadonlyArray<ModelCheckReport["status"]> = ["done", "off", "timeout", "failed"];

/** Step 5's part of the report; absent in reports written before it existed. */
function readModelCheck(raw: unknown): { modelCheck?: ModelCheckReport } {
  if (!isRecord(raw) || !CHECK_STATUSES.includes(raw.status as ModelCheckReport["status"])) return {};
  const added = isRecord(raw.added)
    ? Object.fromEntries(Object.entries(raw.added).filter((e): e is [string, number] => typeof e[1] === "number"))
    : {};
  return {
    modelCheck: {
      status: raw.status as ModelCheckReport["status"],
      ms: typeof raw.ms === "number" ? raw.ms : 0,
      added,
    },
  };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
