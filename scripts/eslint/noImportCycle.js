// ESLint rule: no import cycle between the project's own files, type imports and re-exports
// included. eslint-plugin-import-x's `no-cycle` skips `import type`, and the circle it should
// have caught (createCloudAnswerer ↔ createHybridAnswerer ↔ runDeps) ran through type imports:
// harmless at run time, but it still ties the files' designs together.
//
// The import graph is read once per lint process with TypeScript's `preProcessFile` (a scan of
// import/export statements, no type checking), so the rule costs one read of each file.
import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import ts from "typescript";

const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];
/** file → its relative imports, resolved to files; filled lazily, shared by every linted file. */
const graph = new Map();

function resolveImport(fromFile, specifier) {
  if (!specifier.startsWith(".")) return null;
  const base = resolve(dirname(fromFile), specifier);
  if (/\.(ts|tsx)$/.test(base) && existsSync(base)) return base;
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  return null;
}

function importsOf(file) {
  let imports = graph.get(file);
  if (imports) return imports;
  imports = new Map(); // resolved file → the specifier as written (first one)
  graph.set(file, imports);
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
    const target = resolveImport(file, fileName);
    if (target && !imports.has(target)) imports.set(target, fileName);
  }
  return imports;
}

/** A shortest path of imports from `start` back to `goal`, or null (breadth-first). */
function pathBack(start, goal) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const next of importsOf(file).keys()) {
      if (next === goal) {
        const path = [file];
        for (let f = previous.get(file); f; f = previous.get(f)) path.unshift(f);
        return path;
      }
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return null;
}

export const noImportCycle = {
  meta: {
    type: "problem",
    docs: {
      description: "Forbid imports (type imports and re-exports included) that lead back to the importing file.",
    },
    messages: { cycle: "Import cycle: {{path}}. Move the shared declaration to a module both can import." },
    schema: [],
  },
  create(context) {
    const file = context.physicalFilename;
    const check = (node) => {
      if (!node.source || typeof node.source.value !== "string") return;
      const target = resolveImport(file, node.source.value);
      if (!target || target === file) return;
      const back = pathBack(target, file);
      if (!back) return;
      const root = context.cwd;
      const path = [file, ...back, file].map((f) => relative(root, f)).join(" → ");
      context.report({ node: node.source, messageId: "cycle", data: { path } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};
