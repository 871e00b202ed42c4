import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ChatEvent, DownloadInfo } from "../../../../app/contract/types";
import type { TandemBridge } from "../../../../app/contract/channels";

const started: DownloadInfo = {
  id: "d1",
  uri: "http://127.0.0.1:9/m.gguf",
  catalogId: null,
  fileName: null,
  state: "downloading",
  downloadedBytes: 0,
  totalBytes: null,
  bytesPerSecond: 0,
  etaSeconds: null,
  error: null,
  modelId: null,
  startedAt: 1,
};
const failed: DownloadInfo = {
  ...started,
  state: "failed",
  error: { code: "download_unreachable", message: "Could not download …: refused the connection." },
};

/**
 * A refused connection fails in milliseconds, so the "failed" event can reach the UI before the
 * reply to "start the download" (a snapshot taken at the start). The bar must end failed, not
 * frozen at "Connecting…" (issue #12, item 5).
 */
describe("the models store when a download fails before its start reply arrives", () => {
  let emit: (event: ChatEvent) => void = () => {};

  beforeAll(() => {
    const bridge = {
      onEvent: (listener: (event: ChatEvent) => void) => ((emit = listener), () => {}),
      api: {
        models: {
          download: async () => {
            emit({ type: "download:progress", download: failed });
            return { ok: true, value: started };
          },
        },
      },
    } as unknown as TandemBridge;
    vi.stubGlobal("window", { tandem: bridge });
  });
  afterAll(() => vi.unstubAllGlobals());

  it("keeps the failure the event reported instead of the older 'downloading' snapshot", async () => {
    const { connectBackend } = await import("../../../../renderer/src/api/connectBackend");
    const { useModelsStore } = await import("../../../../renderer/src/stores/modelsStore");
    connectBackend();
    await useModelsStore.getState().download({ uri: started.uri });
    expect(useModelsStore.getState().downloads).toEqual([failed]);
  });
});
