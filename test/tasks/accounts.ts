import { expect } from "chai";
import { network } from "hardhat";

import { UserError } from "../../src/cli/errors.js";
import { checkAccountSyntax, resolveAddress, selectHolder, selectSigner } from "../../src/connection/accounts.js";

const connection = await network.create();
const { ethers } = connection;
const signers = await ethers.getSigners();
/** The in-process network, as a local chain (accounts by index) and as if it were a remote one. */
const local = { connection, networkName: "localhost", local: true };
const remote = { connection, networkName: "remote", local: false };

async function message(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    expect(error).to.be.instanceOf(UserError);
    return (error as UserError).message;
  }
  return expect.fail("expected a UserError");
}

describe("task accounts", function () {
  describe("checkAccountSyntax", function () {
    it("accepts an index or a well-formed address, trimmed", function () {
      expect(checkAccountSyntax(" 3 ", "--to", true)).to.equal("3");
      expect(checkAccountSyntax(signers[1]!.address.toLowerCase(), "--to", true)).to.equal(
        signers[1]!.address.toLowerCase(),
      );
    });

    it("reverts when a required account is missing", async function () {
      expect(await message(() => checkAccountSyntax(undefined, "--to", true))).to.equal(
        "--to is missing: give an address or, on local networks, an account index",
      );
    });

    it("accepts a missing optional account (the default one)", function () {
      expect(checkAccountSyntax("", "--account", false)).to.equal("");
    });

    it("reverts when the input is neither an index nor an address", async function () {
      expect(await message(() => checkAccountSyntax("bob", "--to", true))).to.equal(
        '--to "bob" is not an account index or an address',
      );
    });

    it("reverts when a 0x input is not 40 hex digits", async function () {
      expect(await message(() => checkAccountSyntax("0x1234", "--to", true))).to.equal(
        '--to "0x1234" is not an address (expected 0x followed by 40 hex digits)',
      );
    });
  });

  describe("resolveAddress", function () {
    it("turns an account index into that account's address on a local chain", async function () {
      expect(await resolveAddress(local, "3", "--to")).to.equal(signers[3]!.address);
      expect(await resolveAddress(local, "0", "--to")).to.equal(signers[0]!.address);
    });

    it("returns an address checksummed", async function () {
      const address = signers[5]!.address;
      expect(await resolveAddress(local, address.toLowerCase(), "--to")).to.equal(address);
      expect(await resolveAddress(remote, address.toLowerCase(), "--to")).to.equal(address);
    });

    it("reverts when the index is past the last account, naming how many there are", async function () {
      expect(await message(resolveAddress(local, String(signers.length), "--to"))).to.equal(
        `unknown account --to ${signers.length}: network localhost has ${signers.length} accounts (0 to ${signers.length - 1})`,
      );
    });

    it("reverts when an index is given on a remote network", async function () {
      expect(await message(resolveAddress(remote, "3", "--to"))).to.equal(
        "--to 3: account indexes work only on local networks; network remote needs an address",
      );
    });

    it("reverts when the address is malformed", async function () {
      expect(await message(resolveAddress(local, "0xabc", "--from"))).to.equal(
        '--from "0xabc" is not an address (expected 0x followed by 40 hex digits)',
      );
    });

    it("reverts when the address is the zero address", async function () {
      expect(await message(resolveAddress(local, `0x${"0".repeat(40)}`, "--to"))).to.equal(
        "--to must not be the zero address",
      );
    });
  });

  describe("selectSigner", function () {
    it("returns the first account when none is given", async function () {
      expect((await selectSigner(local, "")).address).to.equal(signers[0]!.address);
    });

    it("returns the account at an index, or the one an address names", async function () {
      expect((await selectSigner(local, "2")).address).to.equal(signers[2]!.address);
      expect((await selectSigner(local, signers[4]!.address.toLowerCase())).address).to.equal(signers[4]!.address);
    });

    it("reverts when the index is past the last account", async function () {
      expect(await message(selectSigner(local, "999"))).to.equal(
        `unknown account --account 999: network localhost has ${signers.length} accounts (0 to ${signers.length - 1})`,
      );
    });

    it("reverts when an index other than 0 is given on a remote network", async function () {
      expect(await message(selectSigner(remote, "1"))).to.equal(
        "--account 1: accounts are chosen by index only on local networks; network remote signs with HASHSHARE_PRIVATE_KEY (--account 0)",
      );
    });

    it("reverts when the network cannot sign for the address", async function () {
      const stranger = "0x000000000000000000000000000000000000dEaD";
      expect(await message(selectSigner(local, stranger))).to.equal(
        `unknown account --account ${stranger}: network localhost cannot sign for it`,
      );
    });
  });

  describe("selectHolder", function () {
    it("takes any address, even one the network cannot sign for", async function () {
      const stranger = "0x000000000000000000000000000000000000dEaD";
      expect(await selectHolder(local, stranger.toLowerCase())).to.equal(stranger);
    });

    it("takes an account index on a local chain", async function () {
      expect(await selectHolder(local, "6")).to.equal(signers[6]!.address);
    });
  });
});
