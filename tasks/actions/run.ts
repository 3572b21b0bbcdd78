import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";
import type { Result } from "hardhat/types/utils";

import { isUserError, type UserError } from "../../src/cli/errors.js";
import { toJson } from "../../src/cli/output.js";
import { openContext, type TaskContext } from "../../src/connection/context.js";

/** What a task prints: a text for people and a value for `--json`. */
export interface TaskOutput {
  readonly text: string;
  readonly json: unknown;
}

/** The options every HashShare task has. */
export interface CommonArguments {
  readonly json: boolean;
}

/**
 * The arguments as Hardhat passes them: a text option declared without a default (see tasks/options.ts) is undefined
 * when it is not given.
 */
export type GivenArguments<ArgumentsT> = {
  [K in keyof ArgumentsT]: ArgumentsT[K] extends string ? ArgumentsT[K] | undefined : ArgumentsT[K];
};

/** The arguments a body sees: every text option not given is "", which each body reads as "not given". */
function withEmptyText<ArgumentsT extends object>(given: GivenArguments<ArgumentsT>): ArgumentsT {
  return Object.fromEntries(Object.entries(given).map(([key, value]) => [key, value ?? ""])) as ArgumentsT;
}

/** Given to a task body: the runtime, and the chain context, opened on first use (after arguments are checked). */
export interface Session {
  readonly hre: HardhatRuntimeEnvironment;
  context(): Promise<TaskContext>;
}

/**
 * Wraps a task body into a Hardhat task action. Text options not given reach the body as "" (required ones are
 * refused by the body in its own words, before connecting). The body validates its arguments, opens the context, reads and
 * acts, and returns what to print. The wrapper prints it (`--json`: JSON on stdout), closes the network
 * connection, and turns a {@link UserError} into one line on stderr (`Error: …`; with `--json` also
 * `{"error": …}` on stdout) and a failed `Result`, which makes Hardhat exit with code 1 without printing a
 * stack trace. Any other error is a bug and propagates with its stack.
 */
export function taskAction<ArgumentsT extends CommonArguments>(
  body: (args: ArgumentsT, session: Session) => Promise<TaskOutput>,
): (given: GivenArguments<ArgumentsT>, hre: HardhatRuntimeEnvironment) => Promise<Result<unknown, UserError>> {
  return async (given, hre) => {
    const args = withEmptyText<ArgumentsT>(given);
    const connections: NetworkConnection[] = [];
    let context: Promise<TaskContext> | undefined;
    const session: Session = {
      hre,
      context: () => (context ??= openContext(hre, (connection) => connections.push(connection))),
    };
    try {
      const output = await body(args, session);
      console.log(args.json ? toJson(output.json) : output.text);
      return { success: true, value: output.json };
    } catch (error) {
      if (!isUserError(error)) throw error;
      console.error(`Error: ${error.message}`);
      if (args.json) console.log(toJson({ error: error.message }));
      return { success: false, error };
    } finally {
      for (const connection of connections) {
        await connection.close().catch(() => undefined);
      }
    }
  };
}
