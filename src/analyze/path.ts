/**
 * One path of the model, every policy, as an investor sees it: what one share bought at the sale price receives each
 * day, and the figures of src/finance on those cash flows. Pure and deterministic: path i's numbers depend only on
 * the scenario, the seed and i.
 *
 * One share's part of a day's payout is `1 / supply`, the supply being the highest backing reported so far
 * (hashrate × sharesPerThs), as the pool mints it. Mining pays BTC, valued in USD at the day's price; AI pays USD,
 * valued in BTC at the day's price. A day with no share outstanding pays no share anything.
 */
import { investorCashFlows, irr, npv, paybackDay } from "../finance/index.js";
import {
  allocateBlock,
  holdIndex,
  IRR_STATUS,
  metricIndex,
  seriesIndex,
  type BlockShape,
  type PathBlock,
  type PathJob,
} from "./block.js";
import { startPath } from "./model.js";

/** Simulates the job's paths and policies. */
export function simulateBlock(job: PathJob): PathBlock {
  const shape: BlockShape = { policies: job.policies.length, samples: job.sampleDays.length };
  const block = allocateBlock(job.from, job.to, shape);
  const payouts = new Float64Array(job.days);
  const holdFlows = new Float64Array(job.days + 1);
  for (let path = job.from; path < job.to; path++) {
    for (let k = 0; k < job.policies.length; k++) {
      simulatePolicy(job, path, k, shape, block, payouts, holdFlows);
    }
  }
  return block;
}

function simulatePolicy(
  job: PathJob,
  path: number,
  k: number,
  shape: BlockShape,
  block: PathBlock,
  payouts: Float64Array,
  holdFlows: Float64Array,
): void {
  const row = path - job.from;
  const days = startPath(job.scenario, job.policies[k]!, job.seed, path);
  const { priceUsd, sharesPerThs } = job.sale;
  let maxHashrate = 0;
  let btcMining = 0;
  let btcAi = 0;
  let usdMining = 0;
  let usdAi = 0;
  let sample = 0;
  let nextSample = job.sampleDays[0]!;
  let firstPrice = 0;
  let lastPrice = 0;
  for (let d = 0; d < job.days; d++) {
    const day = days.next();
    if (d === 0) firstPrice = day.btcPriceUsd;
    lastPrice = day.btcPriceUsd;
    if (day.hashrateThs > maxHashrate) maxHashrate = day.hashrateThs;
    const supply = maxHashrate * sharesPerThs;
    let paid = 0;
    if (supply > 0) {
      const btc = day.miningBtcNet / supply;
      const usd = day.aiUsdNet / supply;
      btcMining += btc;
      btcAi += usd / day.btcPriceUsd;
      usdMining += btc * day.btcPriceUsd;
      usdAi += usd;
      paid = btc * day.btcPriceUsd + usd;
    }
    payouts[d] = paid;
    if (d === nextSample) {
      block.series[seriesIndex(shape, row, k, 0, sample)] = btcMining;
      block.series[seriesIndex(shape, row, k, 1, sample)] = btcAi;
      block.series[seriesIndex(shape, row, k, 2, sample)] = usdMining;
      block.series[seriesIndex(shape, row, k, 3, sample)] = usdAi;
      if (k === 0) block.holdUsd[row * shape.samples + sample] = (priceUsd * day.btcPriceUsd) / firstPrice;
      sample++;
      nextSample = job.sampleDays[sample] ?? -1;
    }
  }

  const flows = investorCashFlows(priceUsd, payouts);
  const rate = irr(flows);
  const payback = paybackDay(priceUsd, payouts);
  const put = (metric: Parameters<typeof metricIndex>[3], value: number) => {
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
    const endUsd = (priceUsd * lastPrice) / firstPrice;
    holdFlows.fill(0);
    holdFlows[0] = -priceUsd;
    holdFlows[job.days] = endUsd;
    const holdRate = irr(holdFlows);
    block.hold[holdIndex(row, "holdEndUsd")] = endUsd;
    block.hold[holdIndex(row, "holdIrr")] = holdRate.ok ? holdRate.rate : Number.NaN;
  }
}
