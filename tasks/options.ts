import { ArgumentType, type ArgumentTypeToValueType } from "hardhat/types/arguments";

/**
 * Typed builders for the options the HashShare tasks share, so that each task reads as a list of its options:
 * `.addOption(toOption()).addOption(accountOption("Minter")).addFlag(jsonFlag())`. Each returns the config object
 * Hardhat's `addOption`/`addFlag` take, with the option name as a literal type so the builder still infers the
 * arguments the lazily loaded action receives.
 *
 * Hardhat 3 options always have a default: only positional arguments can be required, and its help prints
 * `(default: <value>)` after every option that has a default value. So that `--help` tells a user what they must
 * give, an option without a fixed default is declared without one (`STRING_WITHOUT_DEFAULT`, which Hardhat passes as
 * undefined when it is not given and prints no default for), and its description ends with the one thing that
 * applies: `(required)`, or `(default: <what happens>)` when the default is worked out at run time (the chain's
 * current epoch, the sale's quote). The action refuses a missing required option in one line of its own words,
 * before connecting. Options with a fixed default keep it as a value, and Hardhat prints it (once).
 */

/** An `addOption` config: name, description, type and default. */
export interface OptionConfig<NameT extends string, TypeT extends ArgumentType> {
  name: NameT;
  description: string;
  type: TypeT;
  defaultValue: ArgumentTypeToValueType<TypeT>;
}

/** An `addFlag` config: a boolean option, false unless given. */
export interface FlagConfig<NameT extends string> {
  name: NameT;
  description: string;
}

/** The suffix `--help` shows after a required option's description. */
export const REQUIRED = "(required)";

/** `--<name> <STRING>` that the task cannot run without: `--help` says "(required)". */
export function requiredOption<NameT extends string>(
  name: NameT,
  description: string,
): OptionConfig<NameT, ArgumentType.STRING_WITHOUT_DEFAULT> {
  return {
    name,
    description: `${description} ${REQUIRED}`,
    type: ArgumentType.STRING_WITHOUT_DEFAULT,
    defaultValue: undefined,
  };
}

/**
 * `--<name> <STRING>` whose default is worked out when the task runs (`whenOmitted`, e.g. "the chain's current
 * epoch"): `--help` shows it as the one default.
 */
export function optionalOption<NameT extends string>(
  name: NameT,
  description: string,
  whenOmitted: string,
): OptionConfig<NameT, ArgumentType.STRING_WITHOUT_DEFAULT> {
  return {
    name,
    description: `${description} (default: ${whenOmitted})`,
    type: ArgumentType.STRING_WITHOUT_DEFAULT,
    defaultValue: undefined,
  };
}

/** `--<name> <STRING>` with a fixed default, which `--help` shows. */
export function stringOption<NameT extends string>(
  name: NameT,
  description: string,
  defaultValue = "",
): OptionConfig<NameT, ArgumentType.STRING> {
  return { name, description, type: ArgumentType.STRING, defaultValue };
}

/** `--<name> <INT>` with a default. */
export function intOption<NameT extends string>(
  name: NameT,
  description: string,
  defaultValue: number,
): OptionConfig<NameT, ArgumentType.INT> {
  return { name, description, type: ArgumentType.INT, defaultValue };
}

/** `--<name> <FILE>`, undefined when not given; `whenOmitted` says what happens then. */
export function fileOption<NameT extends string>(
  name: NameT,
  description: string,
  whenOmitted: string,
): OptionConfig<NameT, ArgumentType.FILE_WITHOUT_DEFAULT> {
  return {
    name,
    description: `${description} (default: ${whenOmitted})`,
    type: ArgumentType.FILE_WITHOUT_DEFAULT,
    defaultValue: undefined,
  };
}

/** `--<name>`: a flag. */
export function flag<NameT extends string>(name: NameT, description: string): FlagConfig<NameT> {
  return { name, description };
}

/** `--json`: print a program-readable form instead of text. */
export function jsonFlag(description = "Print JSON instead of text"): FlagConfig<"json"> {
  return flag("json", description);
}

/** How an account is given on the command line. */
const ACCOUNT_CHOICES = "an address, or an account index on local networks";

/**
 * `--account`: who signs (or whose holdings to show), described as `<role>: <choices>`; by default the network's
 * first account (on remote networks, the one HASHSHARE_PRIVATE_KEY holds).
 */
export function accountOption(
  role: string,
  choices = ACCOUNT_CHOICES,
  whenOmitted = "the network's first account",
): OptionConfig<"account", ArgumentType.STRING_WITHOUT_DEFAULT> {
  return optionalOption("account", `${role}: ${choices}`, whenOmitted);
}

/** A required option that names an account (`--to`, `--from`, …): an address, or an index on local networks. */
export function addressOption<NameT extends string>(
  name: NameT,
  role: string,
): OptionConfig<NameT, ArgumentType.STRING_WITHOUT_DEFAULT> {
  return requiredOption(name, `${role}: ${ACCOUNT_CHOICES}`);
}

/** `--to`: the recipient. */
export function toOption(): OptionConfig<"to", ArgumentType.STRING_WITHOUT_DEFAULT> {
  return addressOption("to", "Recipient");
}

/** `--amount` of pool shares to mint or transfer. */
export function sharesAmountOption(): OptionConfig<"amount", ArgumentType.STRING_WITHOUT_DEFAULT> {
  return requiredOption("amount", "Shares, in whole units (e.g. 1.5)");
}
