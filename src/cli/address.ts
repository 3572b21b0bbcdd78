import { getAddress, ZeroAddress } from "ethers";

import { UserError } from "./errors.js";

const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * Validates an address typed by a person and returns it checksummed. All-lowercase and all-uppercase hex are
 * accepted; mixed case must carry a valid EIP-55 checksum (a typo in a checksummed address is caught). The zero
 * address is refused unless `allowZero`.
 */
export function parseAddress(text: string, label = "address", allowZero = false): string {
  const input = text.trim();
  if (input === "") throw new UserError(`${label} is missing: give a 0x-prefixed address`);
  if (!HEX_ADDRESS.test(input)) {
    throw new UserError(`${label} "${input}" is not an address (expected 0x followed by 40 hex digits)`);
  }
  let address: string;
  try {
    address = getAddress(input);
  } catch {
    throw new UserError(`${label} ${input} has an invalid checksum (check for a typo, or write it in lowercase)`);
  }
  if (address === ZeroAddress && !allowZero) throw new UserError(`${label} must not be the zero address`);
  return address;
}

/** True when `text` has the shape of an address (0x + 40 hex digits), whatever its checksum. */
export function looksLikeAddress(text: string): boolean {
  return HEX_ADDRESS.test(text.trim());
}

/** Short form of an address for tables: 0x1234…abcd. */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}
