import type Database from "better-sqlite3";
import { ContextService } from "../../../app/context";
import { AuditLog } from "../../../app/egress";
import { PrivacyVault, VaultStore } from "../../../app/privacy";
import type { Store } from "../../../app/store/Store";

/**
 * A realistic user's data: three conversations in every mode with finished, stopped, failed and
 * interrupted answers, Hybrid stages and a vault; a global note and a conversation's document
 * with a toggle; a profile; portable and machine-specific settings; a model with a path; an audit
 * row. `marker` is woven into every kind of data so a test can search the bytes for it.
 */
export function seedData(store: Store, marker = "Zanzibarquux") {
  const hybrid = store.conversations.create({ title: `Letter to ${marker}`, mode: "hybrid" });
  store.db.prepare("UPDATE conversations SET strategy = 'cloud-outline' WHERE id = ?").run(hybrid.id);
  store.messages.append({
    conversationId: hybrid.id,
    role: "user",
    content: `Write to my landlord ${marker} about the heating.`,
    status: "done",
  });
  const answer = store.messages.append({
    conversationId: hybrid.id,
    role: "assistant",
    content: "",
    status: "streaming",
    modelId: "model-1",
  });
  store.messages.finish(answer.id, {
    content: `Dear ${marker}, the heating has failed.`,
    status: "done",
    stats: { tokens: 42, tokensPerSecond: 12.5, timeToFirstTokenMs: 310 },
  });
  store.stages.put(answer.id, { kind: "sketch", content: `Dear ${marker}, heating broken`, meta: null });
  store.stages.put(answer.id, {
    kind: "sanitized",
    content: '[{"role":"user","content":"Write to my landlord [PERSON_1]"}]',
    meta: { bytes: 57 },
  });
  store.stages.put(answer.id, {
    kind: "report",
    content: "",
    meta: { mode: "hybrid", replaced: 1, byType: { PERSON: 1 }, unresolved: [] },
  });
  store.messages.append({ conversationId: hybrid.id, role: "user", content: "Make it shorter.", status: "done" });
  const stopped = store.messages.append({
    conversationId: hybrid.id,
    role: "assistant",
    content: "",
    status: "streaming",
  });
  store.messages.finish(stopped.id, {
    content: "Dear",
    status: "stopped",
    stats: { tokens: 1, tokensPerSecond: null, timeToFirstTokenMs: null },
  });
  new VaultStore(store.db).save(
    new PrivacyVault(hybrid.id, [
      { placeholder: "[PERSON_1]", type: "PERSON", value: marker, variants: [`Mr ${marker}`], origin: "detected" },
      // Auto's guess from a capitalised word (issue #16, round 9): matched only capitalised, also after import.
      { placeholder: "[OTHER_1]", type: "OTHER", value: "Mint", variants: [], origin: "detected", capitalOnly: true },
    ]),
  );

  const priv = store.conversations.create({ title: "Private health question" });
  store.messages.append({
    conversationId: priv.id,
    role: "user",
    content: `My doctor ${marker} said…`,
    status: "done",
  });
  const failed = store.messages.append({
    conversationId: priv.id,
    role: "assistant",
    content: "",
    status: "streaming",
  });
  store.messages.finish(failed.id, {
    content: "",
    status: "error",
    error: "The local model failed while writing the answer.",
  });
  store.messages.append({ conversationId: priv.id, role: "assistant", content: "Partial", status: "streaming" });
  store.messages.markInterrupted();

  const cloud = store.conversations.create({ title: "Cloud chat", mode: "cloud" });
  store.messages.append({
    conversationId: cloud.id,
    role: "user",
    content: "What is the capital of France?",
    status: "done",
  });

  const context = new ContextService(store.db);
  const note = context.items.add({
    title: "About me",
    text: `I live at 12 ${marker} Street.\n\nMy bank is Example Bank.`,
  });
  const doc = context.items.add({
    title: "Lease",
    kind: "document",
    sourceName: "lease.pdf",
    mime: "application/pdf",
    text: `The lease with ${marker} ends on 31 March.`,
    conversationId: priv.id,
  });
  context.items.setEnabled(hybrid.id, note.id, false);
  context.profile.set({
    name: `Alex ${marker}`,
    city: "Lyon",
    job: "Nurse",
    family: [{ name: "Tom", relation: "husband" }],
    healthNotes: "Asthma",
    alwaysPrivate: [marker],
    freeText: "",
  });

  store.settings.update({
    theme: "dark",
    locale: "fr-FR",
    cloudBaseUrl: "https://api.example.com/v1",
    cloudModel: "gpt-test",
    offline: true,
    threads: 2,
  });
  const model = store.models.add({
    name: "tiny",
    path: `/home/someone/models/${marker}.gguf`,
    sizeBytes: 1000,
    architecture: "llama",
    parameterCount: 1,
    quantization: "Q8_0",
    contextLength: 128,
    hasChatTemplate: false,
  });
  store.settings.update({ activeModelId: model.id });
  new AuditLog(store.db).record({
    conversationId: hybrid.id,
    messageId: answer.id,
    at: Date.now(),
    endpoint: "https://api.example.com/v1",
    model: "gpt-test",
    payload: `{"audit":"${marker}"}`,
    check: "{}",
  });
  return { hybrid, priv, cloud, note, doc, model };
}

/** Everything a user would notice about their data, in a comparable form. */
export function snapshot(store: Store) {
  const context = new ContextService(store.db);
  const vault = new VaultStore(store.db);
  const strategy = store.db.prepare<[string], string>("SELECT strategy FROM conversations WHERE id = ?").pluck();
  const { activeModelId: _a, threads: _t, ...settings } = store.settings.get();
  return {
    conversations: store.conversations.list().map((c) => ({
      ...c,
      strategy: strategy.get(c.id),
      messages: store.messages.listForConversation(c.id).map((m) => ({ ...m, stages: store.stages.list(m.id) })),
      vault: vault.load(c.id).entries(),
      context: context.items.listForConversation(c.id),
    })),
    items: context.items.list().map((i) => context.items.get(i.id)),
    profile: context.profile.get(),
    settings,
  };
}

/** How many rows a table has (to prove an import wrote nothing). */
export function count(db: Database.Database, table: string): number {
  return db.prepare<[], number>(`SELECT COUNT(*) FROM ${table}`).pluck().get()!;
}
