import { expect } from "chai";
import { AbiCoder, Interface } from "ethers";

import { decodeRevertData, describeRevert, errorInterface, findRevertData, formatError } from "../../src/cli/revert.js";
import { HashrateOracle__factory, MiningPoolShare__factory, ShareSale__factory } from "../../typechain-types/index.js";

const ERRORS = errorInterface([HashrateOracle__factory.abi, MiningPoolShare__factory.abi, ShareSale__factory.abi]);
const TOKEN = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
const ACCOUNT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

describe("cli revert decoding", function () {
  describe("errorInterface", function () {
    it("holds the HashShare errors and the OpenZeppelin errors they inherit, once each", function () {
      const names = new Set<string>();
      ERRORS.forEachError((fragment) => {
        expect(names.has(fragment.format("sighash")), fragment.format("sighash")).to.equal(false);
        names.add(fragment.format("sighash"));
      });
      for (const signature of [
        "ExceedsHashrateBacking(uint256,uint256)",
        "StaleHashrateReport(uint64,uint64)",
        "EpochAlreadyFunded(address,uint8,uint64)",
        "NotPayoutToken(address)",
        "EpochNotAfterLatest(uint64,uint64)",
        "AlreadySubmitted(address)",
        "HashrateChangeTooLarge(uint256,uint256)",
        "SaleNotActive()",
        "ExceedsBuyerCap(uint256,uint256)",
        "CostAboveMax(uint256,uint256)",
        "ZeroAddress()",
        "AccessControlUnauthorizedAccount(address,bytes32)",
        "ERC20InsufficientBalance(address,uint256,uint256)",
        "ERC20InsufficientAllowance(address,uint256,uint256)",
        "EnforcedPause()",
        "SafeERC20FailedOperation(address)",
      ]) {
        expect(names.has(signature), signature).to.equal(true);
      }
    });
  });

  describe("decodeRevertData", function () {
    it("decodes custom errors to Name(arg, …)", function () {
      const data = ERRORS.encodeErrorResult("EpochAlreadyFunded", [TOKEN, 0, 7n]);
      expect(decodeRevertData(data, ERRORS)).to.equal(`EpochAlreadyFunded(${TOKEN}, 0, 7)`);
      expect(decodeRevertData(ERRORS.encodeErrorResult("SaleNotActive", []), ERRORS)).to.equal("SaleNotActive()");
      expect(
        decodeRevertData(ERRORS.encodeErrorResult("ExceedsHashrateBacking", [5n * 10n ** 18n, 0n]), ERRORS),
      ).to.equal("ExceedsHashrateBacking(5000000000000000000, 0)");
    });

    it("decodes Error(string) and Panic(uint256)", function () {
      const coder = AbiCoder.defaultAbiCoder();
      expect(decodeRevertData(`0x08c379a0${coder.encode(["string"], ["nope"]).slice(2)}`, ERRORS)).to.equal(
        'Error("nope")',
      );
      expect(decodeRevertData(`0x4e487b71${coder.encode(["uint256"], [0x11]).slice(2)}`, ERRORS)).to.equal("Panic(17)");
    });

    it("returns undefined for empty, malformed or unknown data", function () {
      expect(decodeRevertData("0x", ERRORS)).to.equal(undefined);
      expect(decodeRevertData("nothex", ERRORS)).to.equal(undefined);
      expect(decodeRevertData("0xdeadbeef", ERRORS)).to.equal(undefined);
    });
  });

  describe("findRevertData and describeRevert", function () {
    const data = ERRORS.encodeErrorResult("AccessControlUnauthorizedAccount", [ACCOUNT, `0x${"11".repeat(32)}`]);
    const expected = `AccessControlUnauthorizedAccount(${ACCOUNT}, 0x${"11".repeat(32)})`;

    it("finds the data wherever providers nest it", function () {
      expect(findRevertData({ data })).to.equal(data);
      expect(findRevertData({ error: { data } })).to.equal(data);
      expect(findRevertData({ info: { error: { data } } })).to.equal(data);
      expect(findRevertData(Object.assign(new Error("x"), { cause: { error: { data } } }))).to.equal(data);
      expect(findRevertData({ data: { data } })).to.equal(data);
      expect(findRevertData({ data: "0x" })).to.equal(undefined);
      expect(findRevertData("string")).to.equal(undefined);
    });

    it("describes the revert, names unknown selectors, and falls back to ethers' decoded revert", function () {
      expect(describeRevert({ info: { error: { data } } }, ERRORS)).to.equal(expected);
      expect(describeRevert({ data: "0xdeadbeef00" }, ERRORS)).to.equal("unknown custom error 0xdeadbeef");
      expect(describeRevert({ revert: { name: "ZeroShares", args: [] } }, ERRORS)).to.equal("ZeroShares()");
      expect(describeRevert(new Error("network down"), ERRORS)).to.equal(undefined);
    });

    it("formats nested array arguments", function () {
      expect(formatError("X", [[1n, 2n], "a", true])).to.equal('X([1, 2], "a", true)');
      expect(new Interface([]).fragments).to.have.length(0);
    });
  });
});
