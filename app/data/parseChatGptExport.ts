import { createHash } from "node:crypto";
import { z } from "zod";
import { TandemError } from "../contract/errors";
import type { ExportedConversation, ExportedMessage } from "./exportFormat";

/**
 * ChatGPT's data export (`conversations.json`): an array of conversations, each a message tree
 * (`mapping`: node id → { message, parent, children }) where edits and regenerations are branches.
 * Only the branch the user last saw is kept: from `current_node` up through `parent`.
 * Only fields we use are checked; everything else in OpenAI's format may change freely.
 */
const NodeSchema = z.object({
  message: z
    .object({
      author: z.object({ role: z.string() }).passthrough(),
      content: z
        .object({ content_type: z.string().optional(), parts: z.array(z.unknown()).optional() })
        .passthrough()
        .nullable()
        .optional(),
      create_time: z.number().nullable().optional(),
      recipient: z.string().nullable().optional(),
      metadata: z.record(z.string(), z.unknown()).nullable().optional(),
    })
    .passthrough()
    .nullable()
    .optional(),
  parent: z.string().nullable().optional(),
  children: z.array(z.string()).optional(),
});

const ConversationSchema = z.object({
  title: z.string().nullable().optional(),
  create_time: z.number().nullable().optional(),
  update_time: z.number().nullable().optional(),
  mapping: z.record(z.string(), NodeSchema),
  current_node: z.string().nullable().optional(),
  conversation_id: z.string().min(1).max(100).nullable().optional(),
  id: z.string().min(1).max(100).nullable().optional(),
});

type ChatGptConversation = z.output<typeof ConversationSchema>;
type ChatGptNode = z.output<typeof NodeSchema>;

/** True for what looks like a ChatGPT export: an array of objects with a `mapping`. */
export function looksLikeChatGptExport(value: unknown): value is unknown[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((c) => typeof c === "object" && c !== null && "mapping" in c)
  );
}

/** Converts every conversation (mode Private); throws `import_invalid` naming the first bad one. */
export function parseChatGptExport(value: unknown[]): ExportedConversation[] {
  return value.map((raw, index) => {
    const parsed = ConversationSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at "${issue.path.join(".")}"` : "";
      throw new TandemError(
        "import_invalid",
        `Conversation ${index + 1} of this ChatGPT export is not in the expected format${where}: ${issue?.message ?? "unknown problem"}. Nothing was imported.`,
      );
    }
    return toConversation(parsed.data);
  });
}

function toConversation(c: ChatGptConversation): ExportedConversation {
  const created = toMs(c.create_time) ?? 0;
  const id =
    c.conversation_id ??
    c.id ??
    `chatgpt-${createHash("sha256")
      .update(JSON.stringify([c.title, c.create_time, Object.keys(c.mapping)]))
      .digest("hex")
      .slice(0, 32)}`;
  const messages = currentBranch(c)
    .map(([nodeId, node]) => toMessage(nodeId, node, created))
    .filter((m): m is ExportedMessage => m !== null);
  return {
    id,
    title: c.title?.trim().slice(0, 500) || "Imported from ChatGPT",
    mode: "private",
    strategy: "sketch-refine",
    createdAt: created,
    updatedAt: Math.max(toMs(c.update_time) ?? created, created),
    messages,
    vault: [],
  };
}

/** The nodes from the root to `current_node`, in order. A cycle or a dangling parent ends the walk. */
function currentBranch(c: ChatGptConversation): Array<[string, ChatGptNode]> {
  const branch: Array<[string, ChatGptNode]> = [];
  const seen = new Set<string>();
  let nodeId: string | null | undefined =
    c.current_node && Object.hasOwn(c.mapping, c.current_node) ? c.current_node : lastLeaf(c);
  while (nodeId && Object.hasOwn(c.mapping, nodeId) && !seen.has(nodeId)) {
    seen.add(nodeId);
    const node: ChatGptNode = c.mapping[nodeId]!;
    branch.push([nodeId, node]);
    nodeId = node.parent;
  }
  return branch.reverse();
}

/** Without a usable `current_node`: the most recently written leaf. */
function lastLeaf(c: ChatGptConversation): string | null {
  let best: { id: string; time: number } | null = null;
  for (const [id, node] of Object.entries(c.mapping)) {
    if (node.children && node.children.length > 0) continue;
    const time = node.message?.create_time ?? 0;
    if (!best || time >= best.time) best = { id, time };
  }
  return best?.id ?? null;
}

/** User and assistant text only: no system prompts, tool calls, hidden or empty messages. */
function toMessage(nodeId: string, node: ChatGptNode, fallbackTime: number): ExportedMessage | null {
  const message = node.message;
  const role = message?.author.role;
  if (!message || (role !== "user" && role !== "assistant")) return null;
  if (message.metadata?.is_visually_hidden_from_conversation === true) return null;
  if (role === "assistant" && message.recipient && message.recipient !== "all") return null;
  const type = message.content?.content_type;
  if (type !== undefined && type !== "text" && type !== "multimodal_text") return null;
  const text = (message.content?.parts ?? [])
    .filter((p): p is string => typeof p === "string")
    .join("\n")
    .trim();
  if (!text) return null;
  return {
    id: nodeId.slice(0, 100),
    role,
    content: text,
    status: "done",
    createdAt: toMs(message.create_time) ?? fallbackTime,
    stats: null,
    error: null,
    modelId: null,
    stages: [],
  };
}

/** ChatGPT times are seconds (with fractions) since the epoch. */
function toMs(seconds: number | null | undefined): number | null {
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : null;
}
