import { UserError } from "../../src/cli/errors.js";
import { ROLES, type RoleKey } from "../../src/governance/actions.js";

/** `--role`: reporter, minter, distributor or pauser (case-insensitive, `_ROLE` suffix allowed). */
export function parseRole(spec: string): RoleKey {
  const input = spec
    .trim()
    .toLowerCase()
    .replace(/_role$/, "");
  if (input === "") throw new UserError(`--role is missing: give one of ${Object.keys(ROLES).join(", ")}`);
  if (!(input in ROLES))
    throw new UserError(`unknown --role ${spec.trim()}: give one of ${Object.keys(ROLES).join(", ")}`);
  return input as RoleKey;
}
