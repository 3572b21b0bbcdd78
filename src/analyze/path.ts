/**
 * One path of the model, every policy, as an investor sees it: what one share bought at the sale price receives each
 * day, and the figures of src/finance on those cash flows. Pure and deterministic: path i's numbers depend only on
 * the scenario, the seed and i.
 *
 * One share receives `1 / shares` of what holders are paid each day. Mining pays BTC, valued in USD at the day's
 * price; AI pays USD, valued in BTC at the day's price.
 */
import { investorCashFlows, irr, npv, paybackDay } from "../finance/index.js";
import {
  allocateBlock,
  holdIndex,
  IRR_STATUS,
  metricIndex,
  seriesIndex,
  type BlockShape,
  type MetricName,
  type PathBlock,
  type PathJob,
} from "./block.js";
import { simulatePolicyPaths, type PathPayouts } from "./payouts.js";

/** Simulates the job's paths and policies. */
export function simulateBlock(job: PathJob): PathBlock {
  const shape: BlockShape = { policies: job.policies.length, samples: job.sampleDays.length };
  const block = allocateBlock(job.from, job.to, shape);
  const payouts = new Float64Array(job.days);
  const holdFlows = new Float64Array(job.days + 1);
  for (let path = job.from; path < job.to; path++) {
    const columns = simulatePolicyPaths(job, path);
    for (let k = 0; k < job.policies.length; k++) {
      simulatePolicy(job, path, k, columns[k]!, shape, block, payouts, holdFlows);
    }
  }
  return block;
}

function simulatePolicy(
  job: PathJob,
  path: number,
  k: number,
  columns: PathPayouts,
  shape: BlockShape,
  block: PathBlock,
  payouts: Float64Array,
  holdFlows: Float64Array,
): void {
  const row = path - job.from;
  const { priceUsd: prices, holdersMiningBtc, holdersAiUsd } = columns;
  const { priceUsd, shares, sharesByDay } = job.sale;
  let btcMining = 0;
  let btcAi = 0;
  let usdMining = 0;
  let usdAi = 0;
  let sample = 0;
  let nextSample = job.sampleDays[0]!;
  const firstPrice = prices[0]!;
  let waitingBtc = 0; // payouts of days with no share yet (sharesByDay only)
  let waitingUsd = 0;
  for (let d = 0; d < job.days; d++) {
    const price = prices[d]!;
    let btc: number;
    let usd: number;
    if (sharesByDay === undefined) {
      btc = holdersMiningBtc[d]! / shares;
      usd = holdersAiUsd[d]! / shares;
    } else {
      const today = sharesByDay[d] ?? 0;
      waitingBtc += holdersMiningBtc[d]!;
      waitingUsd += holdersAiUsd[d]!;
      btc = today > 0 ? waitingBtc / today : 0;
      usd = today > 0 ? waitingUsd / today : 0;
      if (today > 0) waitingBtc = waitingUsd = 0;
    }
    btcMining += btc;
    btcAi += usd / price;
    usdMining += btc * price;
    usdAi += usd;
    payouts[d] = btc * price + usd;
    if (d === nextSample) {
      block.series[seriesIndex(shape, row, k, 0, sample)] = btcMining;
      block.series[seriesIndex(shape, row, k, 1, sample)] = btcAi;
      block.series[seriesIndex(shape, row, k, 2, sample)] = usdMining;
      block.series[seriesIndex(shape, row, k, 3, sample)] = usdAi;
      if (k === 0) block.holdUsd[row * shape.samples + sample] = (priceUsd * price) / firstPrice;
      sample++;
      nextSample = job.sampleDays[sample] ?? -1;
    }
  }

  const flows = investorCashFlows(priceUsd, payouts);
  const rate = irr(flows);
  const payback = paybackDay(priceUsd, payouts);
  const put = (metric: MetricName, value: number) => {
    block.metrics[metricIndex(shape, row, k, metric)] = value;
  };
  put("totalUsd", usdMining + usdAi);
  put("totalBtc", btcMining + btcAi);
  put("miningUsd", usdMining);
  put("aiUsd", usdAi);
  put("irr", rate.ok ? rate.rate : Number.NaN);
  put("irrStatus", IRR_STATUS.indexOf(rate.ok ? "ok" : rate.reason));
  put("npvUsd", npv(flows, job.discountRate));
  put("paybackDay", payback ?? -1);

  if (k === 0) {
    // The same money in BTC: bought at day 0's price, worth the last day's price at the end (terminal value).
    const endUsd = (priceUsd * prices[job.days - 1]!) / firstPrice;
    holdFlows.fill(0);
    holdFlows[0] = -priceUsd;
    holdFlows[job.days] = endUsd;
    const holdRate = irr(holdFlows);
    block.hold[holdIndex(row, "holdEndUsd")] = endUsd;
    block.hold[holdIndex(row, "holdIrr")] = holdRate.ok ? holdRate.rate : Number.NaN;
    block.hold[holdIndex(row, "holdIrrStatus")] = IRR_STATUS.indexOf(holdRate.ok ? "ok" : holdRate.reason);
  }
}
