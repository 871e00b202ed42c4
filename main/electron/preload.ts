/**
 * Runs sandboxed with context isolation: it may only `require("electron")`, so
 * scripts/buildElectron.mjs bundles it (with the contract and zod) into one CJS file.
 * It exposes exactly one narrow object, `window.tandem`, built from the contract.
 */
import { contextBridge, ipcRenderer } from "electron";
import { createBridge } from "./createBridge";

contextBridge.exposeInMainWorld("tandem", createBridge(ipcRenderer));
