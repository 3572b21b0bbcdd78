/**
 * BTC price path (ECONOMICS.md, "Stochastic paths"): geometric Brownian motion
 * `S(t+1) = S(t)·exp((μ − σ²/2)·dt + σ·√dt·Z)` with dt = 1/365, μ = `btcDrift` and σ = `btcVolatility`
 * (both per year; sources S7, S8).
 */
import { DAYS_PER_YEAR } from "./constants.js";

/** One simulated day, in years. */
export const DT_YEARS = 1 / DAYS_PER_YEAR;

/**
 * One GBM step.
 * @param price S(t), USD per BTC (> 0)
 * @param drift μ, per year (`btcDrift`)
 * @param volatility σ, per year (`btcVolatility`)
 * @param z a standard normal draw
 * @param dt step in years (default 1/365)
 * @returns S(t+1), USD per BTC
 */
export function gbmStep(price: number, drift: number, volatility: number, z: number, dt: number = DT_YEARS): number {
  return price * Math.exp((drift - (volatility * volatility) / 2) * dt + volatility * Math.sqrt(dt) * z);
}

/** Expected log-return of one step: `(μ − σ²/2)·dt`. */
export function gbmMeanLogReturn(drift: number, volatility: number, dt: number = DT_YEARS): number {
  return (drift - (volatility * volatility) / 2) * dt;
}
