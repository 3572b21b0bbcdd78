/**
 * Block subsidy schedule (ECONOMICS.md parameter `blockSubsidy`, sources S1 GetBlockSubsidy and S2):
 * `floor(50e8 >> floor(h / 210000))` satoshi, 0 after 64 halvings. 3.125 BTC from height 840,000, next
 * halving at 1,050,000 (~2028).
 */
import { SATS_PER_BTC } from "../tokens.js";
import { HALVING_INTERVAL } from "./constants.js";

const INITIAL_SUBSIDY_SATS = 5_000_000_000n;
const SATS_PER_BTC_NUMBER = Number(SATS_PER_BTC);

function checkHeight(height: number): void {
  if (!Number.isSafeInteger(height) || height < 0) {
    throw new RangeError(`height: must be a non-negative integer (got ${height})`);
  }
}

/** Number of halvings that have happened at block `height`: `floor(h / 210000)`. */
export function halvingsAt(height: number): number {
  checkHeight(height);
  return Math.floor(height / HALVING_INTERVAL);
}

/**
 * Subsidy of the block at `height`, in satoshi (bigint, exact): `50e8 >> halvings`, and 0 from the 64th
 * halving on (as Bitcoin Core, where a shift by ≥ 64 would be undefined).
 */
export function subsidySats(height: number): bigint {
  const halvings = halvingsAt(height);
  if (halvings >= 64) return 0n;
  return INITIAL_SUBSIDY_SATS >> BigInt(halvings);
}

/**
 * Subsidy of the block at `height`, in BTC (`subsidySats / 1e8`), without bigint arithmetic (it is on the model's
 * daily path): dividing 50e8 by a power of two is exact in floating point, and the floor is the right shift's.
 */
export function subsidyBtc(height: number): number {
  const halvings = halvingsAt(height);
  return halvings >= 64 ? 0 : Math.floor(Number(INITIAL_SUBSIDY_SATS) / 2 ** halvings) / SATS_PER_BTC_NUMBER;
}

/** Height of the first block after `height` whose subsidy differs (the next halving). */
export function nextHalvingHeight(height: number): number {
  return (halvingsAt(height) + 1) * HALVING_INTERVAL;
}
