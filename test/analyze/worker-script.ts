import { expect } from "chai";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { buildWorkerScript, readKeptWorkerScript } from "../../src/analyze/index.js";

/** A kept script, as written. */
interface Kept {
  build: string;
  inputs: Record<string, string>;
  script: string;
}

describe("analyze/worker-script", function () {
  this.timeout(60_000);
  let dir: string;
  let cacheFile: string;
  beforeEach(function () {
    dir = mkdtempSync(path.join(os.tmpdir(), "worker-script-"));
    cacheFile = path.join(dir, "cache", "analyze-worker.json");
  });
  afterEach(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  const kept = () => JSON.parse(readFileSync(cacheFile, "utf8")) as Kept;
  const rewrite = (change: (kept: Kept) => void) => {
    const value = kept();
    change(value);
    writeFileSync(cacheFile, JSON.stringify(value));
  };

  it("keeps the script it builds with a digest of every file it was built from, and a later run reads it", async function () {
    expect(readKeptWorkerScript(cacheFile)).to.equal(undefined);
    const script = await buildWorkerScript(cacheFile);
    expect(script).to.include("simulatePolicyPaths");
    expect(Object.keys(kept().inputs)).to.include.members([
      "src/analyze/worker.ts",
      "src/model/path.ts",
      "src/finance/irr.ts",
    ]);
    expect(readKeptWorkerScript(cacheFile)).to.equal(script);
  });

  it("passes over a kept script once a file it was built from has changed", async function () {
    await buildWorkerScript(cacheFile);
    rewrite((value) => (value.inputs["src/model/path.ts"] = "0".repeat(64)));
    expect(readKeptWorkerScript(cacheFile)).to.equal(undefined);
  });

  it("passes over a kept script built otherwise (another esbuild, other options), or one that is not JSON", async function () {
    await buildWorkerScript(cacheFile);
    rewrite((value) => (value.build = value.build.replace(/"esbuild":"[^"]*"/, '"esbuild":"0.0.1"')));
    expect(readKeptWorkerScript(cacheFile)).to.equal(undefined);
    writeFileSync(cacheFile, '{"build": ');
    expect(readKeptWorkerScript(cacheFile)).to.equal(undefined);
    // The next build replaces it.
    const script = await buildWorkerScript(cacheFile);
    expect(readKeptWorkerScript(cacheFile)).to.equal(script);
  });

  it("still gives the script when it cannot be kept, and leaves nothing behind", async function () {
    const notADirectory = path.join(dir, "file");
    writeFileSync(notADirectory, "");
    const script = await buildWorkerScript(path.join(notADirectory, "analyze-worker.json"));
    expect(script).to.include("simulatePolicyPaths");
    expect(readdirSync(dir)).to.deep.equal(["file"]);
  });

  it("does not keep a script one of whose files changed just before or during the build", async function () {
    // A file saved as the build reads it may be compiled as it was: the script is given but not kept.
    const file = fileURLToPath(new URL("../../src/model/path.ts", import.meta.url));
    const { atime, mtime } = statSync(file);
    utimesSync(file, atime, new Date());
    try {
      expect(await buildWorkerScript(cacheFile)).to.include("simulatePolicyPaths");
      expect(readKeptWorkerScript(cacheFile)).to.equal(undefined);
    } finally {
      utimesSync(file, atime, mtime);
    }
    await buildWorkerScript(cacheFile);
    expect(readKeptWorkerScript(cacheFile)).to.not.equal(undefined);
  });
});
