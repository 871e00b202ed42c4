import { create } from "zustand";
import type { Result } from "../../../app/contract/errors";
import type { ChatEvent, ConversationSummary, Message, PrivacyMode } from "../../../app/contract/types";
import { api } from "../api/connectBackend";
import { useCloudStore } from "./cloudStore";
import { useConversationsStore } from "./conversationsStore";
import { defaultMode } from "./defaultMode";
import {
  appendExchange,
  appendToken,
  mergeLoaded,
  reopenAnswer,
  replaceLastAnswer,
  replaceLastExchange,
  showVariant,
  upsertMessage,
  withHeldPieces,
  placeHeldPieces,
  type Piece,
} from "./messageReducers";
import { useUiStore } from "./uiStore";

export interface ChatState {
  /** The open conversation; null = a fresh chat that is created on the first message. */
  conversation: ConversationSummary | null;
  messages: Message[];
  /**
   * Streamed pieces not placed yet, by message id: their message is not shown yet, or pieces
   * before them were missed while the event stream was down (the reload after it brings those).
   */
  heldPieces: Record<string, Piece[]>;
  /**
   * Final copies of answers that ended while a chat request was still awaiting its reply, by
   * message id. They are shown when the last reply is in, so an answer never looks done while the
   * composer is still busy (a fast answer's end can overtake its request's reply).
   */
  heldFinals: Record<string, Message>;
  /** Chat requests (send, regenerate, edit) awaiting their reply; their reply places the new messages. */
  inFlight: number;
  /** The text being sent, shown at once while the host stores it (and maybe loads the model). */
  pendingText: string | null;
  loading: boolean;
  /** A message to scroll to once shown (from a search hit). */
  scrollTarget: string | null;
  /** The mode chosen for a fresh chat before its first message creates it; null = the default (currentMode.ts). */
  draftMode: PrivacyMode | null;
  /** Mode switches made while this conversation is open, shown in the list where they happened. */
  modeChanges: ModeChange[];
  /**
   * A mode switch of the open conversation the host has not confirmed yet (switchMode.ts): an
   * event sent before it carries the old mode and must not put that back on screen.
   */
  pendingMode: PrivacyMode | null;
  open(id: string, scrollTarget?: string | null): Promise<void>;
  startNew(): void;
  refresh(): Promise<void>;
  send(text: string): Promise<boolean>;
  stop(): Promise<void>;
  regenerate(): Promise<void>;
  /** Auto mode's "ask the other way": the last answer is written again on the device ("local") or through the cloud. */
  reask(route: "local" | "hybrid"): Promise<void>;
  /** Shows another variant of an answer (‹ 2/3 ›); the conversation continues from it. */
  chooseVariant(messageId: string): Promise<void>;
  /** Writes on the last answer, cut at the length limit, in the same message. */
  continueAnswer(): Promise<void>;
  editLast(text: string): Promise<boolean>;
  handleEvent(event: ChatEvent): void;
  clearScrollTarget(): void;
}

/** "From here on, Hybrid": a switch after `afterMessageId` applies to the messages that follow. */
export interface ModeChange {
  afterMessageId: string;
  mode: PrivacyMode;
}

type Set = (partial: Partial<ChatState>) => void;
type Get = () => ChatState;

