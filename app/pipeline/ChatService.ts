import { TandemError, toErrorData } from "../contract/errors";
import type { ChatEvent, ConversationSummary, Message, PrivacyMode } from "../contract/types";
import type { Logger } from "../logging/Logger";
import type { LocalModel } from "../model/LocalModel";
import type { Store } from "../store/Store";
import type { Answerer } from "./Answerer";
import { deriveTitle } from "./deriveTitle";

/** How often a streaming answer is written to disk: a crash loses at most this much text. */
export const FLUSH_INTERVAL_MS = 1000;

export interface ChatServiceDeps {
  store: Store;
  /** Resolves the active local model (loading it if needed); throws `no_model` if none is set. */
  getModel(): Promise<{ model: LocalModel; modelId: string }>;
  emit(event: ChatEvent): void;
  logger: Logger;
  /** One answerer per privacy mode (Private: local only; Hybrid; Cloud; Auto: routes to Private or Hybrid). */
  answerers: Record<PrivacyMode, Answerer>;
}

interface Running {
  controller: AbortController;
  done: Promise<void>;
}

/**
 * Private mode: the user's message is answered by the local model only. Every answer is written
 * as it streams (flushed about once a second) and finished with its status and speed.
 */
export class ChatService {
  private readonly running = new Map<string, Running>();

  constructor(private readonly deps: ChatServiceDeps) {}

  async send(conversationId: string, text: string): Promise<{ userMessage: Message; assistantMessage: Message }> {
    this.assertIdle(conversationId);
    const { store } = this.deps;
    const conversation = this.requireConversation(conversationId);
    const model = await this.deps.getModel();
    const isFirst = store.messages.listForConversation(conversationId).length === 0;
    const userMessage = store.messages.append({ conversationId, role: "user", content: text, status: "done" });
    if (isFirst && conversation.title === "New conversation") {
      this.deps.emit({ type: "conversation:updated", conversation: store.conversations.rename(conversationId, deriveTitle(text)) });
    }
    const assistantMessage = this.startAnswer(conversation, model);
    return { userMessage, assistantMessage };
  }

  async regenerate(conversationId: string): Promise<{ assistantMessage: Message }> {
    this.assertIdle(conversationId);
    const lastUser = this.lastUserMessage(conversationId);
    const model = await this.deps.getModel();
    this.deps.store.messages.deleteAfter(conversationId, seqOf(this.deps.store, lastUser));
    return { assistantMessage: this.startAnswer(this.requireConversation(conversationId), model) };
  }

  async editLast(conversationId: string, text: string): Promise<{ userMessage: Message; assistantMessage: Message }> {
    this.assertIdle(conversationId);
    const lastUser = this.lastUserMessage(conversationId);
    const model = await this.deps.getModel();
    const { messages } = this.deps.store;
    messages.deleteAfter(conversationId, seqOf(this.deps.store, lastUser));
    const userMessage = messages.replaceContent(lastUser.id, text);
    return { userMessage, assistantMessage: this.startAnswer(this.requireConversation(conversationId), model) };
  }

  stop(conversationId: string): boolean {
    const run = this.running.get(conversationId);
    if (!run) return false;
    run.controller.abort();
    return true;
  }

  isRunning(conversationId: string): boolean {
    return this.running.has(conversationId);
  }

  /** Stops every answer being written (kept as "stopped") and waits until each is stored. */
  async close(): Promise<void> {
    const runs = [...this.running.values()];
    for (const run of runs) run.controller.abort();
    await Promise.all(runs.map((run) => run.done));
  }

  private startAnswer(conversation: ConversationSummary, resolved: { model: LocalModel; modelId: string }): Message {
    const { store } = this.deps;
    const conversationId = conversation.id;
    const history = store.messages.listForConversation(conversationId);
    const assistant = store.messages.append({ conversationId, role: "assistant", content: "", status: "streaming", modelId: resolved.modelId });
    this.deps.emit({ type: "message:created", conversationId, message: assistant });
    const controller = new AbortController();
    const done = this.generate(conversation, assistant, history, resolved.model, controller.signal).finally(() => this.running.delete(conversationId));
    this.running.set(conversationId, { controller, done });
    return assistant;
  }

  private async generate(conversation: ConversationSummary, assistant: Message, history: Message[], model: LocalModel, signal: AbortSignal): Promise<void> {
    const { store, emit, logger } = this.deps;
    const { conversationId, id: messageId } = assistant;
    let text = "";
    let lastFlush = Date.now();
    const onText = (piece: string, stage: "answer" | "sketch" | "cloud" | "outline" = "answer") => {
      emit({ type: "message:token", conversationId, messageId, text: piece, stage });
      if (stage !== "answer") return;
      text += piece;
      if (Date.now() - lastFlush >= FLUSH_INTERVAL_MS) {
        store.messages.updateContent(messageId, text);
        lastFlush = Date.now();
      }
    };
    const onProgress = (step: Parameters<Answerer>[0] extends { onProgress(step: infer S): void } ? S : never) =>
      emit({ type: "message:progress", conversationId, messageId, step });
    let finished: Message | null;
    try {
      const answer = this.deps.answerers[conversation.mode];
      const outcome = await answer({ conversation, history, messageId, model, maxTokens: this.maxAnswerTokens(), signal, onText, onProgress });
      finished = this.persist(messageId, () => {
        for (const stage of outcome.stages) store.stages.put(messageId, stage);
        return store.messages.finish(messageId, { content: outcome.text || text, status: outcome.status, stats: outcome.stats ?? undefined });
      });
      logger.info("answer finished", { conversationId, messageId, mode: conversation.mode, status: outcome.status, tokens: outcome.stats?.tokens ?? 0 });
    } catch (error) {
      const data = toErrorData(error);
      logger.warn("answer failed", { conversationId, messageId, mode: conversation.mode, code: data.code });
      finished = this.persist(messageId, () => store.messages.finish(messageId, { content: text, status: "error", error: data.message }));
    }
    if (finished) emit({ type: "message:finished", conversationId, message: finished });
  }

  /** Stores the end of an answer; null when its conversation was deleted while it was written. */
  private persist(messageId: string, write: () => Message): Message | null {
    if (!this.deps.store.messages.get(messageId)) {
      this.deps.logger.info("answer dropped: its conversation was deleted", { messageId });
      return null;
    }
    return write();
  }

  private maxAnswerTokens(): number {
    return this.deps.store.settings.get().maxAnswerTokens;
  }

  /** Throws `busy` while an answer is being written in the conversation. */
  assertIdle(conversationId: string): void {
    if (this.running.has(conversationId)) {
      throw new TandemError("busy", "An answer is still being written in this conversation. Stop it first or wait for it to finish.");
    }
  }

  private requireConversation(conversationId: string) {
    const conversation = this.deps.store.conversations.get(conversationId);
    if (!conversation) throw new TandemError("not_found", "This conversation no longer exists.");
    return conversation;
  }

  private lastUserMessage(conversationId: string): Message {
    this.requireConversation(conversationId);
    const messages = this.deps.store.messages.listForConversation(conversationId);
    const lastUser = messages.findLast((m) => m.role === "user");
    if (!lastUser) throw new TandemError("not_found", "There is no message to answer yet in this conversation.");
    return lastUser;
  }
}

function seqOf(store: Store, message: Message): number {
  const seq = store.messages.seqOf(message.id);
  if (seq === null) throw new TandemError("not_found", "That message no longer exists.");
  return seq;
}
