import type { ChatEvent, LiveAnswer, Message, StreamStage } from "../contract/types";

/**
 * The answers being written now, as their events told them: steps, stage texts and the answer's
 * text so far. A view whose event stream dropped reads them back (`messages:live`, and
 * `conversations:get` for the answer's text) instead of waiting for the end. Built from the events
 * themselves, so it holds exactly what an uninterrupted view would show.
 */
export class LiveAnswers {
  private readonly answers = new Map<string, LiveAnswer>();

  /**
   * Records an event about to be sent and returns it as it should go out: a token gains its
   * offset in its stage's text (the answer's: in the message's content). An answer's entry goes
   * with its `message:finished`.
   */
  track(event: ChatEvent): ChatEvent {
    if (event.type === "message:created") this.start(event.conversationId, event.message);
    else if (event.type === "message:finished") this.forget(event.message.id);
    else if (event.type === "message:progress") this.step(event.messageId, event.step);
    else if (event.type === "message:token") {
      const offset = this.append(event.messageId, event.stage ?? "answer", event.text);
      if (offset !== null) return { ...event, offset };
    }
    return event;
  }

  /** `messages` with each answer being written here carrying its text so far instead of the saved copy. */
  withLiveText(messages: Message[]): Message[] {
    return messages.map((message) => {
      const answer = this.answers.get(message.id);
      return answer && message.status === "streaming" ? { ...message, content: answer.text } : message;
    });
  }

  /** Drops an answer that ends without a `message:finished` (its conversation was deleted). */
  forget(messageId: string): void {
    this.answers.delete(messageId);
  }

  /** Copies of the answers being written now, oldest first. */
  list(): LiveAnswer[] {
    return [...this.answers.values()].map((a) => ({ ...a, steps: [...a.steps], streams: { ...a.streams } }));
  }

  private start(conversationId: string, message: Message): void {
    if (message.role !== "assistant" || message.status !== "streaming") return;
    // Continue restarts an answer under its id: its stages start over, its text goes on.
    const mode = message.mode ?? "private";
    const text = message.content;
    this.answers.set(message.id, { conversationId, messageId: message.id, mode, steps: [], streams: {}, text });
  }

  private step(messageId: string, step: LiveAnswer["steps"][number]): void {
    const answer = this.answers.get(messageId);
    if (answer && !answer.steps.includes(step)) answer.steps.push(step);
  }

  /** Appends a piece to its stage or the answer; returns where it starts (null for an answer not started here). */
  private append(messageId: string, stage: StreamStage | "answer", text: string): number | null {
    const answer = this.answers.get(messageId);
    if (!answer) return null;
    if (stage === "answer") {
      const offset = answer.text.length;
      answer.text += text;
      return offset;
    }
    const before = answer.streams[stage] ?? "";
    answer.streams[stage] = before + text;
    return before.length;
  }
}
