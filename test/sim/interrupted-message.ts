import path from "node:path";

import { expect } from "chai";

import { interruptedMessage, parseSimulateArguments, SimulationInterrupted } from "../../src/sim/index.js";
import { ROOT } from "../../e2e/harness.js";

/** What Ctrl-C prints, for each place a run can stop. */
describe("simulate: the Ctrl-C message", function () {
  const parsed = parseSimulateArguments(
    {
      days: 40,
      seed: "hashshare",
      policy: "arbitrage",
      holders: 3,
      scenario: "scenarios/default.json",
      out: path.join(ROOT, "reports", "ctrl-c"),
      compare: false,
      fresh: false,
    },
    ROOT,
  );
  const command =
    "npx hardhat simulate --network localhost --days 40 --seed hashshare --policy arbitrage --holders 3 " +
    "--scenario scenarios/default.json --out reports/ctrl-c";

  it("names the day reached and the command that resumes, mid-run on a node", function () {
    expect(interruptedMessage(new SimulationInterrupted(3, 40), parsed, "localhost", ROOT)).to.equal(
      `interrupted on day 4 of 40 (3 days fully on chain): resume with \`${command}\``,
    );
  });

  it("says every day is on chain and the same command writes the report, once the days are sent", function () {
    expect(interruptedMessage(new SimulationInterrupted(40, 40), parsed, "localhost", ROOT)).to.equal(
      `interrupted after all 40 days were on chain, before the report was written: write it with \`${command}\``,
    );
  });

  it("says an in-process run cannot be resumed, and how to make one that can", function () {
    const message = interruptedMessage(new SimulationInterrupted(3, 40), parsed, undefined, ROOT);
    expect(message).to.equal(
      "interrupted on day 4 of 40 (3 days fully on chain): the in-process chain ended with the command, so this run " +
        `cannot be resumed; start \`npx hardhat node\` and run \`${command}\` for a run that can be resumed`,
    );
    expect(interruptedMessage(new SimulationInterrupted(3, 40), parsed, "default", ROOT)).to.equal(message);
  });
});
