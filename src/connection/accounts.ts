/**
 * Accounts given on the command line. `--account` picks who signs (or whose holdings to show); `--to` and the other
 * address options name any account. Both take an address, or on local chains an account index (0 = the first
 * account of the node), and every mistake is one line before anything is sent.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";

import { looksLikeAddress, parseAddress } from "../cli/address.js";
import { UserError } from "../cli/errors.js";
import { firstLine, invalidKeyError } from "./errors.js";
import type { OpenNetwork } from "./network.js";

/** What resolving an account needs of an open network. */
type Accounts = Pick<OpenNetwork, "connection" | "networkName" | "local">;

const INDEX = /^\d+$/;

/**
 * Checks the shape of an account given as `label` before connecting: an account index, or a well-formed address
 * (checksummed when mixed-case). Empty input is refused when `required`, allowed (the default account) otherwise.
 * Returns the trimmed input.
 */
export function checkAccountSyntax(spec: string | undefined, label: string, required: boolean): string {
  const input = (spec ?? "").trim();
  if (input === "") {
    if (required) throw new UserError(`${label} is missing: give an address or, on local networks, an account index`);
    return input;
  }
  if (INDEX.test(input)) return input;
  if (!/^0x/i.test(input)) throw new UserError(`${label} "${input}" is not an account index or an address`);
  parseAddress(input, label);
  return input;
}

/** The accounts the network can sign for; a malformed HASHSHARE_PRIVATE_KEY or no account at all is one line. */
async function signersOf(network: Accounts): Promise<HardhatEthersSigner[]> {
  let signers: HardhatEthersSigner[];
  try {
    signers = await network.connection.ethers.getSigners();
  } catch (error) {
    // The configured key is only parsed when the accounts are first listed.
    if (network.local) throw error;
    throw invalidKeyError(network.networkName, firstLine(error));
  }
  if (signers.length === 0) {
    throw new UserError(
      network.local
        ? `network ${network.networkName} has no accounts`
        : `network ${network.networkName} has no account: set HASHSHARE_PRIVATE_KEY (see .env.example)`,
    );
  }
  return signers;
}

/** The signer at an index typed as `label`, or a one-line error naming how many accounts there are. */
function signerAt(network: Accounts, signers: readonly HardhatEthersSigner[], input: string, label: string) {
  const signer = signers[Number(input)];
  if (signer === undefined) {
    throw new UserError(
      `unknown account ${label} ${input}: network ${network.networkName} has ${signers.length} accounts (0 to ${signers.length - 1})`,
    );
  }
  return signer;
}

/**
 * The signer chosen with `--account`: empty for the first account; an index (local networks only — elsewhere the
 * only account is the configured key); or an address the network can sign for.
 */
export async function selectSigner(network: Accounts, spec: string | undefined): Promise<HardhatEthersSigner> {
  const label = "--account";
  const input = checkAccountSyntax(spec, label, false);
  const signers = await signersOf(network);
  if (input === "") return signers[0]!;
  if (INDEX.test(input)) {
    if (!network.local && Number(input) !== 0) {
      throw new UserError(
        `${label} ${input}: accounts are chosen by index only on local networks; network ${network.networkName} signs with HASHSHARE_PRIVATE_KEY (${label} 0)`,
      );
    }
    return signerAt(network, signers, input, label);
  }
  const address = parseAddress(input, label);
  const signer = signers.find((s) => s.address === address);
  if (signer === undefined) {
    throw new UserError(`unknown account ${label} ${address}: network ${network.networkName} cannot sign for it`);
  }
  return signer;
}

/** The account a read-only task reports on: any address, or a signer chosen as in {@link selectSigner}. */
export async function selectHolder(network: Accounts, spec: string | undefined): Promise<string> {
  const input = (spec ?? "").trim();
  if (looksLikeAddress(input)) return parseAddress(input, "--account");
  return (await selectSigner(network, input)).address;
}

/**
 * An account named by an address option (`--to`, `--from`, `--claimer`, …): an address, or on local networks an
 * account index as `--account` takes. Empty input is refused.
 */
export async function resolveAddress(network: Accounts, spec: string | undefined, label: string): Promise<string> {
  const input = checkAccountSyntax(spec, label, true);
  if (!INDEX.test(input)) return parseAddress(input, label);
  if (!network.local) {
    throw new UserError(
      `${label} ${input}: account indexes work only on local networks; network ${network.networkName} needs an address`,
    );
  }
  return signerAt(network, await signersOf(network), input, label).address;
}
