import { expect } from "chai";

import { looksLikeAddress, parseAddress } from "../../src/cli/address.js";
import { UserError } from "../../src/cli/errors.js";
import { parseSource, sourceName } from "../../src/cli/source.js";

const CHECKSUMMED = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(UserError);
    return (error as UserError).message;
  }
  return expect.fail("expected a UserError");
}

describe("cli addresses", function () {
  describe("parseAddress", function () {
    it("returns the checksummed address for lowercase, uppercase and checksummed input", function () {
      expect(parseAddress(CHECKSUMMED.toLowerCase())).to.equal(CHECKSUMMED);
      expect(parseAddress(`0x${CHECKSUMMED.slice(2).toUpperCase()}`)).to.equal(CHECKSUMMED);
      expect(parseAddress(` ${CHECKSUMMED} `)).to.equal(CHECKSUMMED);
    });

    it("refuses a mixed-case address with a wrong checksum", function () {
      const typo = CHECKSUMMED.replace("Fd6", "fD6");
      expect(message(() => parseAddress(typo, "--to"))).to.equal(
        `--to ${typo} has an invalid checksum (check for a typo, or write it in lowercase)`,
      );
    });

    for (const bad of [
      "0x123",
      "f39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
      "0xZZ9Fd6e51aad88F6F4ce6aB8827279cffFb92266",
      "alice.eth",
    ]) {
      it(`refuses malformed ${bad}`, function () {
        expect(message(() => parseAddress(bad, "--to"))).to.equal(
          `--to "${bad}" is not an address (expected 0x followed by 40 hex digits)`,
        );
      });
    }

    it("refuses the zero address unless allowed, and empty input", function () {
      const zero = `0x${"0".repeat(40)}`;
      expect(message(() => parseAddress(zero, "--to"))).to.equal("--to must not be the zero address");
      expect(parseAddress(zero, "--to", true)).to.equal(zero);
      expect(message(() => parseAddress("", "--to"))).to.match(/--to is missing/);
    });

    it("tells address-shaped text apart", function () {
      expect(looksLikeAddress(CHECKSUMMED)).to.equal(true);
      expect(looksLikeAddress("3")).to.equal(false);
    });
  });

  describe("parseSource", function () {
    it("maps mining and ai (any case) and their numbers", function () {
      expect(parseSource("mining")).to.equal(0);
      expect(parseSource("AI")).to.equal(1);
      expect(parseSource("0")).to.equal(0);
      expect(parseSource("1")).to.equal(1);
      expect(sourceName(0)).to.equal("mining");
      expect(sourceName(1n)).to.equal("ai");
      expect(sourceName(7)).to.equal("source 7");
    });

    it("refuses an unknown source", function () {
      expect(message(() => parseSource("solar"))).to.equal('unknown revenue --source "solar": use mining or ai');
      expect(message(() => parseSource("2"))).to.match(/unknown revenue/);
    });
  });
});
