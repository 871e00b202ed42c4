import type { WebContents } from "electron";
import { describe, expect, it } from "vitest";
import { CHANNEL_NAMES, type Channel } from "../../../../app/contract/channels";
import type { Result } from "../../../../app/contract/errors";
import type { ChatEvent } from "../../../../app/contract/types";
import { silentLogger } from "../../../../app/logging/Logger";
import { APP_URL } from "../../../../main/electron/appOrigin";
import { EVENT_CHANNEL } from "../../../../app/contract/channels";
import { createIpcHandler, forwardEvents, registerIpc } from "../../../../main/electron/ipc";

/** Records what reached the host, so a test can prove an untrusted call never did. */
function recordingHost(
  reply: (channel: Channel, payload: unknown) => Promise<Result<unknown>> = async () => ({ ok: true, value: "ok" }),
) {
  const calls: Array<[Channel, unknown]> = [];
  return {
    calls,
    handle: (channel: Channel, payload: unknown) => {
      calls.push([channel, payload]);
      return reply(channel, payload);
    },
  };
}

const from = (url: string | null) => ({ senderFrame: url === null ? null : ({ url } as never) });

describe("an IPC handler", () => {
  it("passes a call from the app's own page to the host and returns its reply", async () => {
    const host = recordingHost();
    const handler = createIpcHandler(host, "conversations:get", silentLogger);
    await expect(handler(from(APP_URL), { id: "c1" })).resolves.toEqual({ ok: true, value: "ok" });
    expect(host.calls).toEqual([["conversations:get", { id: "c1" }]]);
  });

  it("refuses a call from any other frame before the host sees it", async () => {
    const host = recordingHost();
    const handler = createIpcHandler(host, "conversations:delete", silentLogger);
    for (const url of ["https://example.org/", "file:///tmp/evil.html", null]) {
      const result = await handler(from(url), { id: "c1" });
      expect(result.ok ? null : result.error.code).toBe("unauthorized");
    }
    expect(host.calls).toEqual([]);
  });

  it("refuses a call whose frame can no longer be read", async () => {
    const host = recordingHost();
    const event = {
      get senderFrame(): never {
        throw new Error("Render frame was disposed");
      },
    };
    const result = await createIpcHandler(host, "app:info", silentLogger)(event, {});
    expect(result.ok ? null : result.error.code).toBe("unauthorized");
    expect(host.calls).toEqual([]);
  });

  it("turns a host that throws into plain error data the renderer can show", async () => {
    const host = recordingHost(async () => {
      throw new Error("boom");
    });
    const result = await createIpcHandler(host, "app:info", silentLogger)(from(APP_URL), {});
    expect(result).toEqual({ ok: false, error: { code: "internal", message: "Unexpected error: boom" } });
  });
});

describe("registerIpc", () => {
  it("registers exactly one handler per contract channel, and removes them all again", () => {
    const registered = new Map<string, unknown>();
    const ipcMain = {
      handle: (channel: string, listener: unknown) => void registered.set(channel, listener),
      removeHandler: (channel: string) => void registered.delete(channel),
    };
    const unregister = registerIpc(ipcMain, recordingHost(), silentLogger);
    expect([...registered.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
    unregister();
    expect(registered.size).toBe(0);
  });
});

describe("forwardEvents", () => {
  it("sends every host event to the window on the one event channel, and stops on unsubscribe", () => {
    let listener: ((event: ChatEvent) => void) | null = null;
    const host = {
      onEvent: (l: (event: ChatEvent) => void) => {
        listener = l;
        return () => (listener = null);
      },
    };
    const sent: unknown[][] = [];
    const contents = {
      isDestroyed: () => false,
      send: (...args: unknown[]) => sent.push(args),
    } as unknown as WebContents;
    const unsubscribe = forwardEvents(host, () => contents);
    const event: ChatEvent = { type: "message:token", conversationId: "c1", messageId: "m1", text: "Hi" };
    listener!(event);
    expect(sent).toEqual([[EVENT_CHANNEL, event]]);
    unsubscribe();
    expect(listener).toBeNull();
  });

  it("drops events while there is no window or it was destroyed", () => {
    let listener: ((event: ChatEvent) => void) | null = null;
    const host = { onEvent: (l: (event: ChatEvent) => void) => ((listener = l), () => {}) };
    const sent: unknown[] = [];
    let contents: WebContents | null = null;
    forwardEvents(host, () => contents);
    listener!({ type: "model:loading", modelId: "m" });
    contents = { isDestroyed: () => true, send: (...args: unknown[]) => sent.push(args) } as unknown as WebContents;
    listener!({ type: "model:loaded", modelId: "m" });
    expect(sent).toEqual([]);
  });
});
