import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The renderer is built once and loaded two ways: by Electron from file:// and by the browser
// host over http://127.0.0.1. A relative base makes the same files work in both.
export default defineConfig({
  root: fileURLToPath(new URL("./renderer", import.meta.url)),
  base: "./",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist/renderer", import.meta.url)),
    emptyOutDir: true,
    // The strict CSP forbids inline scripts; keep every asset a separate file.
    assetsInlineLimit: 0,
    // Module preload is native in Chromium/Electron; the polyfill is not needed.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
});
