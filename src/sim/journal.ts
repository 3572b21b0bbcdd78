/**
 * The run journal, `<out>/journal.json`: the run's arguments, the chain it runs on, the contracts, and how far it
 * got. Written atomically (a temporary file renamed over the old one) once per day, before that day's first
 * transaction: `completedDays` days are fully on chain, and `checkpoint` holds, for every account that sends a
 * transaction on day `completedDays`, its nonce when the day began. A resumed run replays the plan of that day and
 * counts, per account, how many of its transactions the chain already holds (nonce now − nonce then); deposits are
 * cross-checked with `isEpochFunded`. So a crash at any point — even between the two deposits of a day — resumes
 * without sending anything twice.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { PolicyName } from "../model/index.js";
import type { SimContracts } from "./chain.js";
import type { Roles } from "./plan.js";

export const JOURNAL_FILE = "journal.json";
const JOURNAL_VERSION = 1;

/** The arguments that define a run: resuming needs the same ones. */
export interface RunArguments {
  days: number;
  seed: string;
  policy: PolicyName;
  holders: number;
  /** The scenario file as given on the command line (informative). */
  scenario: string;
  /** SHA-256 of the scenario file's bytes: what is compared. */
  scenarioSha256: string;
}

/** What tells one chain from another. */
export interface ChainIdentity {
  network: string;
  chainId: string;
  /** `hardhat_metadata.instanceId`: random per node instance. */
  instanceId: string;
  /** The pool, the block that deployed it, and that block's hash. */
  pool: string;
  deployBlock: number;
  deployBlockHash: string;
  /**
   * Whether the chain is the in-process one, which ends with its command (so the run cannot be resumed on it);
   * absent in journals written before it was recorded, which are in-process when `network` is "default".
   */
  inProcess?: boolean;
  /** The Ignition deployment the run's contracts belong to (http networks). */
  deploymentId?: string;
}

/** Whether a journal's chain was an in-process one (gone with the command that ran it). */
export function isInProcessJournal(journal: Journal): boolean {
  return journal.chain.inProcess ?? journal.chain.network === "default";
}

export interface Journal {
  version: number;
  arguments: RunArguments;
  chain: ChainIdentity;
  contracts: SimContracts;
  /** The pool's and the sale's terms as read from the chain (decimal strings). */
  terms: { sharesPerTHs: string; pricePerShare: string; maxSharesPerBuyer: string };
  /** The accounts that act for the operator. */
  roles: Roles;
  /** Chain timestamp of day 0: day d runs from `startTimestamp + d × 86400`. */
  startTimestamp: number;
  /** Days fully on chain. */
  completedDays: number;
  /** Starting nonces of the accounts that send on day `completedDays` (written before its first transaction). */
  checkpoint: { day: number; nonces: Record<string, number> } | null;
  finished: boolean;
}

export function journalPath(outDir: string): string {
  return path.join(outDir, JOURNAL_FILE);
}

/** Reads `<out>/journal.json`; undefined when there is none. Throws with the reason when it is unreadable. */
export function readJournal(outDir: string): Journal | undefined {
  const file = journalPath(outDir);
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (
    typeof json !== "object" ||
    json === null ||
    (json as { version?: unknown }).version !== JOURNAL_VERSION ||
    typeof (json as { arguments?: unknown }).arguments !== "object" ||
    typeof (json as { chain?: unknown }).chain !== "object" ||
    typeof (json as { completedDays?: unknown }).completedDays !== "number"
  ) {
    throw new Error(`${file} is not a version-${JOURNAL_VERSION} simulator journal`);
  }
  return json as Journal;
}

/** Writes the journal atomically. */
export function writeJournal(outDir: string, journal: Journal): void {
  mkdirSync(outDir, { recursive: true });
  const file = journalPath(outDir);
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ ...journal, version: JOURNAL_VERSION })}\n`);
  renameSync(temporary, file);
}

/** The arguments that differ, as `name: journal value → given value`. */
export function argumentDifferences(journaled: RunArguments, given: RunArguments): string[] {
  const differences: string[] = [];
  const compare = (name: string, a: unknown, b: unknown): void => {
    if (a !== b) differences.push(`--${name} ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
  };
  compare("days", journaled.days, given.days);
  compare("seed", journaled.seed, given.seed);
  compare("policy", journaled.policy, given.policy);
  compare("holders", journaled.holders, given.holders);
  if (journaled.scenarioSha256 !== given.scenarioSha256) {
    differences.push(`--scenario ${journaled.scenario} → ${given.scenario} (contents differ)`);
  }
  return differences;
}
