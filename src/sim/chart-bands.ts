/**
 * The report chart's band panels: one share's cumulative payout on chain (solid line) inside the spread of the model's
 * paths for the same scenario, seed and policy (bands.ts): p5–p95 light, p25–p75 darker, the median dashed. One panel
 * in USD, one in BTC shown as sats (1 BTC = 100,000,000 sats) so the axis reads in whole numbers.
 */
import { formatNumber } from "../cli/amount.js";
import { SATS_PER_BTC } from "../tokens.js";
import type { BandUnit, RunBands } from "./bands.js";
import { dateAxis, panelTitle, WIDTH, type Panel } from "./chart-panels.js";

const BAND_COLOR = "#2775ca";

/** The band panel of one unit. */
export function bandPanel(bands: RunBands, unit: BandUnit, days: number): Panel {
  const scale = unit === "USD" ? 1 : Number(SATS_PER_BTC);
  const values = bands.points
    .filter((point) => point.unit === unit)
    .map((point) => ({
      date: point.date,
      p5: point.p5 * scale,
      p25: point.p25 * scale,
      p50: point.p50 * scale,
      p75: point.p75 * scale,
      p95: point.p95 * scale,
      onChain: point.onChain * scale,
    }));
  const axisTitle = unit === "USD" ? "USD per share, cumulative" : "sats per share, cumulative";
  const x = dateAxis(days);
  const y = (field: string, title?: string) =>
    ({
      field,
      type: "quantitative",
      ...(title === undefined ? {} : { title, axis: { format: unit === "USD" ? ",.2f" : ",.0f" } }),
    }) as const;
  return {
    title: panelTitle(
      unit === "USD"
        ? "One share's payouts on chain, inside the model's spread (USD)"
        : "One share's payouts on chain, inside the model's spread (BTC, in sats)",
      [
        unit === "USD"
          ? "USD per share, payouts valued at each day's BTC price"
          : "sats per share, each payout in BTC at its day's price (1 BTC = 100,000,000 sats)",
        `${formatNumber(bands.paths)} model paths of the same scenario, seed and policy (${bands.policy}): ` +
          "p5–p95 light, p25–p75 dark,",
        "median dashed; the on-chain run is the solid black line",
      ],
    ),
    width: WIDTH,
    height: 170,
    data: { values },
    layer: [
      {
        mark: { type: "area", color: BAND_COLOR, opacity: 0.18 },
        encoding: { x, y: y("p5", axisTitle), y2: { field: "p95" } },
      },
      {
        mark: { type: "area", color: BAND_COLOR, opacity: 0.35 },
        encoding: { x, y: y("p25"), y2: { field: "p75" } },
      },
      {
        mark: { type: "line", color: BAND_COLOR, strokeDash: [5, 3], strokeWidth: 1.5 },
        encoding: { x, y: y("p50") },
      },
      {
        mark: { type: "line", color: "#111", strokeWidth: 2.5 },
        encoding: { x, y: y("onChain") },
      },
    ],
  };
}

/** Both band panels (USD, then BTC), or none without bands. */
export function bandPanels(bands: RunBands | null | undefined, days: number): Panel[] {
  if (bands === null || bands === undefined || bands.points.length === 0) return [];
  return [bandPanel(bands, "USD", days), bandPanel(bands, "BTC", days)];
}
