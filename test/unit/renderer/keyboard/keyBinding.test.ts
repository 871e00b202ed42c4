import { describe, expect, it } from "vitest";
import {
  ariaBinding,
  formatBinding,
  matchesBinding,
  type KeyEventLike,
} from "../../../../renderer/src/keyboard/keyBinding";

function press(key: string, mods: Partial<Omit<KeyEventLike, "key" | "code">> = {}, code = ""): KeyEventLike {
  return { key, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods };
}

describe("matching a keydown to a key binding", () => {
  it("reads Mod as Ctrl elsewhere and as Cmd on macOS, never both", () => {
    const binding = { key: "k", mod: true };
    expect(matchesBinding(press("k", { ctrlKey: true }), binding, "other")).toBe(true);
    expect(matchesBinding(press("k", { metaKey: true }), binding, "other")).toBe(false);
    expect(matchesBinding(press("k", { metaKey: true }), binding, "mac")).toBe(true);
    expect(matchesBinding(press("k", { ctrlKey: true }), binding, "mac")).toBe(false);
  });

  it("requires the exact modifiers, so Ctrl+Shift+O is not Ctrl+O", () => {
    const binding = { key: "o", mod: true, shift: true };
    expect(matchesBinding(press("O", { ctrlKey: true, shiftKey: true }), binding, "other")).toBe(true);
    expect(matchesBinding(press("o", { ctrlKey: true }), binding, "other")).toBe(false);
    expect(matchesBinding(press("O", { ctrlKey: true, shiftKey: true, altKey: true }), binding, "other")).toBe(false);
  });

  it("takes ? whether or not the layout needs Shift for it", () => {
    expect(matchesBinding(press("?", { shiftKey: true }), { key: "?" }, "other")).toBe(true);
    expect(matchesBinding(press("?"), { key: "?" }, "other")).toBe(true);
    expect(matchesBinding(press("/"), { key: "?" }, "other")).toBe(false);
  });

  it("finds Option+N on macOS by its physical key, though it types a dead key", () => {
    expect(matchesBinding(press("˜", { altKey: true }, "KeyN"), { key: "n", alt: true }, "mac")).toBe(true);
    expect(matchesBinding(press("˜", { altKey: true }, "KeyM"), { key: "n", alt: true }, "mac")).toBe(false);
  });

  it("tells Shift+Enter from Enter", () => {
    expect(matchesBinding(press("Enter", { shiftKey: true }), { key: "Enter" }, "other")).toBe(false);
    expect(matchesBinding(press("Enter", { shiftKey: true }), { key: "Enter", shift: true }, "other")).toBe(true);
  });
});

describe("writing a key binding", () => {
  it("spells it out elsewhere and uses the Apple symbols on macOS", () => {
    expect(formatBinding({ key: "o", mod: true, shift: true }, "other")).toBe("Ctrl+Shift+O");
    expect(formatBinding({ key: "o", mod: true, shift: true }, "mac")).toBe("⇧⌘O");
    expect(formatBinding({ key: "ArrowDown", alt: true }, "other")).toBe("Alt+↓");
    expect(formatBinding({ key: "Escape" }, "mac")).toBe("Esc");
  });

  it("gives aria-keyshortcuts the modifier names of the platform", () => {
    expect(ariaBinding({ key: "k", mod: true }, "other")).toBe("Control+K");
    expect(ariaBinding({ key: "k", mod: true }, "mac")).toBe("Meta+K");
    expect(ariaBinding({ key: "ArrowUp", alt: true }, "other")).toBe("Alt+ArrowUp");
  });
});
