import { parseArgs } from "node:util";
import { TandemError } from "../../../app/contract/errors";
import type { DownloadInfo } from "../../../app/contract/types";
import { LlamaRuntime } from "../../../native-models/LlamaRuntime";
import { createHost } from "../../host/createHost";
import type { Host } from "../../host/Host";
import { cliApi, CliError, type CliApi } from "../cliApi";
import { EXIT_FAILED, EXIT_OK, type CliIo } from "../CliIo";
import { describeFitLine, describeModel, downloadProgressLine, inspectJson, inspectText } from "./modelsFormat";
import { usageError, write } from "../cliOutput";

const USAGE = `Usage: npm run -s cli -- models <list|catalog|inspect|fit|download|import> …
  models list [--json]                    the models Tandem knows (* = active) and unfinished downloads
  models catalog [--json]                 recommended models with a fit verdict for this computer
  models inspect <file.gguf> [--json]     architecture, parameters, quantization, context length, chat template
  models fit <file|url|hf:uri> [--context N] [--json]
                                          fits on GPU / fits in RAM / too large, with the estimated memory
                                          (a URL or hf: URI: only the header is read)
  models download <url|hf:uri> [--sha256 HEX] [--json]
                                          downloads into the data folder's models/, checks it, adds it;
                                          Ctrl-C pauses (the same command resumes)
  models import <file.gguf> [--copy] [--json]
                                          adds a model file: used where it is, or copied into models/`;

const OPTIONS = {
  json: { type: "boolean" },
  copy: { type: "boolean" },
  context: { type: "string" },
  sha256: { type: "string" },
  help: { type: "boolean" },
} as const;

type Values = { json?: boolean; copy?: boolean; context?: string; sha256?: string; help?: boolean };

/** `models`: list, inspect, check, download and import local models. */
export async function modelsCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  const [verb, target, ...rest] = parsed.positionals;
  const values: Values = parsed.values;
  if (values.help) return write(io.stdout, USAGE + "\n", EXIT_OK);
  if (rest.length > 0) return usage(io, `Unexpected argument: ${rest[0]}`);
  if (values.context && !/^\d+$/.test(values.context)) return usage(io, "--context takes a number of tokens");
  const run = VERBS[verb ?? ""];
  if (!run) return usage(io, verb ? `Unknown models command: ${verb}` : "");
  if (run.needsTarget && !target) return usage(io, `models ${verb} needs ${run.needsTarget}.`);
  if (verb === "inspect") return inspect(io, target!, values); // needs no data directory
  const host = await createHost({ dataDir: io.dataDir, kind: "cli", gpu: "auto", quiet: true });
  try {
    return await run.fn({ host, io, target: target ?? "", values, api: cliApi(host) });
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return write(io.stderr, `tandem: ${error.message}\n`, EXIT_FAILED);
  } finally {
    await host.close();
  }
}

interface VerbContext {
  host: Host;
  io: CliIo;
  target: string;
  values: Values;
  api: CliApi;
}

const VERBS: Record<string, { needsTarget?: string; fn: (c: VerbContext) => Promise<number> }> = {
  list: { fn: list },
  catalog: { fn: catalog },
  inspect: { needsTarget: "a .gguf file", fn: async ({ io, target, values }) => inspect(io, target, values) },
  fit: { needsTarget: "a file, URL or hf: URI", fn: fit },
  download: { needsTarget: "a URL or hf: URI", fn: download },
  import: { needsTarget: "a .gguf file", fn: importModel },
};

async function list({ io, values, api }: VerbContext): Promise<number> {
  const [models, downloads, settings] = await Promise.all([
    api.models.list({}),
    api.models.downloads({}),
    api.settings.get({}),
  ]);
  if (values.json)
    return write(
      io.stdout,
      JSON.stringify({ models, activeModelId: settings.activeModelId, downloads }) + "\n",
      EXIT_OK,
    );
  if (models.length === 0 && downloads.length === 0)
    return write(io.stderr, "No models yet. See: npm run -s cli -- models catalog\n", EXIT_OK);
  const lines = models.map((m) => `${m.id === settings.activeModelId ? "*" : " "} ${m.id}  ${describeModel(m)}`);
  for (const d of downloads) lines.push(`  ${d.state.padEnd(11)} ${d.uri}  ${downloadProgressLine(d)}`);
  return write(io.stdout, lines.join("\n") + "\n", EXIT_OK);
}

