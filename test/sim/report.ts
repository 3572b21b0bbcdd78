import { expect } from "chai";

import { loadScenario } from "../../src/model/index.js";
import {
  allPolicyPaths,
  allPolicyTotals,
  chartSpec,
  coincidingPolicies,
  dailyCsv,
  dailyRows,
  describeLeader,
  horizonLabel,
  modelDays,
  modelPath,
  perShare,
  Planner,
  policyLeader,
  policyPanelSubtitle,
  policyPath,
  policyTotals,
  projectionDays,
  renderSvg,
  reportHtml,
  startingSupply,
  type PolicyTotals,
} from "../../src/sim/index.js";
import { expectClose } from "../model/helpers.js";
import { EARLY_AI, planDays, plannerConfig } from "./helpers.js";

const SHARE = 10n ** 18n;

describe("report", function () {
  describe("perShare", function () {
    it("divides exactly, with six more decimals than the token", function () {
      expect(perShare(100_000_000n, 4n * SHARE, 8)).to.equal("0.25");
      expect(perShare(1n, 3n * SHARE, 6)).to.equal("0.000000333333");
      expect(perShare(5n, 0n, 6)).to.equal("0");
    });
  });

  describe("policyPath", function () {
    it("follows the model's payouts over a supply that is the running maximum of the backing", function () {
      const scenario = loadScenario(EARLY_AI);
      const days = modelDays(modelPath(scenario, "ai-only", "s", 30));
      const path = policyPath(scenario, "ai-only", "s", 30, SHARE);
      let highest = 0n;
      path.forEach((point, i) => {
        const backing = days[i]!.hashrateThs * SHARE;
        if (backing > highest) highest = backing;
        expect(point.supply).to.equal(highest);
        expect(point.wbtcSats).to.equal(days[i]!.payoutWbtcSats);
        expect(point.usdcUnits).to.equal(days[i]!.payoutUsdcUnits);
      });
      const sum = path.reduce((total, point) => total + point.usdPerShare, 0);
      expectClose(path.at(-1)!.cumulativeUsdPerShare, sum, 1e-9);
    });

    it("pays per starting share (1 TH/s of the day-0 fleet), not per share of a chain that a conversion shrank", function () {
      const scenario = loadScenario(EARLY_AI); // mining and AI both pay holders within days
      const start = startingSupply(scenario, SHARE);
      expect(start).to.equal(BigInt(scenario.shares) * SHARE);
      for (const policy of ["mining-only", "ai-only"] as const) {
        const path = policyPath(scenario, policy, "u", 60, SHARE);
        // ai-only converts 60 % on day 0, so its chain mints fewer shares than the scenario's sale is priced for.
        if (policy === "ai-only") expect(path[0]!.supply < start).to.equal(true);
        else expect(path[0]!.supply).to.equal(start);
        const totals = policyTotals(path);
        expect(totals.usd).to.be.greaterThan(1000);
        expectClose(totals.usdPerShare * scenario.shares, totals.usd, 1e-6);
      }
    });
  });

  describe("policyTotals", function () {
    it("values each day's WBTC at that day's price, and sums the first days of a longer path alike", function () {
      const scenario = loadScenario(EARLY_AI);
      const days = modelDays(modelPath(scenario, "ai-only", "t", 40));
      const paths = allPolicyPaths(scenario, "t", 40, SHARE);
      const totals = policyTotals(paths["ai-only"]);
      const usd = days.reduce(
        (total, day) => total + (Number(day.payoutWbtcSats) / 1e8) * day.priceUsd + Number(day.payoutUsdcUnits) / 1e6,
        0,
      );
      expectClose(totals.usd, usd, 1e-9);
      expect(totals.usdc).to.equal(days.reduce((total, day) => total + day.payoutUsdcUnits, 0n));
      // The first 15 days of a 40-day path are a 15-day path: the projection starts with the run.
      const short = allPolicyTotals(allPolicyPaths(scenario, "t", 15, SHARE));
      expect(allPolicyTotals(paths, 15)).to.deep.equal(short);
    });
  });

  describe("projectionDays", function () {
    it("compares the policies over five years at least, and over the run when it is longer", function () {
      expect(projectionDays(365)).to.equal(1825);
      expect(projectionDays(1)).to.equal(1825);
      expect(projectionDays(1825)).to.equal(1825);
      expect(projectionDays(3000)).to.equal(3000);
      expect(horizonLabel(1825)).to.equal("5 years");
      expect(horizonLabel(365)).to.equal("1 year");
      expect(horizonLabel(3000)).to.equal("3,000 days");
    });
  });

  describe("policyLeader", function () {
    const totals = (usdPerShare: number): PolicyTotals => ({ wbtc: 0n, usdc: 0n, usd: 0, usdPerShare });

    it("names the policy whose share earned most", function () {
      const leader = policyLeader({ "mining-only": totals(1), "ai-only": totals(3), arbitrage: totals(2) });
      expect(leader).to.deep.equal({ best: "ai-only", tied: [] });
      expect(describeLeader(leader)).to.equal("best: ai-only");
    });

    it("names no best when the top policies pay the same to the cent per 1,000 shares", function () {
      const all = policyLeader({ "mining-only": totals(2), "ai-only": totals(2), arbitrage: totals(2) });
      expect(all).to.deep.equal({ best: null, tied: ["mining-only", "ai-only", "arbitrage"] });
      expect(describeLeader(all)).to.equal("tie (mining-only, ai-only, arbitrage)");
      // 7.7743721 and 7.7743719 USD per 1,000 shares both read 7.77: a tie; a lower third policy is not in it.
      const two = policyLeader({
        "mining-only": totals(0.0077743721),
        "ai-only": totals(0.001),
        arbitrage: totals(0.0077743719),
      });
      expect(two).to.deep.equal({ best: null, tied: ["mining-only", "arbitrage"] });
      expect(describeLeader(two)).to.equal("tie (mining-only, arbitrage)");
    });

    it("names a best one cent ahead", function () {
      const leader = policyLeader({ "mining-only": totals(0.01), "ai-only": totals(0.00001), arbitrage: totals(0) });
      expect(leader).to.deep.equal({ best: "mining-only", tied: [] });
    });
  });

  describe("dailyCsv", function () {
    it("writes a header and one row per day with the ledger's columns", function () {
      const planner = new Planner(plannerConfig({ seed: "csv", days: 5, holders: 4 }));
      const rows = dailyRows(planDays(planner, 5));
      const lines = dailyCsv(rows).trimEnd().split("\n");
      expect(lines).to.have.length(6);
      for (const column of [
        "btcPriceUsd",
        "difficulty",
        "hashpriceUsdPerPhDay",
        "capacityMw",
        "miningMw",
        "aiMw",
        "hashrateThs",
        "miningBtc",
        "holdersMiningBtc",
        "aiRevenueUsd",
        "holdersAiUsd",
        "miningPowerUsd",
        "operatorFeeUsd",
        "wbtcPerShare",
        "usdcPerShare",
      ]) {
        expect(lines[0]!.split(",")).to.include(column);
      }
      expect(lines[1]).to.match(/^0,2026-03-01,939\d{3},70000\.00,/); // the height at the end of day 0
      expectClose(
        Number(rows[4]!.cumulativeUsdPerShare),
        rows.reduce((t, r) => t + Number(r.usdPerShare), 0),
        1e-6,
      );
    });
  });

  describe("chart", function () {
    it("renders the three panels to SVG and a standalone HTML page", async function () {
      this.timeout(20_000);
      const scenario = loadScenario(EARLY_AI);
      const paths = {
        "mining-only": policyPath(scenario, "mining-only", "c", 10, SHARE),
        "ai-only": policyPath(scenario, "ai-only", "c", 10, SHARE),
        arbitrage: policyPath(scenario, "arbitrage", "c", 10, SHARE),
      };
      const planner = new Planner(plannerConfig({ seed: "c", days: 10, holders: 3 }));
      const rows = dailyRows(planDays(planner, 10));
      const svg = await renderSvg(chartSpec({ title: "test <chart>", rows, paths, policy: "ai-only" }));
      expect(svg.startsWith("<svg")).to.equal(true);
      for (const text of [
        "Revenue paid per 1,000 shares",
        "by allocation policy",
        "BTC price",
        "AI only",
        "test &lt;chart&gt;",
      ]) {
        expect(svg).to.include(text);
      }
      const totals = { wbtc: 1n, usdc: 2n, usd: 3, usdPerShare: 0.004 };
      const html = reportHtml({
        title: "T & <t>",
        subtitle: "s",
        svg,
        figures: [["a", "b"]],
        policies: { "mining-only": totals, "ai-only": totals, arbitrage: totals },
        leader: { best: "arbitrage", tied: [] },
        links: [["daily.csv", "csv"]],
      });
      expect(html).to.include("<title>T &amp; &lt;t&gt;</title>");
      expect(html).to.include(svg);
      expect(html).to.not.match(/<script/);
    });
  });

  describe("chartSpec", function () {
    const scenario = loadScenario(EARLY_AI);
    const rowsFor = (days: number) => {
      const planner = new Planner(plannerConfig({ seed: "c", days, holders: 2 }));
      return dailyRows(planDays(planner, days));
    };
    const note = "All three policies paid the same each day of this run";

    it("splits the capacity into mining, converting and earning AI, adding up to the capacity", function () {
      const rows = rowsFor(5);
      const path = policyPath(scenario, "ai-only", "c", 5, SHARE);
      const spec = chartSpec({ title: "t", rows, paths: { "mining-only": path, "ai-only": path, arbitrage: path } });
      const panel = (
        spec as { vconcat: Array<{ data?: { values: Array<{ date: string; use: string; mw: number }> } }> }
      ).vconcat[1]!;
      const values = panel.data!.values;
      expect(values.filter((v) => v.date === rows[0]!.date).map((v) => [v.use, v.mw])).to.deep.equal([
        ["Mining", 20],
        ["Converting to AI", 30],
        ["AI, earning", 0],
      ]);
      expect(values.filter((v) => v.date === rows[2]!.date).map((v) => v.mw)[2]).to.equal(30); // earns on day 2
      for (const row of rows) {
        const total = values.filter((v) => v.date === row.date).reduce((a, v) => a + v.mw, 0);
        expect(Math.abs(total - Number(row.capacityMw))).to.be.below(1e-9);
      }
    });

    it("says so when the policies paid the same, and only then", function () {
      const rows = rowsFor(5);
      const aiOnly = policyPath(scenario, "ai-only", "c", 5, SHARE);
      const miningOnly = policyPath(scenario, "mining-only", "c", 5, SHARE);
      const same = { "mining-only": aiOnly, "ai-only": aiOnly, arbitrage: aiOnly };
      expect(JSON.stringify(chartSpec({ title: "t", rows, paths: same }))).to.include(note);
      const different = { "mining-only": miningOnly, "ai-only": aiOnly, arbitrage: aiOnly };
      expect(JSON.stringify(chartSpec({ title: "t", rows, paths: different }))).to.not.include(note);
    });

    it("names the policies whose lines coincide when only some do", function () {
      const rows = rowsFor(5);
      const aiOnly = policyPath(scenario, "ai-only", "c", 5, SHARE);
      const miningOnly = policyPath(scenario, "mining-only", "c", 5, SHARE);
      const paths = { "mining-only": miningOnly, "ai-only": aiOnly, arbitrage: aiOnly };
      expect(coincidingPolicies(paths)).to.deep.equal([["ai-only", "arbitrage"]]);
      expect(policyPanelSubtitle({ title: "t", rows, paths, policy: "arbitrage" })).to.deep.equal([
        "USD, cumulative; the run's own policy (arbitrage) in a thick line",
        "AI only and arbitrage paid the same each day, so their lines coincide",
      ]);
      const apart = { "mining-only": miningOnly, "ai-only": aiOnly, arbitrage: miningOnly.slice(0, 4) };
      expect(coincidingPolicies(apart)).to.deep.equal([]);
    });

    it("labels a projection past the run and marks where the run ends", async function () {
      this.timeout(20_000);
      const rows = rowsFor(5);
      const paths = allPolicyPaths(scenario, "c", 20, SHARE);
      const input = { title: "t", rows, paths, policy: "ai-only" as const };
      expect(policyPanelSubtitle(input)[0]).to.equal(
        "Model projection over 20 days on the same price path; the first 5 days (shaded) are the on-chain run",
      );
      const spec = JSON.stringify(chartSpec(input));
      expect(spec).to.include(`{"start":"${rows[0]!.date}","end":"${rows[4]!.date}","label":"on-chain run ends"}`);
      expect(spec).to.include('"title":"total over 20 days"');
      expect(await renderSvg(chartSpec(input))).to.include("on-chain run ends");
      // Paths as long as the run: no projection, no rule.
      const plain = JSON.stringify(chartSpec({ ...input, paths: allPolicyPaths(scenario, "c", 5, SHARE) }));
      expect(plain).to.not.include("on-chain run ends");
      expect(plain).to.not.include("Model projection");
      expect(plain).to.include('"title":"total over the run"');
    });

    it("puts what follows ' — ' in the title on a subtitle line", function () {
      const rows = rowsFor(1);
      const path = policyPath(scenario, "ai-only", "c", 1, SHARE);
      const paths = { "mining-only": path, "ai-only": path, arbitrage: path };
      const spec = chartSpec({ title: "HashShare simulation — ai-only, 1 day", rows, paths }) as {
        title: { text: string; subtitle?: string };
      };
      expect(spec.title.text).to.equal("HashShare simulation");
      expect(spec.title.subtitle).to.equal("ai-only, 1 day");
    });
  });

  describe("reportHtml", function () {
    it("stars the best policy, and none when every policy paid the same", function () {
      const totals = (usdPerShare: number): PolicyTotals => ({ wbtc: 1n, usdc: 2n, usd: 3, usdPerShare });
      const page = (policies: Record<"mining-only" | "ai-only" | "arbitrage", PolicyTotals>) =>
        reportHtml({
          title: "t",
          subtitle: "s",
          svg: "<svg/>",
          figures: [],
          policies,
          leader: policyLeader(policies),
          links: [],
        });
      const tie = page({ "mining-only": totals(1), "ai-only": totals(1), arbitrage: totals(1) });
      expect(tie).to.not.include("★");
      expect(tie).to.include(
        "Over the run the policies tie: mining only, AI only and arbitrage paid the same per share, to the cent.",
      );
      const ahead = page({ "mining-only": totals(1), "ai-only": totals(2), arbitrage: totals(1) });
      expect(ahead).to.include("<th>AI only ★</th>");
      expect(ahead.match(/★/g)).to.have.length(2); // the row, and the note saying what it means
      expect(ahead).to.include("★ paid holders most over the run.");
    });

    it("shows a projection beside the run and stars the projection's best, none on its tie", function () {
      const totals = (usdPerShare: number): PolicyTotals => ({ wbtc: 1n, usdc: 2n, usd: 3, usdPerShare });
      const run = { "mining-only": totals(1), "ai-only": totals(1), arbitrage: totals(1) };
      const page = (projected: Record<"mining-only" | "ai-only" | "arbitrage", PolicyTotals>) =>
        reportHtml({
          title: "t",
          subtitle: "s",
          svg: "<svg/>",
          figures: [],
          policies: run,
          leader: policyLeader(run),
          projection: { days: 1825, runDays: 365, totals: projected, leader: policyLeader(projected) },
          links: [],
        });
      const ahead = page({ "mining-only": totals(5), "ai-only": totals(6), arbitrage: totals(5) });
      expect(ahead).to.include("<th>USD per 1,000 starting shares, on-chain run (365 days)</th>");
      expect(ahead).to.include("<th>USD per 1,000 starting shares, 5 years</th>");
      expect(ahead).to.include("<tr><th>AI only ★</th><td>1,000.00</td><td>6,000.00</td>");
      expect(ahead).to.include(
        "Model projection over 5 years (1,825 days) on the same seed and price path; the first 365 days are the on-chain run.",
      );
      expect(ahead).to.include("Over the on-chain run the policies tie: mining only, AI only and arbitrage");
      expect(ahead).to.include("★ paid holders most over the 5 years.");
      const tied = page({ "mining-only": totals(6), "ai-only": totals(6), arbitrage: totals(5) });
      expect(tied).to.not.include("★");
      expect(tied).to.include("Over the 5 years the policies tie: mining only and AI only paid the same");
    });
  });
});
