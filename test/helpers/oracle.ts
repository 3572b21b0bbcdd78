/**
 * Oracle reports in tests: epochs are UTC days bound to the chain's clock, so a test reports the current epoch and
 * moves the clock to the next day before the pool's next report.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { Time } from "@nomicfoundation/hardhat-network-helpers/types";
import type { AddressLike } from "ethers";

import type { HashrateOracle } from "../../typechain-types/index.js";

/** Seconds per oracle epoch: a UTC day (the oracle's `EPOCH_SECONDS`). */
export const EPOCH_SECONDS = 86_400n;

/** The epoch containing `timestamp` (seconds). */
export function epochAt(timestamp: bigint): bigint {
  return timestamp / EPOCH_SECONDS;
}

/** First second of `epoch`. */
export function epochStart(epoch: bigint): bigint {
  return epoch * EPOCH_SECONDS;
}

/**
 * The epoch a new report of `pool` can use: the current epoch, or — when the pool has already finalized it — the next
 * one, after moving the clock to its first second.
 */
export async function nextReportEpoch(time: Time, oracle: HashrateOracle, pool: AddressLike): Promise<bigint> {
  const current = await oracle.currentEpoch();
  const [, latest, updatedAt] = await oracle.latestHashrate(pool);
  if (updatedAt === 0n || current > latest) return current;
  await time.increaseTo(epochStart(latest + 1n));
  return latest + 1n;
}

/**
 * `reporter` reports `hashrateTHs` for `pool` at `nextReportEpoch` (finalized at once with quorum 1); returns the
 * epoch reported.
 */
export async function reportNow(
  time: Time,
  oracle: HashrateOracle,
  reporter: HardhatEthersSigner,
  pool: AddressLike,
  hashrateTHs: bigint,
): Promise<bigint> {
  const epoch = await nextReportEpoch(time, oracle, pool);
  await oracle.connect(reporter).reportHashrate(pool, epoch, hashrateTHs);
  return epoch;
}
