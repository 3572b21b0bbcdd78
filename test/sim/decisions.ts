import { expect } from "chai";

import { formatNumber } from "../../src/cli/amount.js";
import { loadScenario, parseScenario } from "../../src/model/index.js";
import { decisionLines, decisionRows, decisionsCsv, decisionSection, modelPath } from "../../src/sim/index.js";
import { EARLY_AI } from "./helpers.js";

const usdPerMw = (usd: number): string => `${formatNumber(Math.round(usd))} USD/MW`;

describe("decisions", function () {
  describe("decisionRows", function () {
    it("explains each arbitrage decision of the model with its two values, and converts exactly when AI is worth more", function () {
      const path = modelPath(loadScenario(EARLY_AI), "arbitrage", "decisions", 120);
      const rows = decisionRows(path);
      expect(rows).to.have.length(path.decisions.length);
      expect(rows.length).to.be.greaterThan(1);
      rows.forEach((row, i) => {
        const decision = path.decisions[i]!;
        expect(row.day).to.equal(decision.day);
        expect(row.converted).to.equal(decision.convertedMw > 0);
        expect(row.converted).to.equal(decision.aiValueUsdPerMw > decision.miningValueUsdPerMw);
        expect(row.explanation).to.include(`AI value ${usdPerMw(decision.aiValueUsdPerMw)}`);
        expect(row.explanation).to.include(`mining value ${usdPerMw(decision.miningValueUsdPerMw)}`);
        expect(row.explanation.startsWith(`${row.date} (day ${formatNumber(row.day)}): `)).to.equal(true);
      });
      expect(rows[0]!.explanation).to.match(/: converted 10\.0 MW to AI, because the AI value [\d,]+ USD\/MW is above/);
    });

    it("says the policy kept mining, and why, when AI is worth less", function () {
      const scenario = parseScenario({ aiColoRevenue: 0.02, powerPrice: 20 });
      const path = modelPath(scenario, "arbitrage", "decisions", 30);
      const [first] = decisionRows(path);
      expect(first!.converted).to.equal(false);
      expect(path.decisions[0]!.convertedMw).to.equal(0);
      expect(first!.explanation).to.equal(
        `2026-03-01 (day 0): kept mining, because the AI value ${usdPerMw(first!.aiValueUsdPerMw)} is not above ` +
          `the mining value ${usdPerMw(first!.miningValueUsdPerMw)}`,
      );
      expect(first!.aiValueUsdPerMw).to.be.at.most(first!.miningValueUsdPerMw);
    });

    it("has no decision under mining-only, and says so", function () {
      const path = modelPath(loadScenario(EARLY_AI), "mining-only", "decisions", 30);
      expect(decisionRows(path)).to.deep.equal([]);
      expect(decisionLines([], "mining-only")).to.deep.equal([
        "Decisions: mining-only never converts capacity: it makes no decision.",
      ]);
    });
  });

  describe("outputs", function () {
    const rows = decisionRows(modelPath(loadScenario(EARLY_AI), "arbitrage", "decisions", 120));

    it("writes the exact values to CSV and groups thousands on the page", function () {
      const csv = decisionsCsv(rows).trimEnd().split("\n");
      expect(csv[0]).to.equal("day,date,decision,converted_mw,ai_value_usd_per_mw,mining_value_usd_per_mw");
      expect(csv).to.have.length(rows.length + 1);
      expect(csv[1]).to.equal(
        `0,${rows[0]!.date},converted,10.0000,${rows[0]!.aiValueUsdPerMw.toFixed(2)},${rows[0]!.miningValueUsdPerMw.toFixed(2)}`,
      );
      const html = decisionSection(rows, "arbitrage");
      expect(html).to.include("<th>AI value (USD per gross MW)</th><th>mining value (USD per gross MW)</th>");
      expect(html).to.include(`<td>${formatNumber(Math.round(rows[0]!.aiValueUsdPerMw))}</td>`);
      expect(formatNumber(Math.round(rows[0]!.aiValueUsdPerMw))).to.match(/^\d{1,3}(,\d{3})+$/);
    });

    it("prints one line per decision in the terminal, then how many more", function () {
      const lines = decisionLines(rows, "arbitrage", 1);
      expect(lines[0]).to.match(/^Decisions \(arbitrage; values are present values .* USD per gross MW\):$/);
      expect(lines[1]).to.equal(`  ${rows[0]!.explanation}`);
      expect(lines.at(-1)).to.equal(`  … ${formatNumber(rows.length - 1)} more in decisions.csv`);
    });
  });
});
