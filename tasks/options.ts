import { ArgumentType, type ArgumentTypeToValueType } from "hardhat/types/arguments";

/**
 * Typed builders for the options the HashShare tasks share, so that each task reads as a list of its options:
 * `.addOption(accountOption("Buyer")).addFlag(jsonFlag())`. Each returns the config object Hardhat's
 * `addOption`/`addFlag` take, with the option name as a literal type so the builder still infers the arguments the
 * lazily loaded action receives. Text options default to "" and the action says what is missing, so that the error
 * is one line in the task's own words rather than Hardhat's.
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

/** `--<name> <STRING>`, by default empty (not given). */
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

/** `--<name> <FILE>`, undefined when not given. */
export function fileOption<NameT extends string>(
  name: NameT,
  description: string,
): OptionConfig<NameT, ArgumentType.FILE_WITHOUT_DEFAULT> {
  return { name, description, type: ArgumentType.FILE_WITHOUT_DEFAULT, defaultValue: undefined };
}

/** `--<name>`: a flag. */
export function flag<NameT extends string>(name: NameT, description: string): FlagConfig<NameT> {
  return { name, description };
}

/** `--json`: print a program-readable form instead of text. */
export function jsonFlag(description = "Print JSON instead of text"): FlagConfig<"json"> {
  return flag("json", description);
}

/**
 * `--account`: who signs (or whose holdings to show), described as `<role>: <choices>`; the choices say how an
 * account is given (an index works on local networks only).
 */
export function accountOption(
  role: string,
  choices = "account index (local networks) or address",
): OptionConfig<"account", ArgumentType.STRING> {
  return stringOption("account", `${role}: ${choices}`);
}

/** `--to`: the recipient. */
export function toOption(): OptionConfig<"to", ArgumentType.STRING> {
  return stringOption("to", "Recipient address");
}

/** `--amount` of pool shares to mint or transfer. */
export function sharesAmountOption(): OptionConfig<"amount", ArgumentType.STRING> {
  return stringOption("amount", "Shares, in whole units (e.g. 1.5)");
}
