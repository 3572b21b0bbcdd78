/**
 * The script the analyze worker threads run: worker.ts and what it imports, bundled by esbuild (the compiler tsx and
 * Hardhat already use) into one small CommonJS script, so that a worker thread starts without a TypeScript loader and
 * loads the model's day loop and the fan's bands alone.
 *
 * Building it takes esbuild about 50 ms in a process of its own, on a core the run's threads need while they start. The
 * script is therefore kept on disk (`node_modules/.cache/hashshare/`), with esbuild's version, the build's options and a
 * digest of every file it was built from: a run whose files are unchanged reads it in a few milliseconds, and any change
 * to one of them builds it afresh. A cache that cannot be read or written is passed over: the script is then built on
 * every run.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { threadId } from "node:worker_threads";

import { build, version as esbuildVersion, type BuildOptions } from "esbuild";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ENTRY = fileURLToPath(new URL("./worker.ts", import.meta.url));

/** Where the script is kept by default. */
export const WORKER_SCRIPT_CACHE = path.join(ROOT, "node_modules", ".cache", "hashshare", "analyze-worker.json");

const OPTIONS = {
  entryPoints: [ENTRY],
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node22",
  write: false,
  logLevel: "error",
  absWorkingDir: ROOT,
  // Modules that locate files from their own URL keep their place in the repository.
  define: { "import.meta.url": JSON.stringify(pathToFileURL(ENTRY).href) },
} satisfies BuildOptions;

/** What else than its files a kept script was built from: a script built otherwise is not used. */
const BUILD_KEY = JSON.stringify({ esbuild: esbuildVersion, ...OPTIONS });

/** A kept script. */
interface KeptScript {
  build: string;
  /** Each file the script was built from (relative to the repository) and the SHA-256 of its content. */
  inputs: Record<string, string>;
  script: string;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * The script kept in `cacheFile`, if it was built as this one would be and none of its files has changed since;
 * otherwise (none kept, stale, unreadable) undefined.
 */
export function readKeptWorkerScript(cacheFile = WORKER_SCRIPT_CACHE): string | undefined {
  try {
    const kept = JSON.parse(readFileSync(cacheFile, "utf8")) as KeptScript;
    if (kept.build !== BUILD_KEY || typeof kept.script !== "string") return undefined;
    for (const [file, digest] of Object.entries(kept.inputs)) {
      if (sha256(readFileSync(path.join(ROOT, file))) !== digest) return undefined;
    }
    return kept.script;
  } catch {
    return undefined;
  }
}

/**
 * How long before a build a file it reads must have last changed for the script to be kept: a file written during the
 * build (or within a coarse file system's clock step before it) may have been compiled as it was before.
 */
const SETTLED_MS = 2_000;

/**
 * Builds the script and keeps it in `cacheFile` (written whole, or not at all), unless one of its files changed just
 * before or during the build.
 */
export async function buildWorkerScript(cacheFile = WORKER_SCRIPT_CACHE): Promise<string> {
  const started = Date.now();
  const { outputFiles, metafile } = await build({ ...OPTIONS, metafile: true });
  const script = outputFiles[0]!.text;
  const files = Object.keys(metafile.inputs);
  if (files.some((file) => statSync(path.join(ROOT, file)).mtimeMs > started - SETTLED_MS)) return script;
  const inputs = Object.fromEntries(files.map((file) => [file, sha256(readFileSync(path.join(ROOT, file)))]));
  const kept: KeptScript = { build: BUILD_KEY, inputs, script };
  const partial = `${cacheFile}.${process.pid}-${threadId}.tmp`;
  try {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(partial, JSON.stringify(kept));
    renameSync(partial, cacheFile);
  } catch {
    // Not writable (a read-only checkout): the next run builds the script again.
    try {
      rmSync(partial, { force: true });
    } catch {
      // Nowhere to write it: nothing was written.
    }
  }
  return script;
}

let pending: Promise<string> | undefined;
let atHand: string | undefined;

/** The script: the kept one if it is fresh, else built (once per process). */
export function workerScriptSource(): Promise<string> {
  if (pending === undefined) {
    atHand = readKeptWorkerScript();
    pending = atHand !== undefined ? Promise.resolve(atHand) : buildWorkerScript().then((script) => (atHand = script));
  }
  return pending;
}

/** The script if `workerScriptSource` has it at hand (kept, or built in this process); else undefined. */
export function workerScriptNow(): string | undefined {
  return atHand;
}
