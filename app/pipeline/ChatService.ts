import { TandemError, toErrorData } from "../contract/errors";
import type {
  AnswerStep,
  ChatEvent,
  ConversationSummary,
  LiveAnswer,
  Message,
  PrivacyMode,
  StreamStage,
} from "../contract/types";
import type { Logger } from "../logging/Logger";
import type { LocalModel } from "../model/LocalModel";
import type { Store } from "../store/Store";
import type { Answerer } from "./Answerer";
import { deriveTitle } from "./deriveTitle";
import { LiveAnswers } from "./LiveAnswers";

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

/** One answer being written: a new one (prefix "") or a cut one continued (prefix = its text so far). */
interface GenerateRun {
  conversation: ConversationSummary;
  assistant: Message;
  /** What the model sees; when continuing, it ends with the answer being continued. */
  history: Message[];
  model: LocalModel;
  signal: AbortSignal;
  answerer: Answerer;
  prefix: string;
  /** Tokens the answer had before Continue: its stats count the whole answer. */
  tokensBefore: number;
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
  private readonly live = new LiveAnswers();
  /** Every event goes out through here, so the live answers see it (and stage tokens get their offset). */
  private readonly emit = (event: ChatEvent) => this.deps.emit(this.live.track(event));

  constructor(private readonly deps: ChatServiceDeps) {}

  /** The answers being written now, as far as their stages have come (`messages:live`). */
  liveAnswers(): LiveAnswer[] {
    return this.live.list();
  }

  /** A conversation's messages with the answers being written at their text so far (saved only each second). */
  withLiveText(messages: Message[]): Message[] {
    return this.live.withLiveText(messages);
  }

  async send(conversationId: string, text: string): Promise<{ userMessage: Message; assistantMessage: Message }> {
    this.assertIdle(conversationId);
    const { store } = this.deps;
    const conversation = this.requireConversation(conversationId);
    const model = await this.deps.getModel();
    // Another send may have started an answer here while the model loaded.
    this.assertIdle(conversationId);
    const isFirst = store.messages.listForConversation(conversationId).length === 0;
    const userMessage = store.messages.append({
      conversationId,
      role: "user",
      content: text,
      status: "done",
      mode: conversation.mode,
    });
    if (isFirst && conversation.title === "New conversation") {
      this.emit({
        type: "conversation:updated",
        conversation: store.conversations.rename(conversationId, deriveTitle(text)),
      });
    }
    const assistantMessage = this.startAnswer(conversation, model, userMessage.id);
    return { userMessage, assistantMessage };
  }

  /** A new answer to the last question; the earlier ones are kept as variants (issue 12). */
  async regenerate(conversationId: string): Promise<{ assistantMessage: Message }> {
    this.assertIdle(conversationId);
    const lastUser = this.lastUserMessage(conversationId);
    const model = await this.deps.getModel();
    this.assertIdle(conversationId);
    this.deps.store.messages.setAsideAnswers(conversationId, seqOf(this.deps.store, lastUser), lastUser.id);
    return { assistantMessage: this.startAnswer(this.requireConversation(conversationId), model, lastUser.id) };
  }

  /** Shows another variant of an answer; the conversation continues from the one chosen. */
  chooseVariant(conversationId: string, messageId: string): { message: Message } {
    this.assertIdle(conversationId);
    const message = this.deps.store.messages.get(messageId);
    if (!message || message.conversationId !== conversationId)
      throw new TandemError("not_found", "That answer no longer exists.");
    return { message: this.deps.store.messages.choose(messageId) };
  }

  /**
   * Continue: the last answer, cut at the length limit, is written on in the same message. The
   * local model continues it (only a local answer is ever cut: see createPrivateAnswerer), whatever
   * the conversation's mode now — nothing leaves the device.
   */
  async continueAnswer(conversationId: string): Promise<{ assistantMessage: Message }> {
    this.assertIdle(conversationId);
    const conversation = this.requireConversation(conversationId);
    const last = this.deps.store.messages.listForConversation(conversationId).at(-1);
    if (!last || last.role !== "assistant" || !last.cutAtLimit) {
      throw new TandemError(
        "invalid_request",
        "Only the last answer, when it was cut at the length limit, can be continued.",
      );
    }
    const model = await this.deps.getModel();
    this.assertIdle(conversationId);
    const assistant = this.deps.store.messages.restart(last.id);
    const history = this.deps.store.messages.listForConversation(conversationId);
    this.emit({ type: "message:created", conversationId, message: assistant });
    const answerer = this.deps.answerers.private;
    this.run(conversationId, (signal) =>
      this.generate({
        conversation,
        assistant,
        history,
        model: model.model,
        signal,
        answerer,
        prefix: last.content,
        tokensBefore: last.stats?.tokens ?? 0,
      }),
    );
    return { assistantMessage: assistant };
  }

