import { expect } from "chai";

/** Asserts `actual` is within `tolerance` (relative, 0.05 = 5 %) of `expected`. */
export function expectWithin(actual: number, expected: number, tolerance: number): void {
  const error = Math.abs(actual - expected) / Math.abs(expected);
  expect(error, `${actual} vs ${expected}: ${(error * 100).toFixed(2)} % off`).to.be.at.most(tolerance);
}

/**
 * Asserts `actual` is within `delta` (absolute) of `expected`. Chai's own `closeTo` is replaced by the Hardhat
 * chai matchers with a bigint version once any test loads them, so the model's float checks use this instead.
 */
export function expectClose(actual: number, expected: number, delta: number, message?: string): void {
  expect(Math.abs(actual - expected), message ?? `${actual} vs ${expected} (±${delta})`).to.be.at.most(delta);
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export function standardDeviation(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1));
}