async function catalog({ io, values, api }: VerbContext): Promise<number> {
  const items = await api.models.catalog({});
  if (values.json) return write(io.stdout, JSON.stringify(items) + "\n", EXIT_OK);
  const lines = items.map(
    (item) =>
      `${item.recommended ? "★" : " "} ${item.name.padEnd(24)} ${item.fit.verdict.padEnd(9)} ${item.uri}\n    ${item.goodFor} (${item.license}) ${item.fit.summary}`,
  );
  return write(
    io.stdout,
    lines.join("\n") +
      "\n★ = recommended for this computer. Estimates from the catalog; `models fit <uri>` reads the real header.\n",
    EXIT_OK,
  );
}

/** Reads a file's header only: no data directory, no store; llama.cpp just for its tensor sizes. */
async function inspect(io: CliIo, target: string, values: Values): Promise<number> {
  const runtime = await LlamaRuntime.create({ gpu: false });
  try {
    const summary = await runtime.inspect(target);
    return write(io.stdout, values.json ? JSON.stringify(inspectJson(summary)) + "\n" : inspectText(summary), EXIT_OK);
  } catch (error) {
    if (!(error instanceof TandemError)) throw error;
    return write(io.stderr, `tandem: ${error.message}\n`, EXIT_FAILED);
  } finally {
    await runtime.dispose();
  }
}

async function fit({ io, target, values, api }: VerbContext): Promise<number> {
  const estimate = await api.models.fit({
    source: target,
    contextSize: values.context ? Number(values.context) : undefined,
  });
  if (values.json) return write(io.stdout, JSON.stringify(estimate) + "\n", EXIT_OK);
  return write(io.stdout, describeFitLine(estimate) + "\n", EXIT_OK);
}

async function importModel({ io, target, values, api }: VerbContext): Promise<number> {
  const model = await api.models.import({ path: target, copy: values.copy ?? false });
  if (values.json) return write(io.stdout, JSON.stringify(model) + "\n", EXIT_OK);
  return write(io.stdout, `added ${model.id}  ${describeModel(model)}\n`, EXIT_OK);
}

async function download({ host, io, target, values, api }: VerbContext): Promise<number> {
  const bar = { last: "", step: -1 };
  const finished = new Promise<DownloadInfo>((resolve) => {
    host.onEvent((event) => {
      if (event.type !== "download:progress" || event.download.uri !== target) return;
      if (!values.json) drawProgress(io, event.download, bar);
      if (["done", "failed", "paused"].includes(event.download.state)) resolve(event.download);
    });
  });
  const started = await api.models.download({ uri: target, sha256: values.sha256 });
  const pause = () => void api.models.cancelDownload({ id: started.id }).catch(() => {});
  process.once("SIGINT", pause);
  const outcome = await finished;
  process.off("SIGINT", pause);
  if (!values.json && bar.last && isTty(io)) io.stderr.write("\n");
  return reportDownload(io, outcome, values, api);
}

async function reportDownload(io: CliIo, outcome: DownloadInfo, values: Values, api: CliApi): Promise<number> {
  const model = outcome.modelId ? ((await api.models.list({})).find((m) => m.id === outcome.modelId) ?? null) : null;
  if (values.json)
    return write(
      io.stdout,
      JSON.stringify({ download: outcome, model }) + "\n",
      outcome.state === "done" ? EXIT_OK : EXIT_FAILED,
    );
  if (outcome.state === "done" && model)
    return write(io.stdout, `added ${model.id}  ${describeModel(model)}\n`, EXIT_OK);
  if (outcome.state === "paused" && !outcome.error)
    return write(io.stderr, "Paused. Run the same command again to resume.\n", EXIT_FAILED);
  return write(io.stderr, `tandem: ${outcome.error?.message ?? "The download stopped."}\n`, EXIT_FAILED);
}

function isTty(io: CliIo): boolean {
  return (io.stderr as NodeJS.WriteStream).isTTY === true;
}

/** One line redrawn in place on a terminal; elsewhere (a log file) a line per 10% and per state. */
function drawProgress(io: CliIo, download: DownloadInfo, bar: { last: string; step: number }): void {
  const line = downloadProgressLine(download);
  const fraction = download.totalBytes ? download.downloadedBytes / download.totalBytes : 0;
  const step =
    download.state === "downloading"
      ? Math.floor(fraction * 10)
      : 100 + ["verifying", "paused", "failed", "done"].indexOf(download.state);
  if (isTty(io)) io.stderr.write(`\r${line.padEnd(bar.last.length)}`);
  else if (step !== bar.step) io.stderr.write(line + "\n");
  bar.last = line;
  bar.step = step;
}

function usage(io: CliIo, message: string): number {
  return usageError(io, USAGE, message);
}
