import { expect } from "chai";

import { loadHistory, parseHistory } from "../../src/model/index.js";

const HEADER = "date,price_usd,difficulty,fees_btc,hashrate_ehs";

describe("history loader", function () {
  it("loads the shipped file: 3,805 days from 2016-01-01", function () {
    const history = loadHistory();
    expect(history.days).to.have.length(3805);
    expect(history.days[0]!.date).to.equal("2016-01-01");
  });

  it("accepts an empty difficulty", function () {
    const history = parseHistory(`${HEADER}\n2026-01-01,1,,2,3\n`, "x.csv");
    expect(Number.isNaN(history.days[0]!.difficulty)).to.equal(true);
  });

  it("refuses another header", function () {
    expect(() => parseHistory("date,price\n2026-01-01,1\n", "x.csv")).to.throw(/^x\.csv: the header must be /);
  });

  it("names the line and column of a bad cell", function () {
    expect(() => parseHistory(`${HEADER}\n2026-01-01,abc,1,2,3\n`, "x.csv")).to.throw(
      'x.csv line 2, price_usd: must be a plain decimal number (got "abc")',
    );
  });

  it("refuses a gap between days", function () {
    expect(() => parseHistory(`${HEADER}\n2026-01-01,1,1,2,3\n2026-01-03,1,1,2,3\n`, "x.csv")).to.throw(
      'x.csv line 3, date: must be the day after 2026-01-01 (got "2026-01-03")',
    );
  });

  it("names a missing file", function () {
    expect(() => loadHistory("nope.csv")).to.throw("history file nope.csv: cannot be read (ENOENT)");
  });
});
