import type { BrowserWindowConstructorOptions } from "electron";

/**
 * The window's colour before the page paints, per theme, so a dark-mode user never sees a white
 * flash at start. Keep in step with the renderer's page background.
 */
export const WINDOW_BACKGROUND = { light: "#ffffff", dark: "#1b1b1f" } as const;

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
  /** `nativeTheme.shouldUseDarkColors` at creation time. */
  dark: boolean;
}

/**
 * The BrowserWindow options as data (issue 7: the checklist is unit-tested on this object).
 * Every security-relevant preference is spelled out even where it is Electron's default, so a
 * future default change or a careless edit shows up in the test.
 */
export function windowOptions({ preloadPath, dark }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    title: "Tandem",
    backgroundColor: dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    // Shown on 'ready-to-show' so the first frame is the rendered UI, not an empty window.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  };
}
