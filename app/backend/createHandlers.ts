import { TandemError } from "../contract/errors";
import type { AppInfo, ChatEvent, ModelInfo } from "../contract/types";
import type { LocalModelRuntime } from "../model/LocalModel";
import type { ModelManager } from "../model/ModelManager";
import type { ChatService } from "../pipeline/ChatService";
import type { AutoAnswerer } from "../pipeline/auto";
import type { ContextService } from "../context";
import type { AuditLog, EgressGate } from "../egress";
import type { Store } from "../store/Store";
import type { CloudAccess } from "./CloudAccess";
import { contextHandlers } from "./contextHandlers";
import type { ModelTools } from "../model/ModelTools";
import { modelHandlers, recordModel } from "./modelHandlers";
import { dataHandlers, type DataHandlerDeps } from "./dataHandlers";
import type { Handlers } from "./Handlers";
import type { ProxyControl } from "../proxy";

export interface HandlerDeps {
  store: Store;
  runtime: Pick<LocalModelRuntime, "inspect">;
  models: ModelManager;
  chat: ChatService;
  /** Auto mode's answerer, for "ask the other way" (chat:reask). */
  auto: Pick<AutoAnswerer, "forceNext">;
  context: ContextService;
  cloud: CloudAccess;
  audit: AuditLog;
  /** The one egress gate (remote model headers and downloads pass it too). */
  gate: EgressGate;
  /** Hardware, fit checks and downloads (native-models/), for the model management channels. */
  tools: ModelTools;
  /** The data directory's models/ folder. */
  modelsDir: string;
  info(): AppInfo;
  /** Tells every window (e.g. a mode switched in another one). */
  emit(event: ChatEvent): void;
  /** The privacy proxy's controls (issue #13), provided by the host that runs its server. */
  proxy: ProxyControl;
  /** "Delete all my data", provided by the host that owns the files (see dataHandlers). */
  wipeData?: DataHandlerDeps["wipeData"];
}

/** The back end behind the contract, shared by every host. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { store, chat } = deps;
  return {
    "app:info": () => deps.info(),
    "settings:get": () => store.settings.get(),
    "settings:update": (patch) => {
      if (patch.activeModelId) requireModel(store, patch.activeModelId);
      return store.settings.update(patch);
    },
    "models:list": () => store.models.list(),
    "models:add": async ({ path }) => addModel(deps, path),
    "models:remove": async ({ id }) => {
      requireModel(store, id);
      if (store.settings.get().activeModelId === id) {
        await deps.models.unload();
        store.settings.update({ activeModelId: null });
      }
      store.models.remove(id);
      return { removed: true as const };
    },
    "conversations:list": () => store.conversations.list(),
    // Auto is the default once a cloud model is set up (issue #16); without one, Private.
    "conversations:create": ({ mode }) =>
      store.conversations.create({ mode: mode ?? (deps.cloud.status().configured ? "auto" : "private") }),
    "conversations:get": ({ id }) => {
      const conversation = store.conversations.get(id);
      if (!conversation) throw new TandemError("not_found", "This conversation no longer exists.");
      return { conversation, messages: chat.withLiveText(store.messages.listForConversation(id)) };
    },
    "conversations:rename": ({ id, title }) => store.conversations.rename(id, title),
    "conversations:setMode": ({ id, mode }) => {
      const conversation = store.conversations.setMode(id, mode);
      deps.emit({ type: "conversation:updated", conversation });
      return conversation;
    },
    "conversations:delete": ({ id }) => {
      chat.stop(id);
      if (!store.conversations.delete(id)) throw new TandemError("not_found", "This conversation no longer exists.");
      return { deleted: true as const };
    },
    "conversations:search": ({ query, limit }) => store.conversations.search(query, limit),
    "chat:send": ({ conversationId, text }) => chat.send(conversationId, text),
    "chat:stop": ({ conversationId }) => ({ stopped: chat.stop(conversationId) }),
    "chat:regenerate": ({ conversationId }) => chat.regenerate(conversationId),
    "chat:reask": ({ conversationId, route }) => {
      if (store.conversations.get(conversationId)?.mode !== "auto") {
        throw new TandemError(
          "invalid_request",
          "Asking the other way works in Auto conversations only; switch the mode instead.",
        );
      }
      chat.assertIdle(conversationId);
      deps.auto.forceNext(conversationId, route);
      return chat.regenerate(conversationId);
    },
    "chat:chooseVariant": ({ conversationId, messageId }) => chat.chooseVariant(conversationId, messageId),
    "chat:continue": ({ conversationId }) => chat.continueAnswer(conversationId),
    "chat:editLast": ({ conversationId, text }) => chat.editLast(conversationId, text),
    "messages:stages": ({ messageId }) => store.stages.list(messageId),
    "messages:live": () => chat.liveAnswers(),
    "cloud:status": () => deps.cloud.status(),
    "cloud:configure": (input) => deps.cloud.configure(input),
    "cloud:test": () => deps.cloud.test(),
    "proxy:status": () => deps.proxy.status(),
    "proxy:configure": (patch) => deps.proxy.configure(patch),
    "egress:list": ({ conversationId, limit }) => deps.audit.list({ conversationId, limit }),
    ...contextHandlers(deps.context),
    ...dataHandlers(deps),
    ...modelHandlers(deps),
  };
}

/** Checks the file's GGUF header, then records it (the model list keeps the path, not a copy). */
async function addModel(deps: HandlerDeps, path: string): Promise<ModelInfo> {
  return recordModel(deps.store, await deps.runtime.inspect(path), { source: "file" });
}

function requireModel(store: Store, id: string): ModelInfo {
  const model = store.models.get(id);
  if (!model) throw new TandemError("not_found", "That model is no longer in the list. Add it again.");
  return model;
}
