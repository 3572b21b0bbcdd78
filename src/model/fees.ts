/**
 * Transaction fees (ECONOMICS.md parameter `feeShare`, sources S4, S6; "Fees: lognormal around the fee share").
 *
 * Each day's fee share is `feeShare × exp(σ_f·Z − σ_f²/2)`: lognormal with mean exactly `feeShare`, so the
 * noise adds variance and no bias. σ_f is the scenario's `feeVolatility` (*estimate*; the observed fee share
 * moved between 0.55 % and 1.93 % of the subsidy within a year).
 */

/**
 * Fee share of one day.
 * @param feeSharePct mean fee share, % of the subsidy (`feeShare`)
 * @param sigma lognormal σ_f (`feeVolatility`)
 * @param z a standard normal draw
 * @returns that day's fees as % of the subsidy
 */
export function dailyFeeSharePct(feeSharePct: number, sigma: number, z: number): number {
  return feeSharePct * Math.exp(sigma * z - (sigma * sigma) / 2);
}

/** Block reward in BTC: subsidy plus fees, fees being `feeSharePct` % of the subsidy. */
export function blockRewardBtc(subsidyBtc: number, feeSharePct: number): number {
  return subsidyBtc * (1 + feeSharePct / 100);
}
