import type { ContextService } from "../context";
import { TandemError } from "../contract/errors";
import type { ContextItemSummary } from "../contract/types";
import type { Handlers } from "./Handlers";

type ContextChannels =
  | "context:list"
  | "context:get"
  | "context:addText"
  | "context:addFile"
  | "context:update"
  | "context:remove"
  | "context:setEnabled"
  | "profile:get"
  | "profile:update";

/** Private context (profile, notes, documents): stored and indexed on the device only. */
export function contextHandlers(context: ContextService): Pick<Handlers, ContextChannels> {
  return {
    "context:list": ({ conversationId }) =>
      conversationId ? context.items.listForConversation(conversationId) : context.items.list(),
    "context:get": ({ id }) => {
      const item = context.items.get(id);
      if (!item) throw new TandemError("not_found", "That note or document no longer exists.");
      return item;
    },
    "context:addText": ({ title, text, conversationId }) =>
      summary(context.items.add({ title: title ?? "", text, kind: "note", conversationId: conversationId ?? null })),
    "context:addFile": async ({ path, title, conversationId }) =>
      summary(await context.addFile(path, { title, conversationId: conversationId ?? null })),
    "context:update": ({ id, title, text }) => summary(context.items.update(id, { title, text })),
    "context:remove": ({ id }) => {
      if (!context.items.remove(id)) throw new TandemError("not_found", "That note or document no longer exists.");
      return { removed: true as const };
    },
    "context:setEnabled": ({ conversationId, itemId, enabled }) => {
      context.items.setEnabled(conversationId, itemId, enabled);
      return { enabled };
    },
    "profile:get": () => context.profile.get(),
    "profile:update": (profile) => context.profile.set(profile),
  };
}

/** Lists never carry the (possibly large) text. */
function summary(item: ContextItemSummary & { text?: string }): ContextItemSummary {
  const { text: _text, ...rest } = item;
  return rest;
}
