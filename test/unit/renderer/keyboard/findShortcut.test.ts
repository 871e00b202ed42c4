import { describe, expect, it } from "vitest";
import { findShortcut, type KeyContext } from "../../../../renderer/src/keyboard/findShortcut";
import type { KeyBinding, KeyEventLike } from "../../../../renderer/src/keyboard/keyBinding";

const ENTRIES: { id: string; keys: KeyBinding[] }[] = [
  {
    id: "new",
    keys: [
      { key: "n", mod: true, host: "electron" },
      { key: "o", mod: true, shift: true },
    ],
  },
  { id: "search", keys: [{ key: "/" }] },
  { id: "stop", keys: [{ key: "Escape", fields: "composer" }] },
  { id: "next", keys: [{ key: "ArrowDown", mod: true, fields: "none" }] },
];

const key = (k: string, mods: Partial<KeyEventLike> = {}): KeyEventLike => ({
  key: k,
  code: "",
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const at = (focus: KeyContext["focus"], host: KeyContext["host"] = "browser"): KeyContext => ({
  platform: "other",
  host,
  focus,
});

describe("finding the shortcut a keydown fires", () => {
  it("leaves Ctrl+N to the browser, and takes it in the desktop app", () => {
    expect(findShortcut(key("n", { ctrlKey: true }), ENTRIES, at("other", "browser"))).toBeNull();
    expect(findShortcut(key("n", { ctrlKey: true }), ENTRIES, at("other", "electron"))?.id).toBe("new");
    expect(findShortcut(key("O", { ctrlKey: true, shiftKey: true }), ENTRIES, at("field"))?.id).toBe("new");
  });

  it("lets a bare key type itself in a text field or the message box", () => {
    expect(findShortcut(key("/"), ENTRIES, at("other"))?.id).toBe("search");
    expect(findShortcut(key("/"), ENTRIES, at("field"))).toBeNull();
    expect(findShortcut(key("/"), ENTRIES, at("composer"))).toBeNull();
  });

  it("takes Escape in the message box but leaves it to other fields (the search box clears itself)", () => {
    expect(findShortcut(key("Escape"), ENTRIES, at("composer"))?.id).toBe("stop");
    expect(findShortcut(key("Escape"), ENTRIES, at("other"))?.id).toBe("stop");
    expect(findShortcut(key("Escape"), ENTRIES, at("field"))).toBeNull();
  });

  it("leaves Ctrl+↓ to a text field, where it moves the caret", () => {
    expect(findShortcut(key("ArrowDown", { ctrlKey: true }), ENTRIES, at("composer"))).toBeNull();
    expect(findShortcut(key("ArrowDown", { ctrlKey: true }), ENTRIES, at("other"))?.id).toBe("next");
  });
});
