import { expect } from "chai";

import { backtestNetwork, fitNetwork, loadHistory, type NetworkBacktest } from "../../src/model/index.js";

describe("network model backtest (ECONOMICS v2)", function () {
  this.timeout(60_000);
  let backtest: NetworkBacktest;

  before(function () {
    const history = loadHistory();
    const fit = fitNetwork(history, { from: "2016-01-01", to: "2024-01-01" });
    expect(fit.fittedOn.to < "2024-01-01").to.equal(true);
    backtest = backtestNetwork(history, fit, "2024-01-01");
  });

  it("compares every retarget from 2024-01-01 to the end of the data", function () {
    expect(backtest.retargets.length).to.be.at.least(55);
    expect(backtest.end).to.equal("2026-03-22");
  });

  it("keeps difficulty within ±25 % of the actual value at every retarget", function () {
    for (const r of backtest.retargets) expect(Math.abs(r.errorPct), r.date).to.be.at.most(25);
  });

  it("finds the 2024 halving in its own chain within three days of the actual one", function () {
    expect(backtest.halvings).to.have.length(1);
    const [halving] = backtest.halvings;
    expect(Math.abs(Date.parse(halving!.modelDate) - Date.parse(halving!.date))).to.be.at.most(3 * 86_400_000);
  });

  it("responds to the 2024-04-20 halving within 10 points of the actual (8 weeks later vs just before)", function () {
    expect(backtest.halvings[0]!.differencePoints).to.be.at.most(10);
  });
});