  async editLast(conversationId: string, text: string): Promise<{ userMessage: Message; assistantMessage: Message }> {
    this.assertIdle(conversationId);
    const lastUser = this.lastUserMessage(conversationId);
    const model = await this.deps.getModel();
    const { messages } = this.deps.store;
    messages.deleteAfter(conversationId, seqOf(this.deps.store, lastUser));
    const userMessage = messages.replaceContent(lastUser.id, text);
    return {
      userMessage,
      assistantMessage: this.startAnswer(this.requireConversation(conversationId), model, lastUser.id),
    };
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

  private startAnswer(
    conversation: ConversationSummary,
    resolved: { model: LocalModel; modelId: string },
    replyTo: string,
  ): Message {
    const { store } = this.deps;
    const conversationId = conversation.id;
    const history = store.messages.listForConversation(conversationId);
    // The mode that picks the answerer is stored with the answer: Cloud mode sends only earlier Cloud turns.
    const assistant = store.messages.append({
      conversationId,
      role: "assistant",
      content: "",
      status: "streaming",
      modelId: resolved.modelId,
      replyTo,
      mode: conversation.mode,
    });
    this.emit({ type: "message:created", conversationId, message: assistant });
    const answerer = this.deps.answerers[conversation.mode];
    this.run(conversationId, (signal) =>
      this.generate({
        conversation,
        assistant,
        history,
        model: resolved.model,
        signal,
        answerer,
        prefix: "",
        tokensBefore: 0,
      }),
    );
    return assistant;
  }

  /** Registers the answer as running before any of it runs, so Stop and assertIdle see it at once. */
  private run(conversationId: string, write: (signal: AbortSignal) => Promise<void>): void {
    const running: Running = { controller: new AbortController(), done: Promise.resolve() };
    this.running.set(conversationId, running);
    running.done = write(running.controller.signal).finally(() => this.running.delete(conversationId));
  }

  private async generate(run: GenerateRun): Promise<void> {
    const { conversation, assistant, history, model, signal, answerer: answer, prefix, tokensBefore } = run;
    const { store, logger } = this.deps;
    const emit = this.emit;
    const { conversationId, id: messageId } = assistant;
    let text = prefix;
    let lastFlush = Date.now();
    const onText = (piece: string, stage: "answer" | StreamStage = "answer") => {
      emit({ type: "message:token", conversationId, messageId, text: piece, stage });
      if (stage !== "answer") return;
      text += piece;
      if (Date.now() - lastFlush >= FLUSH_INTERVAL_MS) {
        store.messages.updateContent(messageId, text);
        lastFlush = Date.now();
      }
    };
    const onProgress = (step: AnswerStep) => emit({ type: "message:progress", conversationId, messageId, step });
    let finished: Message | null;
    try {
      const outcome = await answer({
        conversation,
        history,
        messageId,
        model,
        maxTokens: this.maxAnswerTokens(),
        signal,
        onText,
        onProgress,
      });
      finished = this.persist(messageId, () => {
        for (const stage of outcome.stages) store.stages.put(messageId, stage);
        const content = outcome.text ? prefix + outcome.text : text;
        const stats = outcome.stats && { ...outcome.stats, tokens: tokensBefore + outcome.stats.tokens };
        return store.messages.finish(messageId, {
          content,
          status: outcome.status,
          stats,
          cutAtLimit: outcome.cutAtLimit,
        });
      });
      logger.info("answer finished", {
        conversationId,
        messageId,
        mode: conversation.mode,
        status: outcome.status,
        tokens: outcome.stats?.tokens ?? 0,
      });
    } catch (error) {
      const data = toErrorData(error);
      logger.warn("answer failed", { conversationId, messageId, mode: conversation.mode, code: data.code });
      finished = this.persist(messageId, () =>
        store.messages.finish(messageId, { content: text, status: "error", error: data.message }),
      );
    }
    if (finished) emit({ type: "message:finished", conversationId, message: finished });
    else this.live.forget(messageId);
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
      throw new TandemError(
        "busy",
        "An answer is still being written in this conversation. Stop it first or wait for it to finish.",
      );
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
