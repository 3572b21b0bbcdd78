import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

import { UserError } from "../../src/cli/errors.js";
import { DEPLOYMENT_ID_VARIABLE } from "../../src/deployment/index.js";

/** What Ignition accepts as a deployment ID: a letter, then letters, digits, `-` and `_` (so never a path). */
const DEPLOYMENT_ID = /^[a-zA-Z][a-zA-Z0-9_-]*$/;

/**
 * Selects the Ignition deployment `--deployment` names (as HASHSHARE_DEPLOYMENT_ID would) after checking that its
 * folder exists under `ignitionDir`; otherwise a one-line error that lists the deployments there. An empty value
 * keeps the default (HASHSHARE_DEPLOYMENT_ID, else `chain-<chainId>`).
 */
export function selectDeployment(
  option: string,
  paths: { root: string; ignition: string },
  env: NodeJS.ProcessEnv = process.env,
): void {
  const id = option.trim();
  if (id === "") return;
  if (!DEPLOYMENT_ID.test(id)) {
    throw new UserError(
      `--deployment "${id}" is not a deployment ID (letters, digits, - and _, starting with a letter)`,
    );
  }
  const deployments = path.join(paths.ignition, "deployments");
  if (!existsSync(path.join(deployments, id, "journal.jsonl"))) {
    const known = existsSync(deployments)
      ? readdirSync(deployments, { withFileTypes: true })
          .filter((entry) => entry.isDirectory() && existsSync(path.join(deployments, entry.name, "journal.jsonl")))
          .map((entry) => ({ name: entry.name, time: statSync(path.join(deployments, entry.name)).mtimeMs }))
          .sort((a, b) => b.time - a.time)
          .map((entry) => entry.name)
      : [];
    const shown = known.length <= 5 ? known.join(", ") : `${known.slice(0, 5).join(", ")} and ${known.length - 5} more`;
    throw new UserError(
      `--deployment ${id}: no such Ignition deployment in ${path.relative(paths.root, deployments)} (${
        known.length === 0 ? "there is none yet" : `newest first: ${shown}`
      })`,
    );
  }
  env[DEPLOYMENT_ID_VARIABLE] = id;
}
