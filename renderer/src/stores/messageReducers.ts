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

/** A piece of an answer's streamed text and where it starts in the answer (none: after what is there). */
export interface Piece {
  text: string;
  offset?: number;
}

/**
 * `content` with `piece` in its place: appended when it starts at the end (or says nothing), the
 * part past the end only when a reload already brought its start. Null when it starts past the
 * end: the pieces between were missed, so it has to wait for a reload to bring them.
 */
export function placePiece(content: string, piece: Piece): string | null {
  if (piece.offset === undefined) return content + piece.text;
  if (piece.offset > content.length) return null;
  const end = piece.offset + piece.text.length;
  return end <= content.length ? content : content.slice(0, piece.offset) + piece.text;
}

/**
 * Puts a streamed piece into its streaming message; null when the message is not (yet) known or
 * the piece cannot be placed yet (see `placePiece`), so the caller holds it.
 */
export function appendToken(messages: readonly Message[], messageId: string, piece: Piece): Message[] | null {
  const index = messages.findIndex((m) => m.id === messageId);
  if (index === -1) return null;
  const existing = messages[index]!;
  // A token after the final copy arrived would duplicate text already in it.
  if (existing.status !== "streaming") return [...messages];
  const content = placePiece(existing.content, piece);
  if (content === null) return null;
  const next = [...messages];
  next[index] = { ...existing, content };
  return next;
}

/**
 * Places the held pieces that fit `message` now (those that arrived before it, or after a gap a
 * reload has filled), in the order they came; returns it and the pieces that still wait. A
 * message that is no longer streaming has its whole text: its pieces are dropped.
 */
export function withHeldPieces(
  message: Message,
  held: readonly Piece[] | undefined,
): { message: Message; rest: Piece[] } {
  if (!held?.length || message.status !== "streaming") return { message, rest: [] };
  let content = message.content;
  let rest = [...held];
  for (let placed = true; placed && rest.length > 0;) {
    placed = false;
    const waiting: Piece[] = [];
    for (const piece of rest) {
      const next = placePiece(content, piece);
      if (next === null) waiting.push(piece);
      else [content, placed] = [next, true];
    }
    rest = waiting;
  }
  return { message: content === message.content ? message : { ...message, content }, rest };
}

/** `messages` with every held piece that fits placed, and the pieces still waiting by message id. */
export function placeHeldPieces(
  messages: readonly Message[],
  held: Readonly<Record<string, Piece[]>>,
): { messages: Message[]; held: Record<string, Piece[]> } {
  const waiting: Record<string, Piece[]> = { ...held };
  const placed = messages.map((m) => {
    if (!(m.id in waiting)) return m;
    const { message, rest } = withHeldPieces(m, waiting[m.id]);
    if (rest.length > 0) waiting[m.id] = rest;
    else delete waiting[m.id];
    return message;
  });
  return { messages: placed, held: waiting };
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
