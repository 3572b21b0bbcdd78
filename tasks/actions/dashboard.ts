import { UserError } from "../../src/cli/errors.js";
import { readFacts } from "../../src/dashboard/facts.js";
import { loadPrices } from "../../src/dashboard/prices.js";
import { createApp, listen } from "../../src/dashboard/server.js";
import { DashboardService } from "../../src/dashboard/service.js";
import { selectDeployment } from "./dashboard-deployment.js";
import { defaultConfirmations, defaultIndexPath, deploymentAddresses, openIndexDatabase } from "./dashboard-index.js";
import { firstLine } from "../../src/connection/errors.js";
import { note } from "../../src/connection/note.js";
import { taskAction, type CommonArguments } from "./run.js";

interface DashboardArguments extends CommonArguments {
  deployment: string;
  port: number;
  host: string;
  confirmations: number;
  blockRange: number;
  pollMs: number;
  database: string;
  prices: string;
}

/** Reads `MAX_PAUSE_DURATION()` where the pool has one (bounded pause), else undefined. */
async function maxPauseDuration(pool: unknown): Promise<number | undefined> {
  const fn = (pool as Record<string, unknown>)["MAX_PAUSE_DURATION"];
  if (typeof fn !== "function") return undefined;
  try {
    return Number(await (fn as () => Promise<bigint>)());
  } catch {
    return undefined;
  }
}

/** `dashboard`: indexes the deployment and serves the views until Ctrl-C (SIGINT) or SIGTERM. */
export default taskAction<DashboardArguments>(async (args, session) => {
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65_535) {
    throw new UserError(`--port ${args.port} is not a TCP port (0 to 65535)`);
  }
  if (args.blockRange < 1) throw new UserError(`--block-range ${args.blockRange} must be at least 1`);
  if (args.pollMs < 50) throw new UserError(`--poll-ms ${args.pollMs} must be at least 50`);
  if (args.confirmations < -1) throw new UserError(`--confirmations ${args.confirmations} must be 0 or more`);
  const host = args.host.trim() === "" ? "127.0.0.1" : args.host.trim();
  const prices = loadPrices(args.prices);
  selectDeployment(args.deployment, session.hre.config.paths);
  const ctx = await session.context();
  const confirmations = args.confirmations === -1 ? defaultConfirmations(ctx) : args.confirmations;
  const file = args.database.trim() === "" ? defaultIndexPath(ctx) : args.database.trim();
  const db = await openIndexDatabase(file);
  const provider = ctx.connection.ethers.provider;
  const facts = await readFacts(ctx.deployment, provider, ctx.chainId, ctx.networkName);
  const service = new DashboardService({
    db,
    rpc: ctx.connection.provider,
    chainId: ctx.chainId,
    addresses: deploymentAddresses(ctx),
    fromBlock: ctx.deployment.fromBlock,
    confirmations,
    blockRange: args.blockRange,
    pollMs: args.pollMs,
    facts,
    prices,
    maxPauseDuration: await maxPauseDuration(ctx.pool),
  });
  await service.open();
  let http;
  try {
    http = await listen(createApp(service), host, args.port);
  } catch (error) {
    await db.close();
    throw new UserError(`cannot listen on ${host}:${args.port}: ${firstLine(error)}`);
  }
  service.start();
  if (host !== "127.0.0.1" && host !== "localhost" && host !== "::1") {
    note(`warning: listening on ${host}: anyone who can reach this machine can read the dashboard`);
  }
  note(
    `dashboard of ${facts.pool.name} on ${ctx.networkName} (chain ${ctx.chainId}): ${http.url}/operator and ${http.url}/investor`,
  );
  note(`index: ${db.dialect} ${db.location}; ${confirmations} confirmations; prices: ${prices.source}; Ctrl-C stops`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await http.close();
  await service.stop();
  await db.close();
  return { text: "dashboard stopped", json: { stopped: true, url: http.url } };
});
