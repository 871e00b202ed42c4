import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../../app/store/SettingsRepo";
import { useTempStores } from "../../helpers/tempStore";

const CORE_DEFAULTS = { activeModelId: null, threads: null, contextSize: 4096, maxAnswerTokens: 1024, theme: "system" };

describe("settings", () => {
  const temp = useTempStores();

  it("starts with the documented defaults, every setting present", () => {
    const settings = temp.open().settings.get();
    expect(settings).toMatchObject(CORE_DEFAULTS);
    expect(settings).toEqual(DEFAULT_SETTINGS);
  });

  it("changes only the keys in a patch and keeps them across a restart", () => {
    const store = temp.open();
    expect(store.settings.update({ theme: "dark", threads: 2 })).toMatchObject({
      theme: "dark",
      threads: 2,
      contextSize: 4096,
    });
    expect(store.settings.update({ contextSize: 8192, threads: undefined })).toMatchObject({
      theme: "dark",
      threads: 2,
      contextSize: 8192,
    });
    store.close();
    expect(temp.open().settings.get()).toEqual({ ...DEFAULT_SETTINGS, threads: 2, contextSize: 8192, theme: "dark" });
  });

  it("can set a value back to null", () => {
    const store = temp.open();
    store.settings.update({ threads: 4 });
    expect(store.settings.update({ threads: null }).threads).toBeNull();
  });

  it("ignores unknown keys and falls back to the default for an unreadable value", () => {
    const store = temp.open();
    store.settings.update({ theme: "light", bogus: 1 } as never);
    store.db.prepare("UPDATE settings SET value = '{not json' WHERE key = 'theme'").run();
    expect(store.settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.db.prepare("SELECT count(*) FROM settings WHERE key = 'bogus'").pluck().get()).toBe(0);
  });
});
