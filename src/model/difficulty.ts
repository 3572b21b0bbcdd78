/**
 * Network difficulty (ECONOMICS.md parameters `difficulty0`, `difficultyAdjustment`, `difficultyGrowth`,
 * `difficultyNoise`; sources S1, S4, S5). Once per 2016-block epoch k:
 *
 *   `D(k+1) = D(k)·clamp(exp(g + β·ln(hashprice_k / hashprice_ref) + σ_D·Z), 1/4, 4)`
 *
 * with g = `difficultyGrowth` / 100 (per epoch), σ_D = `difficultyNoise` / 100, β = `difficultyPriceBeta`
 * (0.3, *estimate*: hashrate follows price) and hashprice_ref = `hashpriceRef` (USD/PH/day). The clamp is
 * the protocol's ×4 / ÷4 bound on one retarget (S1 src/pow.cpp).
 */
import { DIFFICULTY_EPOCH_BLOCKS, TARGET_BLOCK_SECONDS, TWO_POW_32 } from "./constants.js";

/** Protocol bounds of one retarget: a factor in [1/4, 4]. */
export const MIN_RETARGET_FACTOR = 0.25;
export const MAX_RETARGET_FACTOR = 4;

/** Parameters of the difficulty process, in the model's units. */
export interface DifficultyParams {
  /** g: drift per epoch, as a fraction (`difficultyGrowth` % / 100). */
  growthPerEpoch: number;
  /** β: elasticity of difficulty to hashprice (`difficultyPriceBeta`). */
  priceBeta: number;
  /** σ_D: noise per epoch, as a fraction (`difficultyNoise` % / 100). */
  noisePerEpoch: number;
  /** hashprice_ref, USD/PH/day (`hashpriceRef`). */
  hashpriceRef: number;
}

/** Clamps `factor` into [1/4, 4]. */
export function clampRetargetFactor(factor: number): number {
  return Math.min(MAX_RETARGET_FACTOR, Math.max(MIN_RETARGET_FACTOR, factor));
}

/**
 * Retarget factor `clamp(exp(g + β·ln(hp/hp_ref) + σ_D·Z), 1/4, 4)`.
 * @param hashprice hashprice_k over the epoch that ends, USD/PH/day (> 0)
 * @param z a standard normal draw
 */
export function retargetFactor(params: DifficultyParams, hashprice: number, z: number): number {
  const exponent =
    params.growthPerEpoch + params.priceBeta * Math.log(hashprice / params.hashpriceRef) + params.noisePerEpoch * z;
  return clampRetargetFactor(Math.exp(exponent));
}

/** `D(k+1) = D(k) · retargetFactor(...)`. */
export function nextDifficulty(difficulty: number, params: DifficultyParams, hashprice: number, z: number): number {
  return difficulty * retargetFactor(params, hashprice, z);
}

/** Index of the 2016-block epoch that contains `height`. */
export function epochOfHeight(height: number): number {
  return Math.floor(height / DIFFICULTY_EPOCH_BLOCKS);
}

/** First height of epoch `epoch`. */
export function epochStartHeight(epoch: number): number {
  return epoch * DIFFICULTY_EPOCH_BLOCKS;
}

/**
 * Network hashrate implied by difficulty `D`, in H/s: `Hnet = D × 2^32 / 600` (ECONOMICS.md, "Formulas").
 */
export function networkHashrateFromDifficulty(difficulty: number): number {
  return (difficulty * TWO_POW_32) / TARGET_BLOCK_SECONDS;
}
