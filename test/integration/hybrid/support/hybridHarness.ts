/**
 * Real parts for Hybrid/Cloud tests: a SQLite file in a temp dir, the real egress gate and audit
 * log, the real CloudProvider (openai SDK) against the recording server on 127.0.0.1, the tiny
 * GGUF through node-llama-cpp, the real ContextService, and ChatService driving the answerers.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { contextSource } from "../../../../app/backend/contextSource";
import { ContextService } from "../../../../app/context";
import type {
  ChatEvent,
  ConversationSummary,
  HybridStrategy,
  Message,
  MessageStage,
  PrivacyMode,
  PrivacyReport,
} from "../../../../app/contract/types";
import { AuditLog, EgressGate } from "../../../../app/egress";
import type { DetectOptions } from "../../../../app/privacy";
import { silentLogger, type Logger } from "../../../../app/logging/Logger";
import type { LocalModel } from "../../../../app/model/LocalModel";
import { ChatService } from "../../../../app/pipeline/ChatService";
import { createPrivateAnswerer } from "../../../../app/pipeline/createPrivateAnswerer";
import { createCloudAnswerer } from "../../../../app/pipeline/cloud";
import { createHybridAnswerer } from "../../../../app/pipeline/hybrid";
import { CloudProvider } from "../../../../app/providers/cloud";
import { Store } from "../../../../app/store/Store";
import { startRecordingCloud, type RecordingCloud, type RecordingCloudOptions } from "../../../helpers/recordingCloud";

export interface HarnessSettings {
  hybridStrategy: HybridStrategy;
  locale: string;
  offline: boolean;
  /** null = the cloud is not set up. */
  cloudBaseUrl: string | null;
  cloudTimeoutMs: number;
  /** Step 5 with the tiny model. Default false here: its random suggestions would make payload assertions of other tests depend on chance. */
  thoroughModelCheck: boolean;
  modelCheckBudgetMs?: number;
}

export interface Harness {
  dir: string;
  store: Store;
  context: ContextService;
  audit: AuditLog;
  cloud: RecordingCloud;
  events: ChatEvent[];
  settings: HarnessSettings;
  /** Sets the locale for the pipeline and for the gate's re-scan (as the host keeps them in step). */
  setLocale(locale: string): void;
  conversation(mode: PrivacyMode): ConversationSummary;
  /** Sends `text` and waits until the answer is finished. */
  ask(conversationId: string, text: string): Promise<Message>;
  /** Sends `text` and returns the assistant message id at once (the answer is being written). */
  start(conversationId: string, text: string): Promise<string>;
  finished(messageId: string): Promise<Message>;
  stages(messageId: string): MessageStage[];
  stage(messageId: string, kind: MessageStage["kind"]): MessageStage | undefined;
  /** The text pieces streamed so far for one stage of a message ("answer" by default), in order. */
  tokens(messageId: string, stage?: string): string[];
  /** The steps a message announced ("sketch", "cloud", "fallback"…), in order. */
  progress(messageId: string): string[];
  /** The privacy report stored with a message. */
  report(messageId: string): PrivacyReport;
  chat: ChatService;
  close(): Promise<void>;
}

export interface HarnessOptions {
  maxAnswerTokens: number;
  cloud?: RecordingCloudOptions;
  /** Extra options for the gate's re-scan (e.g. a declared term the pipeline does not know). */
  gate?: DetectOptions;
  /** Receives the answerers', gate's and provider's logs. Default: silent. */
  logger?: Logger;
}

export async function startHarness(model: LocalModel, options: HarnessOptions): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), "tandem-hybrid-"));
  const store = Store.open(join(dir, "tandem.db"));
  store.settings.update({ maxAnswerTokens: options.maxAnswerTokens });
  const cloud = await startRecordingCloud(options.cloud);
  const settings: HarnessSettings = {
    hybridStrategy: "sketch-refine",
    locale: "en-US",
    offline: false,
    cloudBaseUrl: cloud.baseUrl,
    cloudTimeoutMs: 5000,
    thoroughModelCheck: false,
  };
  const audit = new AuditLog(store.db);
  const detectOptions = { ...options.gate, locale: settings.locale };
  const logger = options.logger ?? silentLogger;
  const gate = new EgressGate({ audit, isOffline: () => settings.offline, detectOptions, logger });
  const context = new ContextService(store.db);
  const provider = () =>
    settings.cloudBaseUrl === null
      ? null
      : new CloudProvider(
          {
            baseUrl: settings.cloudBaseUrl,
            model: "test-model",
            apiKey: "sk-test",
            timeoutMs: settings.cloudTimeoutMs,
          },
          { logger },
        );
  const deps = { db: store.db, gate, cloud: provider, settings: () => settings, logger };
  const events: ChatEvent[] = [];
  const chat = new ChatService({
    store,
    emit: (event) => events.push(event),
    logger,
    getModel: async () => ({ model, modelId: "tiny" }),
    answerers: {
      private: createPrivateAnswerer(contextSource(context)),
      hybrid: createHybridAnswerer({
        ...deps,
        context: contextSource(context),
        contextTerms: (id) => context.contextTermsFor(id),
      }),
      cloud: createCloudAnswerer(deps),
      // Auto conversations are tested through the host (test/integration/auto); not used here.
      auto: () => Promise.reject(new Error("Auto mode is not wired in the Hybrid harness.")),
    },
  });
  const finished = (messageId: string) =>
    waitFor(
      () =>
        events.find(
          (e): e is Extract<ChatEvent, { type: "message:finished" }> =>
            e.type === "message:finished" && e.message.id === messageId,
        )?.message,
    );
  const start = async (conversationId: string, text: string) =>
    (await chat.send(conversationId, text)).assistantMessage.id;
  return {
    dir,
    store,
    context,
    audit,
    cloud,
    events,
    settings,
    chat,
    finished,
    start,
    setLocale: (locale) => void (settings.locale = detectOptions.locale = locale),
    conversation: (mode) => store.conversations.create({ mode }),
    ask: async (conversationId, text) => finished(await start(conversationId, text)),
    stages: (messageId) => store.stages.list(messageId),
    stage: (messageId, kind) => store.stages.list(messageId).find((s) => s.kind === kind),
    tokens: (messageId, stage = "answer") =>
      events
        .filter(
          (e): e is Extract<ChatEvent, { type: "message:token" }> =>
            e.type === "message:token" && e.messageId === messageId && (e.stage ?? "answer") === stage,
        )
        .map((e) => e.text),
    progress: (messageId) =>
      events
        .filter(
          (e): e is Extract<ChatEvent, { type: "message:progress" }> =>
            e.type === "message:progress" && e.messageId === messageId,
        )
        .map((e) => e.step),
    report: (messageId) =>
      store.stages.list(messageId).find((s) => s.kind === "report")?.meta as unknown as PrivacyReport,
    async close() {
      await chat.close();
      await cloud.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
      if (store.isOpen || existsSync(dir)) throw new Error("the harness left its database open or its temp dir behind");
    },
  };
}

/** Polls until `get` returns a value (answers finish asynchronously, after their events). */
export function waitFor<T>(get: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      const value = get();
      if (value !== undefined) return resolve(value);
      if (Date.now() - started > timeoutMs) return reject(new Error("timed out waiting"));
      setTimeout(check, 5);
    };
    check();
  });
}
