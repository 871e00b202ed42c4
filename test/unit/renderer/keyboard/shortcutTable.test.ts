import { describe, expect, it } from "vitest";
import {
  fieldRule,
  formatBinding,
  worksIn,
  type HostKind,
  type Platform,
} from "../../../../renderer/src/keyboard/keyBinding";
import { SHORTCUTS } from "../../../../renderer/src/keyboard/shortcuts";

const HOSTS: HostKind[] = ["electron", "browser"];
const PLATFORMS: Platform[] = ["mac", "other"];

describe("the shortcut table", () => {
  it("gives no two actions the same keys, in either host or platform", () => {
    for (const host of HOSTS) {
      for (const platform of PLATFORMS) {
        const seen = new Map<string, string>();
        for (const action of SHORTCUTS) {
          for (const binding of action.keys.filter((b) => worksIn(b, host))) {
            const combo = `${formatBinding(binding, platform)} in ${fieldRule(binding)}`;
            expect(seen.get(combo) ?? action.id, `${combo} (${host}, ${platform})`).toBe(action.id);
            seen.set(combo, action.id);
          }
        }
      }
    }
  });

  it("has keys that work in a browser tab for every action the issue names", () => {
    const named = [
      "new-conversation",
      "focus-search",
      "next-conversation",
      "previous-conversation",
      "send",
      "newline",
      "stop",
      "regenerate",
      "switch-mode",
      "toggle-offline",
      "copy-last-answer",
      "command-palette",
      "show-shortcuts",
    ];
    for (const id of named) {
      const action = SHORTCUTS.find((a) => a.id === id);
      expect(
        action?.keys.some((b) => worksIn(b, "browser")),
        id,
      ).toBe(true);
    }
  });

  it("never binds what a browser keeps for itself or Electron's default menu reloads with", () => {
    const reserved = new Set([
      "Ctrl+N",
      "Ctrl+T",
      "Ctrl+W",
      "Ctrl+Shift+N",
      "Ctrl+Shift+T",
      "Ctrl+Shift+W",
      "Ctrl+R",
      "Ctrl+Shift+R",
      "Ctrl+Shift+I",
      "Ctrl+F",
    ]);
    const browserKeys = SHORTCUTS.flatMap((a) =>
      a.keys.filter((b) => worksIn(b, "browser")).map((b) => formatBinding(b, "other")),
    );
    expect(browserKeys.filter((k) => reserved.has(k))).toEqual([]);
    const electronKeys = SHORTCUTS.flatMap((a) =>
      a.keys.filter((b) => worksIn(b, "electron")).map((b) => formatBinding(b, "other")),
    );
    expect(electronKeys).toEqual(expect.arrayContaining(["Ctrl+N", "Ctrl+F"]));
    expect(electronKeys.filter((k) => k === "Ctrl+R" || k === "Ctrl+Shift+R" || k === "Ctrl+Shift+I")).toEqual([]);
  });
});
