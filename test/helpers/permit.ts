import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { Signature, type TypedDataDomain } from "ethers";

/** The EIP-712 type of an ERC-2612 permit. */
export const PERMIT_TYPES = {
  Permit: [
    { name: "owner", type: "address" },
    { name: "spender", type: "address" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};

/** What a permit signs: `owner` lets `spender` move `value` until `deadline`, at `owner`'s `nonce`. */
export interface PermitMessage {
  owner: string;
  spender: string;
  value: bigint;
  nonce: bigint;
  deadline: bigint;
}

/** `signer`'s signature of a permit under `domain` (a valid permit when `signer` is the owner). */
export async function signPermit(
  signer: HardhatEthersSigner,
  domain: TypedDataDomain,
  message: PermitMessage,
): Promise<Signature> {
  return Signature.from(await signer.signTypedData(domain, PERMIT_TYPES, message));
}
