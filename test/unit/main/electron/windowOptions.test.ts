import { describe, expect, it } from "vitest";
import { WINDOW_BACKGROUND, windowOptions } from "../../../../main/electron/windowOptions";

const preloadPath = "/app/dist/electron/preload.cjs";

describe("the main window's options", () => {
  it("keep the renderer isolated: context isolation, sandbox, no Node, web security on", () => {
    const prefs = windowOptions({ preloadPath, dark: false }).webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
  });

  it("allow no <webview> and no navigation by dropping a file on the window", () => {
    const prefs = windowOptions({ preloadPath, dark: false }).webPreferences;
    expect(prefs?.webviewTag).toBe(false);
    expect(prefs?.navigateOnDragDrop).toBe(false);
  });

  it("load only our bundled preload", () => {
    expect(windowOptions({ preloadPath, dark: true }).webPreferences?.preload).toBe(preloadPath);
  });

  it("paint the theme's background before the page loads, so dark mode never flashes white", () => {
    expect(windowOptions({ preloadPath, dark: true }).backgroundColor).toBe(WINDOW_BACKGROUND.dark);
    expect(windowOptions({ preloadPath, dark: false }).backgroundColor).toBe(WINDOW_BACKGROUND.light);
    expect(WINDOW_BACKGROUND.dark).not.toBe(WINDOW_BACKGROUND.light);
  });

  it("keep a minimum size the sidebar and chat fit in, and show only once rendered", () => {
    const options = windowOptions({ preloadPath, dark: false });
    expect(options.minWidth).toBeGreaterThanOrEqual(640);
    expect(options.minHeight).toBeGreaterThanOrEqual(400);
    expect(options.show).toBe(false);
  });
});
