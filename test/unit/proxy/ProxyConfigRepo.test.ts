import { describe, expect, it } from "vitest";
import { ProxyConfigRepo } from "../../../app/proxy/ProxyConfigRepo";
import { Store } from "../../../app/store/Store";

/** README "Privacy proxy → Start it": the defaults of Settings → Privacy proxy. */
describe("the privacy proxy's settings", () => {
  it("are off by default, on port 4319, forwarding to Settings → Cloud's endpoint and model, sanitizing", () => {
    const store = Store.openInMemory();
    try {
      expect(new ProxyConfigRepo(store.db).get()).toMatchObject({
        enabled: false,
        port: 4319,
        baseUrl: null,
        model: null,
        policy: "sanitize",
      });
    } finally {
      store.close();
    }
  });

  it("keep what was saved, and refuse a port outside 1024–65535 without changing anything", () => {
    const store = Store.openInMemory();
    try {
      const repo = new ProxyConfigRepo(store.db);
      repo.update({ enabled: true, port: 5000, policy: "block" });
      expect(() => repo.update({ port: 80 })).toThrow();
      expect(new ProxyConfigRepo(store.db).get()).toMatchObject({ enabled: true, port: 5000, policy: "block" });
    } finally {
      store.close();
    }
  });
});
