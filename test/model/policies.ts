import { expect } from "chai";

import { expectClose } from "./helpers.js";

import {
  aiMarginUsdPerMwh,
  aiParams,
  annuityFactor,
  conversionPays,
  conversionValueUsdPerMw,
  getPolicy,
  isPolicyName,
  miningMarginUsdPerMwh,
  parseScenario,
  type PolicyContext,
  POLICY_NAMES,
  type PolicyName,
  spreadUsdPerMwh,
} from "../../src/model/index.js";

const defaults = parseScenario({});

function context(overrides: Partial<PolicyContext> = {}): PolicyContext {
  return {
    day: 0,
    capacityMw: 50,
    committedAiMw: 0,
    maxAiMw: 10,
    trailingHashpriceUsdPerPhDay: 40,
    scenario: defaults,
    ...overrides,
  };
}

describe("policies", function () {
  describe("spreadUsdPerMwh", function () {
    it("is the AI margin minus the mining margin per MWh of capacity", function () {
      const expected = aiMarginUsdPerMwh(aiParams(defaults)) - miningMarginUsdPerMwh(40, defaults);
      expect(spreadUsdPerMwh(40, defaults)).to.equal(expected);
      expectClose(spreadUsdPerMwh(40, defaults), 155.25 - 0.95 * ((40 / 0.42) * 0.975 - 45), 0.01);
    });
  });

  describe("conversionValueUsdPerMw", function () {
    it("is spread × 8760 × term with no discounting and no lag", function () {
      const s = parseScenario({ discountRate: 0, conversionLag: 0 });
      expectClose(conversionValueUsdPerMw(40, s), spreadUsdPerMwh(40, s) * 8760 * 10, 1e-6);
    });

    it("discounts continuously at ln(1 + r) and starts after the lag", function () {
      const r = Math.log(1.08);
      const expected = spreadUsdPerMwh(40, defaults) * 8760 * annuityFactor(r, 10) * Math.exp(-r);
      expectClose(conversionValueUsdPerMw(40, defaults), expected, 1e-6);
      expectClose(annuityFactor(r, 10), (1 - 1.08 ** -10) / r, 1e-12);
    });

    it("subtracts the mining forgone during the lag when converting capacity cannot mine", function () {
      const idle = parseScenario({ mineWhileConverting: false });
      expect(conversionValueUsdPerMw(60, idle)).to.be.below(conversionValueUsdPerMw(60, defaults));
      // a loss-making mine forgoes nothing
      expect(conversionValueUsdPerMw(5, idle)).to.equal(conversionValueUsdPerMw(5, defaults));
    });
  });

  describe("conversionPays", function () {
    it("does not pay at the defaults and a 40 USD/PH/day hashprice (≈ 6.2 M USD < 9 M USD capex)", function () {
      expectClose(conversionValueUsdPerMw(40, defaults), 6.2e6, 0.1e6);
      expect(conversionPays(40, defaults)).to.equal(false);
    });

    it("pays when mining is under water (hashprice 5 USD/PH/day)", function () {
      expect(conversionPays(5, defaults)).to.equal(true);
    });

    it("pays when capex is low enough, and flips at the capex", function () {
      const value = conversionValueUsdPerMw(40, defaults);
      expect(conversionPays(40, parseScenario({ conversionCapex: (value - 1) / 1e6 }))).to.equal(true);
      expect(conversionPays(40, parseScenario({ conversionCapex: (value + 1) / 1e6 }))).to.equal(false);
    });

    it("never pays with a negative spread, even with zero capex", function () {
      const s = parseScenario({ conversionCapex: 0, aiColoRevenue: 0.1 });
      expect(spreadUsdPerMwh(60, s)).to.be.below(0);
      expect(conversionPays(60, s)).to.equal(false);
    });
  });

  describe("getPolicy", function () {
    it("offers the three policies", function () {
      expect(POLICY_NAMES).to.deep.equal(["mining-only", "ai-only", "arbitrage"]);
      for (const name of POLICY_NAMES) expect(getPolicy(name).name).to.equal(name);
      expect(isPolicyName("arbitrage")).to.equal(true);
      expect(isPolicyName("yolo")).to.equal(false);
    });

    it("throws on an unknown name with the accepted values", function () {
      expect(() => getPolicy("yolo" as PolicyName)).to.throw(
        'policy: must be one of mining-only, ai-only, arbitrage (got "yolo")',
      );
    });
  });

  describe("mining-only", function () {
    it("never converts and never renews", function () {
      const policy = getPolicy("mining-only");
      expect(policy.convertMw(context({ trailingHashpriceUsdPerPhDay: 1 }))).to.equal(0);
      expect(policy.renew(context())).to.equal(false);
    });
  });

  describe("ai-only", function () {
    it("converts all the headroom up to maxAiShare and always renews", function () {
      const policy = getPolicy("ai-only");
      expect(policy.convertMw(context())).to.equal(10);
      expect(policy.convertMw(context({ committedAiMw: 7 }))).to.equal(3);
      expect(policy.convertMw(context({ committedAiMw: 10 }))).to.equal(0);
      expect(policy.renew(context({ trailingHashpriceUsdPerPhDay: 1e6 }))).to.equal(true);
    });
  });

  describe("arbitrage", function () {
    it("converts nothing when the discounted spread does not pay the capex", function () {
      expect(getPolicy("arbitrage").convertMw(context())).to.equal(0);
    });

    it("converts one slice (arbitrageSlice % of capacity) when it pays, within the headroom", function () {
      const policy = getPolicy("arbitrage");
      expect(policy.convertMw(context({ trailingHashpriceUsdPerPhDay: 5 }))).to.equal(2.5);
      expect(policy.convertMw(context({ trailingHashpriceUsdPerPhDay: 5, committedAiMw: 9 }))).to.equal(1);
    });

    it("renews while the spread is positive (capex is sunk)", function () {
      const policy = getPolicy("arbitrage");
      expect(policy.renew(context())).to.equal(true);
      expect(policy.renew(context({ trailingHashpriceUsdPerPhDay: 200 }))).to.equal(false);
    });
  });
});
