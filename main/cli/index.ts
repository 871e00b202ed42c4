/**
 * The headless CLI over the same core as the app: `npm run cli -- <command> …`.
 * Tip: `npm run -s cli -- …` keeps npm's own banner out of stdout (for --json).
 */
import { readConfig } from "../../app/config";
import { EXIT_FAILED, EXIT_USAGE, type CliIo } from "./CliIo";
import { chatCommand } from "./commands/chat";

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { run: () => Promise<Command>; help: string }> = {
  chat: { run: async () => chatCommand, help: "answer a question with the local model (Private mode)" },
  sanitize: {
    run: async () => (await import("./commands/sanitize")).sanitizeCommand,
    help: "replace private items in stdin by placeholders",
  },
  restore: {
    run: async () => (await import("./commands/restore")).restoreCommand,
    help: "put the real values back (on this device)",
  },
  context: {
    run: async () => (await import("./commands/context")).contextCommand,
    help: "add, list, show or remove private notes and documents",
  },
  profile: {
    run: async () => (await import("./commands/profile")).profileCommand,
    help: "set or show your private profile",
  },
  models: {
    run: async () => (await import("./commands/models")).modelsCommand,
    help: "list, inspect, check the fit of, download or import local models",
  },
  export: {
    run: async () => (await import("./commands/export")).exportCommand,
    help: "export everything (or one conversation) to a file",
  },
  import: {
    run: async () => (await import("./commands/import")).importCommand,
    help: "import a Tandem export, ChatGPT conversations.json or transcript",
  },
  proxy: {
    run: async () => (await import("./commands/proxy")).proxyCommand,
    help: "run the privacy proxy: a local OpenAI-compatible endpoint for other apps",
  },
  wipe: { run: async () => (await import("./commands/wipe")).wipeCommand, help: "delete all your data (needs --yes)" },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.help}`);
  return `Usage: npm run cli -- <command> [options]   (add --help after a command for its options)\n${lines.join("\n")}\nData directory: $TANDEM_HOME, default ~/.tandem\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(name && name !== "--help" ? `Unknown command: ${name}\n${usage()}` : usage());
    return name && name !== "--help" ? EXIT_USAGE : 0;
  }
  const io: CliIo = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    dataDir: readConfig().dataDir,
  };
  return (await command.run())(args, io);
}

// `npm run cli -- chat … | head` closes stdout early: that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`tandem: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(EXIT_FAILED);
  },
);
