import { expect } from "chai";
import fc from "fast-check";

import {
  checkAmountSyntax,
  formatAmount,
  formatNumber,
  formatPayout,
  formatPercent,
  formatTokenAmount,
  formatUsd,
  parseAmount,
} from "../../src/cli/amount.js";
import { UserError } from "../../src/cli/errors.js";
import { parseUint } from "../../src/cli/integer.js";

/** Runs `fn` and returns the UserError it throws (failing the test when it throws nothing or something else). */
function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(UserError);
    return error as UserError;
  }
  expect.fail("expected a UserError");
}

describe("cli amounts", function () {
  describe("parseAmount", function () {
    it("converts whole units to base units exactly", function () {
      expect(parseAmount("1.5", 8)).to.equal(150_000_000n);
      expect(parseAmount("0.00000001", 8)).to.equal(1n);
      expect(parseAmount("25", 6)).to.equal(25_000_000n);
      expect(parseAmount(".5", 6)).to.equal(500_000n);
      expect(parseAmount("1.", 6)).to.equal(1_000_000n);
      expect(parseAmount(" 2.50 ", 1)).to.equal(25n);
      expect(parseAmount("7", 0)).to.equal(7n);
      expect(parseAmount("0.1", 18)).to.equal(10n ** 17n);
      expect(parseAmount("123456789012345678901234567890.123456789012345678", 18)).to.equal(
        123456789012345678901234567890123456789012345678n,
      );
    });

    it("accepts trailing zeros beyond the token's decimals", function () {
      expect(parseAmount("1.500000000000", 8)).to.equal(150_000_000n);
    });

    it("refuses negative amounts", function () {
      expect(userError(() => parseAmount("-1", 8)).message).to.equal("amount must not be negative: -1");
    });

    it("refuses more decimals than the token has, naming both", function () {
      expect(userError(() => parseAmount("1.123456789", 8, { label: "--amount" })).message).to.equal(
        "--amount 1.123456789 has 9 decimals but the token has only 8",
      );
      expect(userError(() => parseAmount("1.5", 0)).message).to.match(/whole units only/);
    });

    for (const bad of ["abc", "1e3", "0x10", "1,5", "1.2.3", "+1", ".", "1 000", "Infinity", "NaN", "١"]) {
      it(`refuses malformed input ${JSON.stringify(bad)}`, function () {
        expect(userError(() => parseAmount(bad, 8, { label: "--amount" })).message).to.equal(
          `--amount "${bad.trim()}" is not a decimal number (write it like 1.5)`,
        );
      });
    }

    it("refuses an empty amount and zero (unless allowed)", function () {
      expect(userError(() => parseAmount("", 8)).message).to.match(/missing/);
      expect(userError(() => parseAmount("0.000", 8)).message).to.equal("amount must be greater than zero");
      expect(parseAmount("0", 8, { allowZero: true })).to.equal(0n);
    });

    it("refuses amounts above 2^256 - 1 base units", function () {
      const max = (1n << 256n) - 1n;
      expect(parseAmount(max.toString(), 0)).to.equal(max);
      expect(userError(() => parseAmount((max + 1n).toString(), 0)).message).to.match(/too large/);
    });

    it("gives one-line messages only", function () {
      expect(userError(() => parseAmount("1\n2", 8)).message).to.not.include("\n");
    });

    it("round-trips with formatAmount for every base-unit value (property)", function () {
      fc.assert(
        fc.property(
          fc.bigInt({ min: 1n, max: (1n << 256n) - 1n }),
          fc.integer({ min: 0, max: 30 }),
          (value, decimals) => {
            expect(parseAmount(formatAmount(value, decimals), decimals)).to.equal(value);
          },
        ),
      );
    });
  });

  describe("checkAmountSyntax", function () {
    it("refuses negative, malformed and zero amounts before decimals are known", function () {
      expect(userError(() => checkAmountSyntax("-0.5", "--amount")).message).to.equal(
        "--amount must not be negative: -0.5",
      );
      expect(userError(() => checkAmountSyntax("1e18", "--amount")).message).to.match(/not a decimal number/);
      expect(userError(() => checkAmountSyntax("0.0", "--amount")).message).to.match(/greater than zero/);
      expect(() => checkAmountSyntax("0", "--max-cost", true)).to.not.throw();
      expect(() => checkAmountSyntax("10.123456789012345678901234567890", "--amount")).to.not.throw();
    });
  });

  describe("formatAmount", function () {
    it("prints exact decimals without trailing zeros", function () {
      expect(formatAmount(150_000_000n, 8)).to.equal("1.5");
      expect(formatAmount(1n, 8)).to.equal("0.00000001");
      expect(formatAmount(0n, 6)).to.equal("0");
      expect(formatAmount(10n ** 18n, 18)).to.equal("1");
      expect(formatAmount(-5n, 1)).to.equal("-0.5");
      expect(formatAmount(42n, 0)).to.equal("42");
    });

    it("rounds down to the shown decimals and groups thousands when asked", function () {
      expect(formatAmount(1_234_567_891_234n, 8, { shown: 4, grouped: true })).to.equal("12,345.6789");
      expect(formatAmount(1_999_999n, 6, { shown: 2 })).to.equal("1.99");
      expect(formatAmount(5n * 10n ** 18n, 18, { shown: 0, grouped: true })).to.equal("5");
      expect(formatAmount(1_000_000_000n, 6, { grouped: true })).to.equal("1,000");
      expect(formatAmount(-1_234_500_000n, 6, { shown: 1, grouped: true })).to.equal("-1,234.5");
    });
  });

  describe("formatPayout", function () {
    it("shows every satoshi of WBTC and USDC to the cent, thousands grouped", function () {
      expect(formatPayout(123_456_789_012n, "wbtc")).to.equal("1,234.56789012");
      expect(formatPayout(1_234_567_891n, "usdc")).to.equal("1,234.56");
    });
  });

  describe("formatTokenAmount", function () {
    it("adds the token's symbol", function () {
      expect(formatTokenAmount(150_000_000n, "wbtc")).to.equal("1.5 WBTC");
      expect(formatTokenAmount(2_500_000n, "usdc", { shown: 2 })).to.equal("2.50 USDC");
    });
  });

  describe("formatNumber", function () {
    it("groups thousands with the given decimals", function () {
      expect(formatNumber(1234567)).to.equal("1,234,567");
      expect(formatNumber(1234.5, 2)).to.equal("1,234.50");
      expect(formatUsd(-0.001)).to.equal("0.00");
    });
  });

  describe("formatPercent", function () {
    it("rounds down with the given digits, and is 0 over an empty whole", function () {
      expect(formatPercent(1n, 3n)).to.equal("33.3333");
      expect(formatPercent(2n, 3n, 2)).to.equal("66.66");
      expect(formatPercent(5n, 5n)).to.equal("100");
      expect(formatPercent(0n, 0n)).to.equal("0");
    });
  });

  describe("parseUint", function () {
    it("parses whole numbers that fit the width", function () {
      expect(parseUint("0", 64, "--epoch")).to.equal(0n);
      expect(parseUint(((1n << 64n) - 1n).toString(), 64, "--epoch")).to.equal((1n << 64n) - 1n);
    });

    it("refuses negative, fractional, malformed and too large numbers, naming the option", function () {
      expect(userError(() => parseUint("-1", 64, "--epoch")).message).to.equal("--epoch must not be negative: -1");
      expect(userError(() => parseUint("1.5", 64, "--epoch")).message).to.equal('--epoch "1.5" is not a whole number');
      expect(userError(() => parseUint("0x10", 64, "--epoch")).message).to.equal(
        '--epoch "0x10" is not a whole number',
      );
      expect(userError(() => parseUint("", 64, "--epoch")).message).to.match(/--epoch is missing/);
      expect(userError(() => parseUint((1n << 64n).toString(), 64, "--epoch")).message).to.match(/uint64/);
    });
  });
});
