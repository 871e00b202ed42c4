import { readFileSync } from "node:fs";

/** The app version from package.json (read once; hosts run from the project or the asar root). */
export const version: string = (() => {
  try {
    return JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version as string;
  } catch {
    return "0.0.0";
  }
})();