export const useChatStore = create<ChatState>()((set, get) => {
  const openId = () => get().conversation?.id ?? null;
  /** Runs a chat request; on success applies its reply if the conversation is still open. */
  const request = async <T>(
    conversationId: string,
    call: () => Promise<Result<T>>,
    apply: (value: T) => void,
  ): Promise<boolean> => {
    set({ inFlight: get().inFlight + 1 });
    const result = await call();
    set({ inFlight: get().inFlight - 1, pendingText: null });
    if (result.ok && openId() === conversationId) apply(result.value);
    releaseHeldFinals();
    if (!result.ok) {
      useUiStore.getState().showNotice(result.error);
      return false;
    }
    return true;
  };
  /** Shows the answers that ended during requests, once no request is awaiting its reply. */
  const releaseHeldFinals = () => {
    const { inFlight, heldFinals, messages, heldPieces } = get();
    if (inFlight > 0 || Object.keys(heldFinals).length === 0) return;
    const open = openId();
    const finals = Object.values(heldFinals).filter((m) => m.conversationId === open);
    set({
      messages: finals.reduce(upsertMessage, messages),
      heldPieces: finals.reduce((held, m) => withoutKey(held, m.id), heldPieces),
      heldFinals: {},
    });
  };
  /** Places a reply's answer (with any tokens that beat the reply here) using `place`. */
  const placeAnswer = (answer: Message, place: (messages: Message[], answer: Message) => Message[]) => {
    const { messages, heldPieces } = get();
    const { message, rest } = withHeldPieces(answer, heldPieces[answer.id]);
    set({ messages: place(messages, message), heldPieces: withHeld(heldPieces, answer.id, rest) });
  };

  return {
    conversation: null,
    messages: [],
    heldPieces: {},
    heldFinals: {},
    inFlight: 0,
    pendingText: null,
    loading: false,
    scrollTarget: null,
    draftMode: null,
    modeChanges: [],
    pendingMode: null,
    open: async (id, scrollTarget = null) => {
      useUiStore.getState().showView("chat");
      if (openId() === id) return set({ scrollTarget });
      // The placeholder marks which conversation is loading, so a slower earlier open() loses.
      set({ ...cleared(), conversation: placeholderSummary(id), loading: true, scrollTarget });
      await loadConversation(id, get, set);
    },
    startNew: () => {
      useUiStore.getState().showView("chat");
      set({ ...cleared(), conversation: null, loading: false, scrollTarget: null, draftMode: null });
    },
    refresh: async () => {
      const id = openId();
      if (id) await loadConversation(id, get, set);
    },
    send: async (text) => {
      set({ pendingText: text });
      const conversationId = openId() ?? (await createConversation(set, get().draftMode));
      if (!conversationId) {
        set({ pendingText: null });
        return false;
      }
      const sent = await request(
        conversationId,
        () => api().chat.send({ conversationId, text }),
        ({ userMessage, assistantMessage }) =>
          placeAnswer(assistantMessage, (messages, answer) => appendExchange(messages, userMessage, answer)),
      );
      // The host bumps the conversation's activity; re-read the sidebar's order.
      if (sent) void useConversationsStore.getState().load();
      return sent;
    },
    stop: async () => {
      const conversationId = openId();
      if (!conversationId) return;
      const result = await api().chat.stop({ conversationId });
      if (!result.ok) useUiStore.getState().showNotice(result.error);
    },
    regenerate: async () => {
      const conversationId = openId();
      if (!conversationId) return;
      await request(
        conversationId,
        () => api().chat.regenerate({ conversationId }),
        ({ assistantMessage }) => placeAnswer(assistantMessage, replaceLastAnswer),
      );
    },
    reask: async (route) => {
      const conversationId = openId();
      if (!conversationId) return;
      await request(
        conversationId,
        () => api().chat.reask({ conversationId, route }),
        ({ assistantMessage }) => placeAnswer(assistantMessage, replaceLastAnswer),
      );
    },
    chooseVariant: async (messageId) => {
      const conversationId = openId();
      if (!conversationId) return;
      const result = await api().chat.chooseVariant({ conversationId, messageId });
      if (!result.ok) return useUiStore.getState().showNotice(result.error);
      if (openId() === conversationId) set({ messages: showVariant(get().messages, result.value.message) });
    },
    continueAnswer: async () => {
      const conversationId = openId();
      const last = get().messages.at(-1);
      if (!conversationId || last?.role !== "assistant") return;
      // Streaming at once, so tokens that arrive before the reply append to the answer.
      set({ messages: reopenAnswer(get().messages, last.id) });
      const ok = await request(
        conversationId,
        () => api().chat.continue({ conversationId }),
        ({ assistantMessage }) => placeAnswer(assistantMessage, upsertMessage),
      );
      if (!ok) await get().refresh();
    },
    editLast: async (text) => {
      const conversationId = openId();
      if (!conversationId) return false;
      return request(
        conversationId,
        () => api().chat.editLast({ conversationId, text }),
        ({ userMessage, assistantMessage }) =>
          placeAnswer(assistantMessage, (messages, answer) => replaceLastExchange(messages, userMessage, answer)),
      );
    },
    handleEvent: (event) => applyEvent(event, get, set),
    clearScrollTarget: () => set({ scrollTarget: null }),
  };
});

