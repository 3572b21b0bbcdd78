import { expect } from "chai";

import { isUserError, UserError } from "../../src/cli/errors.js";
import path from "node:path";

import {
  displayPath,
  formatDuration,
  formatKeyValues,
  formatTable,
  formatTimestamp,
  toJson,
} from "../../src/cli/output.js";

describe("cli output", function () {
  it("displayPath shows a path inside the base relative to it, the base as '.', and anything else absolute", function () {
    const base = path.resolve("/srv/project");
    expect(displayPath(path.join(base, "reports", "demo"), base)).to.equal(path.join("reports", "demo"));
    expect(displayPath(base, base)).to.equal(".");
    expect(displayPath(path.resolve("/srv/other/file.json"), base)).to.equal(path.resolve("/srv/other/file.json"));
    expect(displayPath(path.resolve("/srv/project-two/x"), base)).to.equal(path.resolve("/srv/project-two/x"));
    expect(displayPath(path.join(process.cwd(), "ignition"))).to.equal("ignition");
  });

  it("toJson writes bigints as exact decimal strings", function () {
    expect(JSON.parse(toJson({ a: 2n ** 200n, b: [1n], c: "x" }))).to.deep.equal({
      a: (2n ** 200n).toString(),
      b: ["1"],
      c: "x",
    });
  });

  it("formatKeyValues aligns values", function () {
    expect(
      formatKeyValues([
        ["a", "1"],
        ["long label", "2"],
      ]),
    ).to.equal("  a:          1\n  long label: 2");
  });

  it("formatTable pads columns and right-aligns numbers", function () {
    expect(
      formatTable(
        ["token", "amount"],
        [
          ["WBTC", "1.5"],
          ["USDC", "1000"],
        ],
        [1],
      ),
    ).to.equal(["  token  amount", "  -----  ------", "  WBTC      1.5", "  USDC     1000"].join("\n"));
  });

  it("formatDuration and formatTimestamp", function () {
    expect(formatDuration(0n)).to.equal("0s");
    expect(formatDuration(90_061n)).to.equal("1d 1h 1m 1s");
    expect(formatDuration(-60n)).to.equal("-1m");
    expect(formatTimestamp(0n)).to.equal("1970-01-01T00:00:00Z");
  });

  it("UserError keeps its message on one line and is recognised by name", function () {
    const error = new UserError("first\n  second");
    expect(error.message).to.equal("first second");
    expect(isUserError(error)).to.equal(true);
    expect(isUserError(Object.assign(new Error("x"), { name: "UserError" }))).to.equal(true);
    expect(isUserError(new Error("x"))).to.equal(false);
  });
});
