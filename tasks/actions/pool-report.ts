import { formatAmount } from "../../src/cli/amount.js";
import { UserError } from "../../src/cli/errors.js";
import { parseUint } from "../../src/cli/integer.js";
import { formatKeyValues, formatTimestamp } from "../../src/cli/output.js";
import { selectSigner } from "../../src/connection/accounts.js";
import { send } from "../../src/connection/transactions.js";
import { taskAction, type CommonArguments } from "./run.js";

interface ReportArguments extends CommonArguments {
  epoch: string;
  hashrate: string;
  account: string;
}

/**
 * `pool report`: one reporter's hashrate for an epoch — by default the oracle's `currentEpoch()` (the UTC day of the
 * latest block); finalizes the epoch when the quorum is reached. The oracle takes reports for the current and
 * the previous epoch only, so any other `--epoch` is refused before anything is sent.
 */
export default taskAction<ReportArguments>(async (args, session) => {
  const given = args.epoch.trim() === "" ? undefined : parseUint(args.epoch, 64, "--epoch");
  const hashrate = parseUint(args.hashrate, 256, "--hashrate");

  const ctx = await session.context();
  const { oracle, pool } = ctx;
  const [current, epochSeconds] = await Promise.all([oracle.currentEpoch(), oracle.EPOCH_SECONDS()]);
  const epoch = given ?? current;
  if (epoch !== current && epoch + 1n !== current) {
    const day = (e: bigint) => formatTimestamp(e * epochSeconds).slice(0, 10);
    throw new UserError(
      `--epoch ${epoch} is not the current epoch: the oracle takes reports for epoch ${current} (${day(current)}, today on the chain's clock) or ${current - 1n} (yesterday) only; leave --epoch out to report today`,
    );
  }
  const reporter = await selectSigner(ctx, args.account);
  const poolAddress = ctx.deployment.pool;
  const [isReporter, [latestHashrate, latestEpoch, updatedAt], submitted, count, quorum] = await Promise.all([
    oracle.hasRole(await oracle.REPORTER_ROLE(), reporter.address),
    oracle.latestHashrate(poolAddress),
    oracle.hasSubmitted(poolAddress, epoch, reporter.address),
    oracle.submissionCount(poolAddress, epoch),
    oracle.quorum(),
  ]);
  if (!isReporter)
    throw new UserError(`account ${reporter.address} is not a reporter (it lacks REPORTER_ROLE on the oracle)`);
  if (updatedAt !== 0n && epoch <= latestEpoch) {
    throw new UserError(
      `epoch ${epoch} is not after the latest finalized epoch ${latestEpoch}: the next report is for epoch ${latestEpoch + 1n}`,
    );
  }
  if (submitted) throw new UserError(`account ${reporter.address} already reported epoch ${epoch}`);

  const receipt = await send(ctx, "report", () =>
    oracle.connect(reporter).reportHashrate(poolAddress, epoch, hashrate),
  );
  const [newHashrate, newEpoch] = await oracle.latestHashrate(poolAddress, { blockTag: receipt.blockNumber });
  const finalized = receipt.logs.some(
    (log) => log.address === ctx.deployment.oracle && oracle.interface.parseLog(log)?.name === "HashrateFinalized",
  );
  const [mintable, decimals] = await Promise.all([
    pool.mintableShares({ blockTag: receipt.blockNumber }),
    pool.decimals(),
  ]);
  const json = {
    network: ctx.networkName,
    reporter: reporter.address,
    epoch,
    hashrateTHs: hashrate,
    submissions: count + 1n,
    quorum: Number(quorum),
    finalized,
    latestReport: { hashrateTHs: newHashrate, epoch: newEpoch },
    mintable: formatAmount(mintable, Number(decimals)),
    previousReport: updatedAt === 0n ? null : { hashrateTHs: latestHashrate, epoch: latestEpoch },
    txHash: receipt.hash,
    block: receipt.blockNumber,
  };
  const text = [
    finalized
      ? `Epoch ${epoch} finalized at ${newHashrate} TH/s (quorum ${quorum} reached).`
      : `Reported ${hashrate} TH/s for epoch ${epoch}: ${count + 1n} of ${quorum} reports, not final yet.`,
    formatKeyValues([
      ["reporter", reporter.address],
      ["latest report", `${newHashrate} TH/s, epoch ${newEpoch}`],
      ["mintable now", `${formatAmount(mintable, Number(decimals))} shares`],
      ["transaction", receipt.hash],
    ]),
  ].join("\n");
  return { text, json };
});
