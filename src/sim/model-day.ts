/**
 * The economic model's side of a run: the v2 model's path for the run's scenario, seed and policy (path 0 of the
 * seed, the same path `hardhat analyze` calls path 0), and each day of it as the simulator uses it — the pool's
 * hashrate to report and what holders receive in payout-token base units.
 *
 * Amounts go on chain rounded down to base units (WBTC satoshis, USDC micro-dollars) without stranding the
 * remainders: day d deposits `floor(Σ₀..d model × 10^decimals) − floor(Σ₀..d−1 model × 10^decimals)`, so the
 * chain's running total is always the model's running total rounded down, never more than one base unit behind.
 * Pure and deterministic, so a resumed run replays exactly the plan of the first attempt.
 */
import { rowOf, simulatePath, type PathResult, type PathRow, type PolicyName, type Scenario } from "../model/index.js";
import { toBaseUnits } from "../model/settlement.js";
import { unitsPerToken } from "../tokens.js";

/** The path index of the on-chain run within its seed (analyze's path 0). */
export const ON_CHAIN_PATH = 0;

/** One day of the model as the simulator sends it. */
export interface ModelDay extends PathRow {
  /** the pool's installed mining hashrate, whole TH/s (`poolHashrateThs` rounded down): what the reporters post */
  hashrateThs: bigint;
  /** what holders receive from mining, WBTC satoshis (`holdersMiningBtc`, cumulative rounding) */
  payoutWbtcSats: bigint;
  /** what holders receive from AI, USDC base units (`holdersAiUsd`, cumulative rounding) */
  payoutUsdcUnits: bigint;
}

/** The model's path of a run: `simulatePath` of `scenario` under `policy`, path 0 of `seed`, `days` days. */
export function modelPath(scenario: Scenario, policy: PolicyName, seed: string | number, days: number): PathResult {
  return simulatePath(scenario, { seed, pathIndex: ON_CHAIN_PATH, days, policy });
}

/** Every day of `path`, in order, with its report and its payouts in base units (see the file comment). */
export function modelDays(path: PathResult): ModelDay[] {
  const { holdersMiningBtc, holdersAiUsd, poolHashrateThs } = path.columns;
  const sats = Number(unitsPerToken("wbtc"));
  const usdcUnits = Number(unitsPerToken("usdc"));
  const days: ModelDay[] = [];
  let btcTotal = 0;
  let usdTotal = 0;
  let satsSent = 0n;
  let usdcSent = 0n;
  for (let day = 0; day < path.days; day++) {
    btcTotal += holdersMiningBtc[day]!;
    usdTotal += holdersAiUsd[day]!;
    const satsDue = toBaseUnits(btcTotal, sats);
    const usdcDue = toBaseUnits(usdTotal, usdcUnits);
    days.push({
      ...rowOf(path, day),
      hashrateThs: BigInt(Math.floor(poolHashrateThs[day]!)),
      payoutWbtcSats: satsDue > satsSent ? satsDue - satsSent : 0n,
      payoutUsdcUnits: usdcDue > usdcSent ? usdcDue - usdcSent : 0n,
    });
    if (satsDue > satsSent) satsSent = satsDue;
    if (usdcDue > usdcSent) usdcSent = usdcDue;
  }
  return days;
}
