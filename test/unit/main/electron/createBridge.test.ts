import { describe, expect, it } from "vitest";
import { CHANNEL_NAMES } from "../../../../app/contract/channels";
import type { ChatEvent } from "../../../../app/contract/types";
import { createBridge } from "../../../../main/electron/createBridge";
import { EVENT_CHANNEL } from "../../../../app/contract/channels";

type Listener = (event: unknown, ...args: unknown[]) => void;

/** An ipcRenderer stand-in: records invokes and keeps real listener lists. */
function fakeIpc() {
  const invoked: Array<[string, unknown]> = [];
  const listeners = new Map<string, Set<Listener>>();
  return {
    invoked,
    listeners,
    invoke: async (channel: string, ...args: unknown[]) => {
      invoked.push([channel, args[0]]);
      return { ok: true, value: channel };
    },
    on: (channel: string, listener: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: Listener) => void listeners.get(channel)?.delete(listener),
    emit: (channel: string, payload: unknown) =>
      listeners.get(channel)?.forEach((l) => l({ sender: "ipcRenderer itself" }, payload)),
  };
}

describe("the preload bridge (window.tandem)", () => {
  it("offers exactly one method per contract channel, grouped by domain", () => {
    const { api } = createBridge(fakeIpc());
    const methods = Object.entries(api).flatMap(([domain, verbs]) =>
      Object.keys(verbs).map((verb) => `${domain}:${verb}`),
    );
    expect(methods.sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it("has no generic invoke a compromised page could aim at any channel", () => {
    const bridge = createBridge(fakeIpc()) as unknown as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(["api", "onEvent"]);
    expect(Object.keys(bridge.api as object)).not.toContain("invoke");
  });

  it("sends a call on its own channel with the request as given", async () => {
    const ipc = fakeIpc();
    const { api } = createBridge(ipc);
    await expect(api.chat.send({ conversationId: "c1", text: "Hello" })).resolves.toEqual({
      ok: true,
      value: "chat:send",
    });
    expect(ipc.invoked).toEqual([["chat:send", { conversationId: "c1", text: "Hello" }]]);
  });

  it("delivers events without the IPC event object, and stops after unsubscribe", () => {
    const ipc = fakeIpc();
    const received: unknown[][] = [];
    const unsubscribe = createBridge(ipc).onEvent((...args) => received.push(args));
    const event: ChatEvent = { type: "model:loaded", modelId: "m1" };
    ipc.emit(EVENT_CHANNEL, event);
    expect(received).toEqual([[event]]);
    unsubscribe();
    ipc.emit(EVENT_CHANNEL, event);
    expect(received).toHaveLength(1);
    expect(ipc.listeners.get(EVENT_CHANNEL)?.size).toBe(0);
  });
});
