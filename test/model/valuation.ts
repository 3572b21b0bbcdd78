import { expect } from "chai";

import {
  aiValuePerMw,
  createNetworkState,
  dealHorizonDays,
  defaultScenario,
  hashpriceFor,
  miningValuePerMw,
  networkCostUsdPerPhDay,
  networkParams,
  parseScenario,
  PROJECTION_STEP_DAYS,
  type Scenario,
} from "../../src/model/index.js";
import { subsidyBtc } from "../../src/model/halving.js";

/** The network of a scenario on day 0, as simulatePath starts it. */
function startState(s: Scenario) {
  const params = networkParams(s);
  const hp0 = hashpriceFor(s.difficulty0, subsidyBtc(s.startHeight) * (1 + s.feeShare / 100), s.btcPrice0);
  return createNetworkState({
    difficulty: s.difficulty0,
    height: s.startHeight,
    margin: Math.log(hp0 / networkCostUsdPerPhDay(params, 0)),
  });
}

// The decision's tolerance: the stepped projection's mining value is within 0.5 % of the AI value (the scale the
// decision compares it with) of the day-by-day projection.
const TOLERANCE = 0.005;

describe("valuation", function () {
  describe("miningValuePerMw", function () {
    const cases: Array<[string, Scenario, number]> = [
      ["the defaults on day 0", defaultScenario(), 0],
      ["cheap power (mining pays)", parseScenario({ powerPrice: 25 }), 0],
      ["a renewed fleet, BTC at 120,000", parseScenario({ btcPrice0: 120_000 }), 2],
      ["a halving 30 days ahead", parseScenario({ startHeight: 1_050_000 - 30 * 144 }), 0],
    ];
    for (const [name, s, fleetYears] of cases) {
      it(`projects in ${PROJECTION_STEP_DAYS}-day steps within 0.5 % of the AI value of the day-by-day projection: ${name}`, function () {
        const params = networkParams(s);
        const horizon = dealHorizonDays(s);
        const stepped = miningValuePerMw(s, params, startState(s), s.btcPrice0, horizon, fleetYears);
        const daily = miningValuePerMw(s, params, startState(s), s.btcPrice0, horizon, fleetYears, 1);
        const scale = Math.abs(aiValuePerMw(s, s.discountRate));
        expect(Math.abs(stepped - daily) / scale, `${stepped} vs ${daily} (AI ${scale})`).to.be.at.most(TOLERANCE);
      });
    }
  });
});
