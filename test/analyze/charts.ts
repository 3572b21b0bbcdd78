import { expect } from "chai";
import * as vl from "vega-lite";

import { fanChartSpec, tornadoSpec, type FanRow } from "../../src/analyze/index.js";

const row = (source: FanRow["source"], unit: FanRow["unit"], policy: FanRow["policy"] = "arbitrage"): FanRow => ({
  policy,
  source,
  unit,
  day: 6,
  date: "2026-03-07",
  p5: 1,
  p25: 2,
  p50: 3,
  p75: 4,
  p95: 5,
});

/** Every axis title of a compiled spec. */
function axisTitles(spec: vl.TopLevelSpec): string[] {
  const text = JSON.stringify(vl.compile(spec).spec);
  return [...text.matchAll(/"title":"([^"]*)"/g)].map((m) => m[1]!);
}

describe("analyze/charts", function () {
  describe("fanChartSpec", function () {
    const rows = (["mining", "ai", "total"] as const).flatMap((s) => [row(s, "USD"), row(s, "BTC")]);
    const spec = fanChartSpec({
      title: "t",
      subtitle: "s",
      policy: "arbitrage",
      rows: [...rows, row("hold", "USD", "hold")],
      priceUsd: 50,
    });

    it("names the unit on every value axis", function () {
      const titles = axisTitles(spec);
      expect(titles).to.include("USD per share, cumulative");
      expect(titles).to.include("sats per share, cumulative");
      expect(titles).to.include("date (UTC)");
    });
  });

  describe("tornadoSpec", function () {
    it("puts the IRR in % per year and the NPV in USD on the axes", function () {
      const spec = tornadoSpec({
        title: "t",
        tornado: {
          policy: "arbitrage",
          paths: 10,
          baseIrr: 0.1,
          baseNpv: 0,
          bars: [
            {
              field: "powerPrice",
              label: "power price",
              unit: "USD/MWh",
              base: 45,
              low: 26,
              high: 50,
              irrAtLow: 0.2,
              irrAtHigh: 0.05,
              swing: 0.15,
              npvAtLow: 1,
              npvAtHigh: -1,
            },
          ],
        },
      });
      expect(axisTitles(spec)).to.include.members(["median IRR, % per year", "mean NPV per share, USD"]);
    });
  });
});
