/**
 * Seeded randomness for the simulator (ECONOMICS.md, "Stochastic paths": "A seeded generator: the same seed
 * and scenario give the same run, byte for byte").
 *
 * Built on pure-rand's xoroshiro128+ generator and its `uniformFloat64` distribution. A seed (string or
 * number) and a stream label are hashed into the generator's 128-bit state, so independent concerns
 * (BTC price, fees, difficulty noise) draw from independent streams and adding draws to one stream never
 * shifts another. No `Math.random`, no clock.
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";

/** A simulation seed. Numbers are used through `String(seed)`, so `42` and `"42"` are the same seed. */
export type Seed = string | number;

/**
 * Hashes `text` into four non-zero-as-a-whole 32-bit words (cyrb128, a public-domain string hash).
 * Deterministic on every platform: only `Math.imul` and 32-bit integer operations.
 */
export function hashToState(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  const state: [number, number, number, number] = [h1 | 0, h2 | 0, h3 | 0, h4 | 0];
  // xoroshiro128+ must not start from the all-zero state.
  if (state.every((w) => w === 0)) state[3] = 1;
  return state;
}

/** A stream of random numbers; mutable (each call advances it). */
export interface Rng {
  /** Uniform in [0, 1), 53 bits of randomness. */
  uniform(): number;
  /** Standard normal N(0, 1) by the Box-Muller transform; consumes exactly two uniforms per call. */
  normal(): number;
  /** Lognormal: `exp(mu + sigma·Z)` with Z standard normal. */
  lognormal(mu: number, sigma: number): number;
}

/** Box-Muller: `sqrt(−2 ln u1) · cos(2π u2)` with u1 in (0, 1] so the logarithm is finite. */
export function boxMuller(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

function rngFrom(generator: RandomGenerator): Rng {
  const uniform = (): number => uniformFloat64(generator);
  const normal = (): number => boxMuller(1 - uniform(), uniform());
  return {
    uniform,
    normal,
    lognormal: (mu: number, sigma: number): number => Math.exp(mu + sigma * normal()),
  };
}

/**
 * Creates the random stream `stream` of seed `seed`. Two different streams of one seed, or one stream of
 * two different seeds, are statistically independent.
 */
export function createRng(seed: Seed, stream: string): Rng {
  if (typeof seed === "number" && !Number.isFinite(seed)) {
    throw new Error(`seed: must be a finite number or a string (got ${String(seed)})`);
  }
  return rngFrom(xoroshiro128plusFromState(hashToState(`hashshare/${String(seed)}/${stream}`)));
}
