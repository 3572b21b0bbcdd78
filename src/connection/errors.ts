/**
 * Errors of reaching a network, as one line a user can act on: a missing variable, an unknown network, an invalid or
 * unreachable RPC URL, a malformed private key.
 */
import { HardhatError } from "@nomicfoundation/hardhat-errors";

import { UserError } from "../cli/errors.js";

/** The first line of an error's message (ethers' `shortMessage` when it has one). */
export function firstLine(error: unknown): string {
  const short = (error as { shortMessage?: unknown } | null)?.shortMessage;
  if (typeof short === "string") return short;
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

/** `network <name> needs the variable <variable>: …`. */
function missingVariable(networkName: string, variable: string): UserError {
  return new UserError(
    `network ${networkName} needs the variable ${variable}: set it in .env or the environment (see .env.example)`,
  );
}

/** Turns the errors of connecting to a network into one clear line, or returns undefined for anything else. */
export function connectionError(error: unknown, networkName: string): UserError | undefined {
  const { CORE, HARDHAT_KEYSTORE } = HardhatError.ERRORS;
  if (HardhatError.isHardhatError(error, CORE.GENERAL.ENV_VAR_NOT_FOUND)) {
    return missingVariable(networkName, String(error.messageArguments.name));
  }
  if (HardhatError.isHardhatError(error, HARDHAT_KEYSTORE.GENERAL.KEY_NOT_FOUND_DURING_TESTS_WITH_DEV_KEYSTORE)) {
    // Under `hardhat test` (HH_TEST=true) the keystore plugin only reads the development keystore.
    return missingVariable(networkName, String(error.messageArguments.key));
  }
  if (HardhatError.isHardhatError(error, CORE.NETWORK.NETWORK_NOT_FOUND)) {
    return new UserError(`unknown network "${networkName}": use one configured in hardhat.config.ts`);
  }
  if (
    HardhatError.isHardhatError(error, CORE.NETWORK.INVALID_URL) ||
    HardhatError.isHardhatError(error, CORE.GENERAL.INVALID_URL)
  ) {
    return new UserError(`network ${networkName} has an invalid RPC URL: check HASHSHARE_RPC_URL`);
  }
  if (
    HardhatError.isHardhatError(error, CORE.NETWORK.CONNECTION_REFUSED) ||
    HardhatError.isHardhatError(error, CORE.NETWORK.NETWORK_TIMEOUT)
  ) {
    const hint =
      networkName === "localhost"
        ? " (start one with: npx hardhat node)"
        : " (check HASHSHARE_RPC_URL and your connection)";
    return new UserError(`cannot reach the JSON-RPC node of network ${networkName}${hint}`);
  }
  if (HardhatError.isHardhatError(error)) {
    // Any other Hardhat error while connecting (e.g. a malformed private key): its first line is the message.
    return new UserError(`network ${networkName}: ${error.formattedMessage.split("\n")[0]}`);
  }
  return undefined;
}

/** The one line for a malformed HASHSHARE_PRIVATE_KEY, with what was wrong when known. */
export function invalidKeyError(networkName: string, detail?: string): UserError {
  const suffix = detail === undefined ? "" : `: ${detail}`;
  return new UserError(
    `network ${networkName}: HASHSHARE_PRIVATE_KEY is not a valid private key (expected 0x and 64 hex digits)${suffix}`,
  );
}

/**
 * Any failure while connecting, as one line: {@link connectionError}'s when it knows the error, else a malformed
 * HASHSHARE_PRIVATE_KEY (Hardhat parses the configured keys when the connection is set up) or an unreachable node.
 */
export function setupError(error: unknown, networkName: string): UserError {
  const known = connectionError(error, networkName);
  if (known !== undefined) return known;
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  if (/LocalAccountsHandler|fromPrivateKey|private key/i.test(stack)) return invalidKeyError(networkName);
  return new UserError(`cannot reach the JSON-RPC node of network ${networkName}: ${firstLine(error)}`);
}
