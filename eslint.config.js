// Layering rules: which folder may import what. Do not relax these rules — they are how the
// privacy boundary and the host-independence of the core are kept (see docs/ARCHITECTURE.md).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { noImportCycle } from "./scripts/eslint/noImportCycle.js";

const hostPackages = ["electron", "react", "react-dom", "react-dom/client", "zustand", "node-llama-cpp"];
// A package and every subpath of it ("openai/resources/...", "electron/main"), matched exactly by name.
const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const packagePatterns = (names, message) =>
  names.map((name) => ({ regex: `^${escape(name)}(/.*)?$`, message: message(name) }));
const layerPatterns = (...folders) =>
  folders.map((f) => ({ group: [`**/${f}/**`, `**/${f}`], message: `This layer may not import ${f}/.` }));

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "release/**",
      "node_modules/**",
      "test/.cache/**",
      "test/e2e/screenshots/**",
      ".scratch/**",
      ".exp-*/**",
      "reports/**",
      ".stryker-tmp/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        URL: "readonly",
        TextEncoder: "readonly",
        TextDecoder: "readonly",
        AbortController: "readonly",
        AbortSignal: "readonly",
        fetch: "readonly",
        performance: "readonly",
        structuredClone: "readonly",
        queueMicrotask: "readonly",
        globalThis: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // Type imports and re-exports count: a circle of types still ties the files' designs together.
    files: ["**/*.{ts,tsx}"],
    plugins: { tandem: { rules: { "no-import-cycle": noImportCycle } } },
    rules: { "tandem/no-import-cycle": "error" },
  },
  {
    files: ["app/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...packagePatterns(
              [...hostPackages, "openai"],
              (name) => `app/ is the core: no ${name} here (openai only in app/providers/cloud).`,
            ),
            ...layerPatterns("main", "renderer", "native-models"),
          ],
        },
      ],
    },
  },
  {
    // The only module allowed to talk to a cloud LLM SDK.
    files: ["app/providers/cloud/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...packagePatterns(hostPackages, (name) => `app/ is the core: no ${name} here.`),
            ...layerPatterns("main", "renderer", "native-models"),
          ],
        },
      ],
    },
  },
  {
    files: ["native-models/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...packagePatterns(
              ["electron", "react", "react-dom", "openai"],
              () => "native-models/ implements the LocalModel port only.",
            ),
            ...layerPatterns("main", "renderer"),
            {
              group: [
                "**/app/*",
                "!**/app/model",
                "!**/app/contract",
                "**/app/*/**",
                "!**/app/model/**",
                "!**/app/contract/**",
              ],
              message: "native-models/ may import only app/model (the port) and app/contract.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["renderer/**/*.{ts,tsx}"],
    languageOptions: {
      globals: {
        window: "readonly",
        document: "readonly",
        navigator: "readonly",
        sessionStorage: "readonly",
        localStorage: "readonly",
        HTMLElement: "readonly",
        HTMLTextAreaElement: "readonly",
        HTMLInputElement: "readonly",
        KeyboardEvent: "readonly",
        MouseEvent: "readonly",
        Event: "readonly",
        EventSource: "readonly",
        ReadableStreamDefaultReader: "readonly",
        Response: "readonly",
        matchMedia: "readonly",
        requestAnimationFrame: "readonly",
      },
    },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...packagePatterns(
              ["electron", "node-llama-cpp", "better-sqlite3", "better-sqlite3-multiple-ciphers", "openai"],
              () => "The renderer talks to the back end only through app/contract.",
            ),
            ...layerPatterns("main", "native-models"),
            { group: ["node:*"], message: "The renderer runs in a browser sandbox: no Node built-ins." },
            {
              group: ["**/app/*", "!**/app/contract", "**/app/*/**", "!**/app/contract/**"],
              message: "The renderer may import only app/contract.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["main/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: layerPatterns("renderer") }],
    },
  },
  {
    // The privacy boundary's brands are minted in one file each (issue #14): a request reaches
    // the cloud provider only as the gate's GatedRequest, user text only as the sanitizer's
    // SanitizedText. A cast anywhere else would skip the check the type stands for. Tests may
    // cast, to plant what a sanitizer missed.
    files: ["app/**/*.ts", "main/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts"],
    ignores: ["app/egress/EgressGate.ts", "app/privacy/brand.ts", "app/egress/appTexts.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...["TSAsExpression", "TSTypeAssertion"].map((node) => ({
          selector: `${node}[typeAnnotation.typeName.name=/^(GatedRequest|SanitizedText|AppText)$/]`,
          message:
            "Only EgressGate makes a GatedRequest, only app/privacy/brand.ts a SanitizedText, only appTexts.ts an AppText: go through them instead of casting.",
        })),
      ],
    },
  },
);
