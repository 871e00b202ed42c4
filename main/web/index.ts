/**
 * `npm run web` (and `npm start` where Electron is unavailable): the browser host.
 * Prints the URL (with its per-start token) and serves until Ctrl+C.
 */
import { fileURLToPath } from "node:url";
import { readConfig } from "../../app/config";
import { createHost } from "../host/createHost";
import { startWebHost } from "./startWebHost";

const config = readConfig();
const rendererDir = fileURLToPath(new URL("../../dist/renderer", import.meta.url));
const host = await createHost({ dataDir: config.dataDir, kind: "web" });
const web = await startWebHost({ host, rendererDir, port: config.port });
process.stdout.write(
  `Tandem is running at ${web.url}\nOpen that link in a browser (it carries this start's access token). Data: ${config.dataDir}. Press Ctrl+C to stop.\n`,
);

let closing = false;
const shutdown = async () => {
  if (closing) return;
  closing = true;
  await web.close();
  await host.close();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