function cleared(): Partial<ChatState> {
  return { messages: [], heldPieces: {}, heldFinals: {}, pendingText: null, modeChanges: [], pendingMode: null };
}

async function loadConversation(id: string, get: Get, set: Set): Promise<void> {
  const result = await api().conversations.get({ id });
  if (get().conversation?.id !== id) return; // The user opened another conversation meanwhile.
  if (!result.ok) {
    set({ loading: false });
    if (result.error.code === "not_found") get().startNew();
    else useUiStore.getState().showNotice(result.error);
    return;
  }
  const { conversation, messages } = result.value;
  const pendingMode = get().pendingMode;
  // The host's copy of an answer being written reaches to now: pieces that waited for it fit.
  const placed = placeHeldPieces(mergeLoaded(get().messages, messages), get().heldPieces);
  set({
    conversation: pendingMode ? { ...conversation, mode: pendingMode } : conversation,
    messages: placed.messages,
    heldPieces: placed.held,
    loading: false,
  });
}

async function createConversation(set: Set, chosen: PrivacyMode | null): Promise<string | null> {
  const mode = chosen ?? defaultMode(useCloudStore.getState().status);
  const created = await useConversationsStore.getState().create(mode);
  if (created) set({ conversation: created, messages: [], heldPieces: {} });
  return created?.id ?? null;
}

function applyEvent(event: ChatEvent, get: Get, set: Set): void {
  const openId = get().conversation?.id ?? null;
  if (event.type === "conversation:updated") {
    const pendingMode = get().pendingMode;
    if (event.conversation.id === openId)
      set({ conversation: pendingMode ? { ...event.conversation, mode: pendingMode } : event.conversation });
    return;
  }
  if (!("conversationId" in event) || event.conversationId !== openId) return;
  if (event.type === "message:created") {
    // While a request is in flight its reply places the message (after its question); until
    // then its tokens wait in heldPieces.
    if (get().inFlight > 0) return;
    const { messages, heldPieces } = get();
    const { message, rest } = withHeldPieces(event.message, heldPieces[event.message.id]);
    set({ messages: upsertMessage(messages, message), heldPieces: withHeld(heldPieces, message.id, rest) });
    return;
  }
  if (event.type === "message:finished") {
    // While a request awaits its reply the composer is busy: the end waits for that reply
    // (chatStore's releaseHeldFinals), so "done" on screen always means "ready for the next message".
    if (get().inFlight > 0) return set({ heldFinals: { ...get().heldFinals, [event.message.id]: event.message } });
    // The final copy is authoritative: it replaces whatever was streamed.
    set({
      messages: upsertMessage(get().messages, event.message),
      heldPieces: withoutKey(get().heldPieces, event.message.id),
    });
    return;
  }
  // Hybrid stage tokens and progress belong to the stage view (stagesStore, see wireBackend).
  if (event.type !== "message:token" || (event.stage ?? "answer") !== "answer") return;
  const piece: Piece = { text: event.text, offset: event.offset };
  const appended = appendToken(get().messages, event.messageId, piece);
  if (appended) return set({ messages: appended });
  const held = get().heldPieces;
  set({ heldPieces: { ...held, [event.messageId]: [...(held[event.messageId] ?? []), piece] } });
}

/** `held` with `id`'s waiting pieces set to `rest` (none: the key goes). */
function withHeld(held: Record<string, Piece[]>, id: string, rest: Piece[]): Record<string, Piece[]> {
  return rest.length > 0 ? { ...held, [id]: rest } : withoutKey(held, id);
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const next = { ...record };
  delete next[key];
  return next;
}

/** Stands in for a conversation while it loads, so the header does not flash empty. */
function placeholderSummary(id: string): ConversationSummary {
  const summary = useConversationsStore.getState().items.find((c) => c.id === id);
  return summary ?? { id, title: "", mode: "private", createdAt: 0, updatedAt: 0 };
}
