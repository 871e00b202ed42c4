import type { Message } from "../../../app/contract/types";

/**
 * Pure list operations for the open conversation's messages. Events (over SSE) and call replies
 * (over HTTP) travel separately and can arrive in either order, so every operation is
 * idempotent by message id and never lets an older snapshot shorten text already streamed.
 */

/**
 * Inserts or replaces `incoming`. A finished copy is never replaced by a streaming one (the
 * HTTP reply can arrive after the final event), and while both are streaming the longer text wins.
 */
export function upsertMessage(messages: readonly Message[], incoming: Message): Message[] {
  const index = messages.findIndex((m) => m.id === incoming.id);
  if (index === -1) return [...messages, incoming];
  const existing = messages[index]!;
  if (existing.status !== "streaming" && incoming.status === "streaming") return [...messages];
  const keepStreamed =
    existing.status === "streaming" &&
    incoming.status === "streaming" &&
    existing.content.length > incoming.content.length;
  const next = [...messages];
  next[index] = keepStreamed ? { ...incoming, content: existing.content } : incoming;
  return next;
}

/** Appends a streamed token to a streaming message; null when the message is not (yet) known. */
export function appendToken(messages: readonly Message[], messageId: string, text: string): Message[] | null {
  const index = messages.findIndex((m) => m.id === messageId);
  if (index === -1) return null;
  const existing = messages[index]!;
  // A token after the final copy arrived would duplicate text already in it.
  if (existing.status !== "streaming") return [...messages];
  const next = [...messages];
  next[index] = { ...existing, content: existing.content + text };
  return next;
}

/** Adds tokens that arrived before their message to a newly known streaming message. */
export function withPendingTokens(message: Message, pending: string | undefined): Message {
  if (!pending || message.status !== "streaming") return message;
  return { ...message, content: message.content + pending };
}

/** Appends a question and its answer in that order, whichever of them events delivered first. */
export function appendExchange(messages: readonly Message[], question: Message, answer: Message): Message[] {
  const base = messages.filter((m) => m.id !== question.id && m.id !== answer.id);
  return upsertMessage(withEarlierCopy(upsertMessage(base, question), messages, answer.id), answer);
}

/** Replaces the answer(s) after the last user message with `answer` (Regenerate). */
export function replaceLastAnswer(messages: readonly Message[], answer: Message): Message[] {
  const lastUser = findLastIndex(messages, (m) => m.role === "user");
  const kept = messages.slice(0, lastUser + 1).filter((m) => m.id !== answer.id);
  return upsertMessage(withEarlierCopy(kept, messages, answer.id), answer);
}

/** Shows `chosen` where another variant of the same answer is on screen (‹ 2/3 ›). */
export function showVariant(messages: readonly Message[], chosen: Message): Message[] {
  const index = messages.findIndex((m) => m.id === chosen.id || (chosen.variants ?? []).includes(m.id));
  if (index === -1) return [...messages];
  const next = [...messages];
  next[index] = chosen;
  return next;
}

/** Continue: the answer is being written on again, so tokens append to it from now on. */
export function reopenAnswer(messages: readonly Message[], id: string): Message[] {
  return messages.map((m) => (m.id === id ? { ...m, status: "streaming", cutAtLimit: false } : m));
}

/** Replaces the last user message and everything after it (Edit last message). */
export function replaceLastExchange(messages: readonly Message[], question: Message, answer: Message): Message[] {
  const lastUser = findLastIndex(messages, (m) => m.role === "user");
  const base = messages.slice(0, Math.max(0, lastUser)).filter((m) => m.id !== question.id && m.id !== answer.id);
  const withQuestion = upsertMessage(base, question);
  return upsertMessage(withEarlierCopy(withQuestion, messages, answer.id), answer);
}

/** Merges a freshly loaded list with what is on screen: the loaded list wins, except streamed text. */
export function mergeLoaded(current: readonly Message[], loaded: readonly Message[]): Message[] {
  return loaded.map((message) => {
    const onScreen = current.find((m) => m.id === message.id);
    return onScreen ? upsertMessage([onScreen], message)[0]! : message;
  });
}

/** Keeps a copy of `id` that an event already delivered (with its streamed text) before the reply. */
function withEarlierCopy(kept: Message[], all: readonly Message[], id: string): Message[] {
  const earlier = all.find((m) => m.id === id);
  return earlier ? [...kept, earlier] : kept;
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i]!)) return i;
  return -1;
}
