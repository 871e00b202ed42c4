import type {
  AnswerStep,
  ConversationSummary,
  Message,
  MessageStage,
  MessageStats,
  StreamStage,
} from "../contract/types";
import type { LocalModel } from "../model/LocalModel";

/** Everything one answer needs; ChatService owns the message's lifecycle around it. */
export interface AnswerContext {
  conversation: ConversationSummary;
  /**
   * The conversation so far, the user's message to answer last (the streaming answer excluded) —
   * or, for Continue, the answer to write on last.
   */
  history: Message[];
  /** The id of the assistant message being written. */
  messageId: string;
  model: LocalModel;
  maxTokens: number;
  signal: AbortSignal;
  /** Streams a piece of text: "answer" pieces form the visible answer; others feed the stage view. */
  onText(text: string, stage?: "answer" | StreamStage): void;
  onProgress(step: AnswerStep): void;
}

export interface AnswerOutcome {
  /** The final answer shown to the user (real values restored). */
  text: string;
  /** "stopped" when the user pressed Stop. */
  status: "done" | "stopped";
  stats: MessageStats | null;
  /** Stored with the message (message_stages) so the UI can reopen them. */
  stages: MessageStage[];
  /** The model stopped at the answer-length limit (the UI offers Continue). Default false. */
  cutAtLimit?: boolean;
}

/** Produces the answer for one privacy mode. Throwing marks the message "error" with the message. */
export type Answerer = (context: AnswerContext) => Promise<AnswerOutcome>;
