import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project root (the folder holding package.json). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The Hardhat CLI, as `npx hardhat` runs it (with the Node that runs this suite). */
const HARDHAT_CLI = path.join(ROOT, "node_modules", ".bin", "hardhat");
/** The e2e config: the project's, with `localhost` read from HASHSHARE_E2E_RPC_URL. */
export const E2E_CONFIG = path.join("e2e", "hardhat.config.ts");

/** What a finished command printed and its exit code. */
export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs `hardhat <args>` from the project root and collects its output. `env` is added to (or, with undefined values,
 * removed from) this process's environment. Kills it after `timeoutMs`.
 */
export async function hardhat(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
  timeoutMs = 120_000,
): Promise<CommandResult> {
  // As from a user's shell: `hardhat test` marks its environment with HH_TEST, which changes how the keystore
  // plugin resolves configuration variables; the commands under test must not inherit it.
  const childEnv: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" };
  delete childEnv.HH_TEST;
  // Nor may a developer's .env change what the cases see: point dotenv at a file that does not exist.
  childEnv.DOTENV_CONFIG_PATH = path.join(ROOT, "e2e", "no-such.env");
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[key];
    else childEnv[key] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HARDHAT_CLI, ...args], { cwd: ROOT, env: childEnv, stdio: "pipe" });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** One JSON-RPC request over HTTP, given up after `timeoutMs` (a node that accepts but never answers is dead). */
export async function rpc<T = unknown>(
  url: string,
  method: string,
  params: unknown[] = [],
  timeoutMs = 30_000,
): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error !== undefined) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

/** The JSON-RPC node implementations the suite runs against. */
export const NODE_KINDS = ["hardhat", "anvil"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** A node child process on a loopback port, and how to stop it. */
export interface RunningNode {
  readonly kind: NodeKind;
  readonly url: string;
  readonly port: number;
  /** Output so far (for failure messages). */
  log(): string;
  /** Stops the node and its process group; safe to call twice. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Kills every node still running when this process exits (a crashed suite must not leave one behind). */
process.on("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the node runs in its own process group (detached)
  } catch {
    child.kill(signal);
  }
}

/**
 * Foundry's `anvil` binary, from the npm package of this platform (`@foundry-rs/anvil-<os>-<arch>`, installed by the
 * `@foundry-rs/anvil` devDependency as its optional dependency).
 */
export function anvilBinary(): string {
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  const pkg = `@foundry-rs/anvil-${process.platform}-${arch}`;
  let manifest: string;
  try {
    manifest = createRequire(import.meta.url).resolve(`${pkg}/package.json`);
  } catch {
    throw new Error(`anvil is not installed for ${process.platform}-${process.arch} (${pkg}): run npm install`);
  }
  return path.join(path.dirname(manifest), "bin", process.platform === "win32" ? "anvil.exe" : "anvil");
}

/** The command that starts a node of `kind` on `port`: both use the default test mnemonic and chain ID 31337. */
function nodeCommand(kind: NodeKind, port: number): [string, string[]] {
  return kind === "hardhat"
    ? [process.execPath, [HARDHAT_CLI, "node", "--hostname", "127.0.0.1", "--port", String(port)]]
    : [anvilBinary(), ["--host", "127.0.0.1", "--port", String(port), "--chain-id", "31337"]];
}

/**
 * Starts a node of `kind` (`hardhat node` by default, or Foundry's `anvil`) on 127.0.0.1:`port` and waits until it answers
 * `eth_chainId`.
 */
export async function startNode(port: number, kind: NodeKind = "hardhat", timeoutMs = 90_000): Promise<RunningNode> {
  const [command, args] = nodeCommand(kind, port);
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", HH_TEST: undefined },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  running.add(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const node: RunningNode = {
    kind,
    url,
    port,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        killGroup(child, "SIGTERM");
        const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
        await exited;
        clearTimeout(timer);
      }
      running.delete(child);
    },
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${kind} node exited with code ${child.exitCode}:\n${output}`);
    try {
      await rpc(url, "eth_chainId", [], 5_000);
      return node;
    } catch {
      if (Date.now() > deadline) {
        await node.stop();
        throw new Error(`${kind} node did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Removes an Ignition deployment folder made by the suite. */
export async function removeDeployment(deploymentId: string): Promise<void> {
  await rm(path.join(ROOT, "ignition", "deployments", deploymentId), { recursive: true, force: true });
}

/** A JSON-RPC proxy in front of a node that can hold requests, so a test can freeze a client at a chosen request. */
export interface RpcGate {
  readonly url: string;
  /** Resolves once a request is being held. */
  readonly holding: Promise<void>;
  /** Lets the held requests (and every later one) through. */
  open(): void;
  close(): Promise<void>;
}

/**
 * Starts an {@link RpcGate} in front of `target`: a request for which `hold(method)` returns true (checked as it
 * arrives) waits until `open()`; every other request goes straight through.
 */
export async function startRpcGate(target: string, hold: (method: string) => boolean): Promise<RpcGate> {
  let opened = false;
  const waiting: Array<() => void> = [];
  let markHolding = (): void => undefined;
  const holding = new Promise<void>((resolve) => (markHolding = resolve));
  const server = createHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString();
      const parsed = JSON.parse(body) as { method?: string } | Array<{ method?: string }>;
      const methods = (Array.isArray(parsed) ? parsed : [parsed]).map((call) => call.method ?? "");
      const forward = async (): Promise<void> => {
        const answer = await fetch(target, { method: "POST", headers: { "content-type": "application/json" }, body });
        response.writeHead(answer.status, { "content-type": "application/json" });
        response.end(await answer.text());
      };
      const send = (): void => void forward().catch((error: unknown) => response.destroy(error as Error));
      if (opened || !methods.some(hold)) return send();
      waiting.push(send);
      markHolding();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    holding,
    open: () => {
      opened = true;
      for (const send of waiting.splice(0)) send();
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
