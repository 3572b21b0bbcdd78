/**
 * End to end: a real `hardhat node` on a free loopback port, HashShare deployed to it with Ignition over HTTP
 * JSON-RPC, and the operator and investor tasks driven as a user would (`hardhat --network localhost <task>`),
 * their text and `--json` output checked against the chain; then a table of bad inputs, each checked for its
 * one-line message, its exit code and that no transaction was sent.
 *
 * Run: npx hardhat test mocha e2e/tasks.e2e.ts
 * Against a node started separately: HASHSHARE_E2E_RPC_URL=http://127.0.0.1:8545 npx hardhat test mocha e2e/tasks.e2e.ts
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";

import { formatAmount, parseAmount } from "../src/cli/amount.js";
import { readDeployedAddresses } from "../src/deployment/index.js";
import { closeChain, errorLines, json, openChain, runTask, suiteNodes, warp, type Chain } from "./chain.js";
import { E2E_CONFIG, ROOT, hardhat, removeDeployment, rpc } from "./harness.js";

const ONE_SHARE = 10n ** 18n;
const ONE_USDC = 10n ** 6n;

/** The chain clock's current oracle epoch (UTC day of the latest block). */
async function currentEpoch(chain: Chain): Promise<bigint> {
  const block = await chain.provider.getBlock("latest");
  return BigInt(block!.timestamp) / 86_400n;
}

for (const kind of suiteNodes(["hardhat", "anvil"]))
  describe(`HashShare tasks end to end (${kind} node over JSON-RPC)`, function () {
    this.timeout(900_000);

    let chain: Chain;
    const extraDeployments: string[] = [];
    const tmpDirs: string[] = [];

    /** Runs a HashShare task on `localhost` (the suite's node) and its deployment. */
    function task(args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}) {
      return runTask(chain, args, env);
    }

    before(async function () {
      chain = await openChain(kind, "ignition/parameters/local.json");
    });

    after(async function () {
      await closeChain(chain);
      for (const id of extraDeployments) await removeDeployment(id);
      for (const dir of tmpDirs) await rm(dir, { recursive: true, force: true });
    });

    // Accounts of the local parameters: 0 = admin, minter, distributor, pauser, treasury; 1 = reporter.
    const OPERATOR = 0;
    const REPORTER = 1;
    const ALICE = 5;
    const BOB = 6;
    const OUTSIDER = 7;
    const address = (index: number) => chain.accounts[index]!;

    /** The epoch the flow's report finalized. */
    let reportedEpoch = 0n;

    /** Transaction hashes printed by the flow, checked against the statement. */
    const hashes: Record<string, string> = {};

    describe("help", function () {
      it("every task has --help listing its options", async function () {
        const tasks: Array<[string[], string[]]> = [
          [["pool", "status"], ["--json"]],
          [
            ["pool", "report"],
            ["--epoch", "--hashrate", "--account"],
          ],
          [
            ["pool", "mint"],
            ["--to", "--amount"],
          ],
          [
            ["pool", "deposit"],
            ["--token", "--amount", "--source", "--epoch"],
          ],
          [
            ["pool", "faucet"],
            ["--token", "--to", "--amount"],
          ],
          [["sale", "status"], ["--account"]],
          [
            ["shares", "buy"],
            ["--amount", "--max-cost"],
          ],
          [["shares", "portfolio"], ["--account"]],
          [["shares", "claim"], ["--token"]],
          [
            ["shares", "transfer"],
            ["--to", "--amount"],
          ],
          [["shares", "statement"], ["--out"]],
          [
            ["governance", "schedule", "grant-role"],
            ["--role", "--to", "--account", "--delay"],
          ],
          [
            ["governance", "schedule", "set-max-change-bps"],
            ["--bps", "--delay"],
          ],
          [["governance", "list"], ["--all"]],
          [
            ["governance", "execute"],
            ["--id", "--account"],
          ],
          [["governance", "cancel"], ["--id"]],
        ];
        const results = await Promise.all(tasks.map(([id]) => hardhat([...id, "--help"])));
        results.forEach((result, i) => {
          const [id, options] = tasks[i]!;
          expect(result.code, id.join(" ")).to.equal(0);
          expect(result.stdout).to.include(`Usage: hardhat [GLOBAL OPTIONS] ${id.join(" ")}`);
          for (const option of [...options, "--json"])
            expect(result.stdout, `${id.join(" ")} ${option}`).to.include(option);
        });
        const groups = await Promise.all(["pool", "sale", "shares", "governance"].map((group) => hardhat([group])));
        for (const group of groups) expect(group.stdout).to.include("AVAILABLE SUBTASKS");
      });
    });

    describe("operator and investor flow", function () {
      it("pool status before anything: empty pool, roles from the deployment", async function () {
        const status = json<{
          pool: { totalSupply: string; mintable: string; paused: boolean };
          latestReport: unknown;
          roles: { pool: Record<string, string[]>; oracle: Record<string, string[]> };
          payoutTokens: Array<{ symbol: string; decimals: number; address: string }>;
        }>(await task(["pool", "status", "--json"]));
        expect(status.pool.totalSupply).to.equal("0");
        expect(status.pool.mintable).to.equal("0");
        expect(status.pool.paused).to.equal(false);
        expect(status.latestReport).to.equal(null);
        expect(status.roles.pool.MINTER_ROLE).to.have.members([address(OPERATOR), await chain.sale.getAddress()]);
        expect(status.roles.pool.DISTRIBUTOR_ROLE).to.deep.equal([address(OPERATOR)]);
        expect(status.roles.oracle.REPORTER_ROLE).to.deep.equal([address(REPORTER)]);
        expect(status.payoutTokens.map((t) => [t.symbol, t.decimals, t.address])).to.deep.equal([
          ["WBTC", 8, await chain.wbtc.getAddress()],
          ["USDC", 6, await chain.usdc.getAddress()],
        ]);
      });

      it("pool report finalizes the chain clock's current epoch (quorum 1)", async function () {
        const today = await currentEpoch(chain);
        const report = json<{
          epoch: string;
          finalized: boolean;
          latestReport: { hashrateTHs: string; epoch: string };
          mintable: string;
        }>(await task(["pool", "report", "--hashrate", "1000", "--account", String(REPORTER), "--json"]));
        reportedEpoch = BigInt(report.epoch);
        expect(reportedEpoch).to.be.oneOf([today, today + 1n]); // the report may land just after midnight
        expect(report.finalized).to.equal(true);
        const [hashrate, epoch] = await chain.oracle.latestHashrate(await chain.pool.getAddress());
        expect(report.latestReport).to.deep.equal({ hashrateTHs: hashrate.toString(), epoch: epoch.toString() });
        expect(hashrate).to.equal(1000n);
        expect(parseAmount(report.mintable, 18)).to.equal(await chain.pool.mintableShares());
      });

      it("pool faucet funds the investors and the distributor with mock tokens", async function () {
        // --to takes an address or, on a local chain, an account index (Bob and the operator by index).
        for (const [token, to, amount] of [
          ["usdc", address(ALICE), "100000"],
          ["usdc", String(BOB), "100000"],
          ["wbtc", String(OPERATOR), "100"],
          ["usdc", address(OPERATOR), "1000000"],
        ] as const) {
          const result = json<{ to: string; balance: string }>(
            await task(["pool", "faucet", "--token", token, "--to", to, "--amount", amount, "--json"]),
          );
          expect(result.balance).to.equal(amount);
          expect(result.to).to.equal(/^\d+$/.test(to) ? address(Number(to)) : to);
        }
        expect(await chain.usdc.balanceOf(address(ALICE))).to.equal(100_000n * ONE_USDC);
      });

      it("shares buy quotes, approves and buys (--json), matching the chain", async function () {
        const treasuryBefore = await chain.usdc.balanceOf(address(OPERATOR));
        const quote = await chain.sale.quote(100n * ONE_SHARE);
        const bought = json<{
          shares: string;
          cost: string;
          balance: string;
          approveTxHash: string | null;
          txHash: string;
        }>(await task(["shares", "buy", "--amount", "100", "--account", String(ALICE), "--json"]));
        expect(bought.shares).to.equal("100");
        expect(bought.cost).to.equal(formatAmount(quote, 6));
        expect(bought.approveTxHash).to.match(/^0x[0-9a-f]{64}$/);
        expect(await chain.pool.balanceOf(address(ALICE))).to.equal(100n * ONE_SHARE);
        expect(bought.balance).to.equal("100");
        expect((await chain.usdc.balanceOf(address(OPERATOR))) - treasuryBefore).to.equal(quote);
        const receipt = await chain.provider.getTransactionReceipt(bought.txHash);
        expect(receipt?.status).to.equal(1);
      });

      it("shares buy prints a readable summary", async function () {
        const result = await task([
          "shares",
          "buy",
          "--amount",
          "50.5",
          "--max-cost",
          "3000",
          "--account",
          String(BOB),
        ]);
        expect(result.code, result.stderr).to.equal(0);
        const cost = formatAmount(await chain.sale.quote(505n * 10n ** 17n), 6);
        expect(result.stdout).to.include(`Bought 50.5 HSP1 for ${cost} USDC.`);
        expect(await chain.pool.balanceOf(address(BOB))).to.equal(505n * 10n ** 17n);
      });

      it("pool mint mints within the backing", async function () {
        const minted = json<{ amount: string; balance: string; totalSupply: string }>(
          await task(["pool", "mint", "--to", address(ALICE).toLowerCase(), "--amount", "0.5", "--json"]),
        );
        expect(minted.amount).to.equal("0.5");
        expect(parseAmount(minted.balance, 18)).to.equal(await chain.pool.balanceOf(address(ALICE)));
        expect(parseAmount(minted.totalSupply, 18)).to.equal(await chain.pool.totalSupply());
        expect(await chain.pool.totalSupply()).to.equal(151n * ONE_SHARE);
      });

      it("pool deposit funds an epoch per token and source (approving as needed)", async function () {
        const wbtc = json<{ credited: string; source: string; epoch: string; txHash: string }>(
          await task([
            "pool",
            "deposit",
            "--token",
            "wbtc",
            "--amount",
            "1.5",
            "--source",
            "mining",
            "--epoch",
            "1",
            "--json",
          ]),
        );
        expect(wbtc).to.include({ credited: "1.5", source: "mining", epoch: "1" });
        hashes.wbtc1 = wbtc.txHash;
        const usdcAddress = await chain.usdc.getAddress();
        const usdc = await task([
          "pool",
          "deposit",
          "--token",
          usdcAddress,
          "--amount",
          "3000",
          "--source",
          "ai",
          "--epoch",
          "1",
        ]);
        expect(usdc.code, usdc.stderr).to.equal(0);
        expect(usdc.stdout).to.include("Deposited 3000 USDC of ai revenue for epoch 1.");
        expect(await chain.pool.totalDeposited(await chain.wbtc.getAddress())).to.equal(150_000_000n);
        expect(await chain.pool.revenueBySource(await chain.wbtc.getAddress(), 0)).to.equal(150_000_000n);
        expect(await chain.pool.revenueBySource(usdcAddress, 1)).to.equal(3000n * ONE_USDC);
        expect(await chain.pool.isEpochFunded(usdcAddress, 1, 1)).to.equal(true);
      });

      it("shares portfolio shows balance, share of supply and claimable per token and source", async function () {
        const portfolio = json<{
          balance: string;
          shareOfSupplyPercent: string;
          tokens: Array<{
            symbol: string;
            claimable: string;
            claimableBySource: { mining: string; ai: string };
            lifetimeReceived: string;
            historyMatchesContract: boolean;
          }>;
          perSourceExact: boolean;
        }>(await task(["shares", "portfolio", "--account", String(ALICE), "--json"]));
        expect(portfolio.balance).to.equal("100.5");
        expect(portfolio.shareOfSupplyPercent).to.equal("66.5562"); // 100.5 / 151, rounded down
        const [wbtc, usdc] = portfolio.tokens;
        const claimableWbtc = await chain.pool.claimable(address(ALICE), await chain.wbtc.getAddress());
        const claimableUsdc = await chain.pool.claimable(address(ALICE), await chain.usdc.getAddress());
        expect(parseAmount(wbtc!.claimable, 8, { allowZero: true })).to.equal(claimableWbtc);
        expect(parseAmount(usdc!.claimable, 6, { allowZero: true })).to.equal(claimableUsdc);
        expect(wbtc!.claimableBySource).to.deep.equal({ mining: wbtc!.claimable, ai: "0" });
        expect(usdc!.claimableBySource).to.deep.equal({ mining: "0", ai: usdc!.claimable });
        const proRata = (150_000_000n * 1005n) / 1510n; // 1.5 WBTC × 100.5 / 151, rounded down
        expect(proRata - claimableWbtc <= 1n && claimableWbtc <= proRata).to.equal(true);
        expect(portfolio.perSourceExact).to.equal(true);

        const text = await task(["shares", "portfolio", "--account", address(ALICE)]);
        expect(text.stdout).to.include("shares:            100.5 HSP1");
        expect(text.stdout).to.match(new RegExp(`WBTC\\s+${wbtc!.claimable.replace(".", "\\.")}\\s`));
      });

      it("shares transfer moves shares and keeps accrued revenue with the sender", async function () {
        const claimableBefore = await chain.pool.claimable(address(ALICE), await chain.wbtc.getAddress());
        const moved = json<{ fromBalance: string; toBalance: string }>(
          await task([
            "shares",
            "transfer",
            "--to",
            String(BOB),
            "--amount",
            "10",
            "--account",
            String(ALICE),
            "--json",
          ]),
        );
        expect(moved).to.include({ fromBalance: "90.5", toBalance: "60.5" });
        expect(await chain.pool.balanceOf(address(BOB))).to.equal(605n * 10n ** 17n);
        expect(await chain.pool.claimable(address(ALICE), await chain.wbtc.getAddress())).to.equal(claimableBefore);
        const wbtc2 = json<{ txHash: string }>(
          await task([
            "pool",
            "deposit",
            "--token",
            "WBTC",
            "--amount",
            "0.302",
            "--source",
            "ai",
            "--epoch",
            "2",
            "--json",
          ]),
        );
        hashes.wbtc2 = wbtc2.txHash;
      });

      it("shares claim --token claims one token; shares claim claims all", async function () {
        const wbtcAddress = await chain.wbtc.getAddress();
        const due = await chain.pool.claimable(address(ALICE), wbtcAddress);
        const claimed = json<{ claims: Array<{ token: string; claimed: string }>; txHash: string }>(
          await task(["shares", "claim", "--token", "wbtc", "--account", String(ALICE), "--json"]),
        );
        expect(claimed.claims).to.deep.equal([{ token: "WBTC", address: wbtcAddress, claimed: formatAmount(due, 8) }]);
        expect(await chain.wbtc.balanceOf(address(ALICE))).to.equal(due);
        expect(await chain.pool.claimable(address(ALICE), wbtcAddress)).to.equal(0n);
        expect(await chain.pool.claimable(address(ALICE), await chain.usdc.getAddress())).to.be.greaterThan(0n);
        hashes.aliceClaim = claimed.txHash;

        const bobUsdc = await chain.pool.claimable(address(BOB), await chain.usdc.getAddress());
        const all = await task(["shares", "claim", "--account", String(BOB)]);
        expect(all.code, all.stderr).to.equal(0);
        expect(all.stdout).to.include(`USDC:        ${formatAmount(bobUsdc, 6)}`);
        expect(await chain.pool.claimable(address(BOB), wbtcAddress)).to.equal(0n);
        expect(await chain.usdc.balanceOf(address(BOB))).to.equal(
          100_000n * ONE_USDC - (await chain.sale.quote(505n * 10n ** 17n)) + bobUsdc,
        );

        const nothing = await task(["shares", "claim", "--account", String(BOB)]);
        expect(nothing.code).to.equal(0);
        expect(nothing.stdout).to.include("Nothing to claim");
      });

      it("shares statement writes a CSV of every accrual and claim, built from events", async function () {
        const dir = await mkdtemp(path.join(tmpdir(), "hashshare-e2e-"));
        tmpDirs.push(dir);
        const file = path.join(dir, "alice.csv");
        const written = await task(["shares", "statement", "--account", String(ALICE), "--out", file]);
        expect(written.code, written.stderr).to.equal(0);
        expect(written.stdout).to.match(/^Wrote 5 rows \(3 accruals, 1 claims\)/);
        const lines = (await readFile(file, "utf8")).trimEnd().split("\n");
        expect(lines[0]).to.equal("date,block,type,epoch,source,token,amount,tx_hash");
        const rows = lines.slice(1).map((line) => line.split(","));
        expect(rows.map((r) => [r[2], r[3], r[4], r[5]])).to.deep.equal([
          ["accrual", "1", "mining", "WBTC"],
          ["accrual", "1", "ai", "USDC"],
          ["accrual", "2", "ai", "WBTC"],
          ["claim", "1", "mining", "WBTC"],
          ["claim", "2", "ai", "WBTC"],
        ]);
        expect(rows[0]![7]).to.equal(hashes.wbtc1);
        expect(rows[2]![7]).to.equal(hashes.wbtc2);
        expect(rows[3]![7]).to.equal(hashes.aliceClaim);
        expect(rows[4]![7]).to.equal(hashes.aliceClaim);
        // WBTC accruals add up to exactly what was claimed (nothing is left claimable in WBTC).
        const wbtcAccrued = rows
          .filter((r) => r[2] === "accrual" && r[5] === "WBTC")
          .reduce((s, r) => s + parseAmount(r[6]!, 8), 0n);
        const wbtcClaimed = rows
          .filter((r) => r[2] === "claim" && r[5] === "WBTC")
          .reduce((s, r) => s + parseAmount(r[6]!, 8), 0n);
        expect(wbtcAccrued).to.equal(wbtcClaimed);
        expect(wbtcClaimed).to.equal(await chain.wbtc.balanceOf(address(ALICE)));

        const asJson = json<{ rows: Array<{ type: string; txHash: string }> }>(
          await task(["shares", "statement", "--account", address(ALICE), "--json"]),
        );
        expect(asJson.rows.map((r) => r.txHash)).to.deep.equal(rows.map((r) => r[7]));
      });

      it("pool status and sale status agree with the chain after the flow", async function () {
        const status = json<{
          pool: { totalSupply: string };
          latestReport: { hashrateTHs: string; epoch: string; fresh: boolean };
          payoutTokens: Array<{
            symbol: string;
            totalDeposited: string;
            totalClaimed: string;
            depositedBySource: Record<string, string>;
          }>;
        }>(await task(["pool", "status", "--json"]));
        expect(status.pool.totalSupply).to.equal("151");
        expect(status.latestReport).to.include({ hashrateTHs: "1000", epoch: String(reportedEpoch), fresh: true });
        const wbtcAddress = await chain.wbtc.getAddress();
        expect(status.payoutTokens[0]).to.deep.include({
          symbol: "WBTC",
          totalDeposited: "1.802",
          totalClaimed: formatAmount(await chain.pool.totalClaimed(wbtcAddress), 8),
          depositedBySource: { mining: "1.5", ai: "0.302" },
        });
        const sale = json<{ state: string; totalSold: string; buyer: { purchased: string; remaining: string } }>(
          await task(["sale", "status", "--account", String(ALICE), "--json"]),
        );
        expect(sale.state).to.equal("open");
        expect(sale.totalSold).to.equal("150.5");
        expect(sale.buyer.purchased).to.equal("100");
        expect(parseAmount(sale.buyer.remaining, 18)).to.equal(await chain.sale.remainingForBuyer(address(ALICE)));
      });
    });

    describe("bad input never reaches the chain", function () {
      interface BadCase {
        name: string;
        args: string[];
        /** The one line printed on stderr. */
        message: RegExp;
        env?: Record<string, string | undefined>;
        /** Runs before the command (e.g. to craft a deployment folder). */
        setup?: () => Promise<void>;
        /** The account whose nonce must not move. */
        sender: number;
      }

      /** Bob's address with the case of one hex letter flipped: a checksum typo. */
      const badChecksum = () => {
        const a = address(BOB);
        const i = 2 + a.slice(2).search(/[a-fA-F]/);
        const c = a[i]!;
        return `${a.slice(0, i)}${c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()}${a.slice(i + 1)}`;
      };

      const cases = (): BadCase[] => [
        {
          name: "negative amount",
          args: ["shares", "buy", "--amount", "-1"],
          message: /^Error: --amount must not be negative: -1$/,
          sender: ALICE,
        },
        {
          name: "over-precise shares",
          args: ["shares", "buy", "--amount", "1.0000000000000000001", "--account", String(ALICE)],
          message: /^Error: --amount 1\.0000000000000000001 has 19 decimals but the token has only 18$/,
          sender: ALICE,
        },
        {
          name: "over-precise WBTC",
          args: ["pool", "deposit", "--token", "wbtc", "--amount", "0.123456789", "--source", "mining", "--epoch", "9"],
          message: /^Error: --amount 0\.123456789 has 9 decimals but the token has only 8$/,
          sender: OPERATOR,
        },
        {
          name: "malformed amount",
          args: ["shares", "transfer", "--to", address(BOB), "--amount", "1e3"],
          message: /^Error: --amount "1e3" is not a decimal number \(write it like 1\.5\)$/,
          sender: OPERATOR,
        },
        {
          name: "zero amount",
          args: ["pool", "mint", "--to", address(BOB), "--amount", "0"],
          message: /^Error: --amount must be greater than zero$/,
          sender: OPERATOR,
        },
        {
          name: "malformed address",
          args: ["shares", "transfer", "--to", "0x1234", "--amount", "1", "--account", String(ALICE)],
          message: /^Error: --to "0x1234" is not an address \(expected 0x followed by 40 hex digits\)$/,
          sender: ALICE,
        },
        {
          name: "--to neither an address nor an index",
          args: ["pool", "mint", "--to", "bob", "--amount", "1"],
          message: /^Error: --to "bob" is not an account index or an address$/,
          sender: OPERATOR,
        },
        {
          name: "--to index out of range (mint)",
          args: ["pool", "mint", "--to", "99", "--amount", "1"],
          message: new RegExp(
            `^Error: unknown account --to 99: network localhost has ${chain.accounts.length} accounts \\(0 to ${chain.accounts.length - 1}\\)$`,
          ),
          sender: OPERATOR,
        },
        {
          name: "--to index out of range (transfer)",
          args: ["shares", "transfer", "--to", "99", "--amount", "1", "--account", String(ALICE)],
          message: /^Error: unknown account --to 99: network localhost has \d+ accounts \(0 to \d+\)$/,
          sender: ALICE,
        },
        {
          name: "--to index out of range (faucet)",
          args: ["pool", "faucet", "--token", "usdc", "--to", "99", "--amount", "1"],
          message: /^Error: unknown account --to 99: network localhost has \d+ accounts \(0 to \d+\)$/,
          sender: OPERATOR,
        },
        {
          name: "--to missing",
          args: ["shares", "transfer", "--amount", "1", "--account", String(ALICE)],
          message: /^Error: --to is missing: give an address or, on local networks, an account index$/,
          sender: ALICE,
        },
        {
          name: "bad checksum",
          args: ["shares", "transfer", "--to", badChecksum(), "--amount", "1", "--account", String(ALICE)],
          message: /^Error: --to 0x[0-9a-fA-F]{40} has an invalid checksum/,
          sender: ALICE,
        },
        {
          name: "zero address",
          args: ["pool", "mint", "--to", `0x${"0".repeat(40)}`, "--amount", "1"],
          message: /^Error: --to must not be the zero address$/,
          sender: OPERATOR,
        },
        {
          name: "more than the balance",
          args: ["shares", "transfer", "--to", address(BOB), "--amount", "90.6", "--account", String(ALICE)],
          message: /^Error: --amount 90\.6 is more than the balance of 0x[0-9a-fA-F]{40}: 90\.5 HSP1$/,
          sender: ALICE,
        },
        {
          name: "more than the backing (mint)",
          args: ["pool", "mint", "--to", address(BOB), "--amount", "850"],
          message: /^Error: --amount 850 exceeds the hashrate backing: only 849 HSP1 can be minted$/,
          sender: OPERATOR,
        },
        {
          name: "more than the backing (buy)",
          args: ["shares", "buy", "--amount", "849.000000000000000001", "--account", String(BOB)],
          message:
            /^Error: --amount 849\.000000000000000001 exceeds the hashrate backing: only 849 HSP1 can be minted$/,
          sender: BOB,
        },
        {
          name: "above the buyer cap",
          args: ["shares", "buy", "--amount", "1000000", "--account", String(ALICE)],
          message: /^Error: --amount 1000000 exceeds the buyer cap: 0x[0-9a-fA-F]{40} may buy 999900 HSP1 more$/,
          sender: ALICE,
        },
        {
          name: "cost above --max-cost",
          args: ["shares", "buy", "--amount", "1", "--max-cost", "49.999999", "--account", String(ALICE)],
          message: /^Error: the cost 50 USDC is above --max-cost 49\.999999 USDC$/,
          sender: ALICE,
        },
        {
          name: "payment balance too low",
          args: ["shares", "buy", "--amount", "1", "--account", String(OUTSIDER)],
          message: /^Error: the cost 50 USDC is more than the balance of 0x[0-9a-fA-F]{40}: 0 USDC$/,
          sender: OUTSIDER,
        },
        {
          name: "unknown token",
          args: ["pool", "deposit", "--token", "doge", "--amount", "1", "--source", "mining", "--epoch", "9"],
          message:
            /^Error: unknown token --token doge: the pool pays in wbtc \(0x[0-9a-fA-F]{40}\), usdc \(0x[0-9a-fA-F]{40}\)$/,
          sender: OPERATOR,
        },
        {
          name: "unknown token address",
          args: ["shares", "claim", "--token", address(OUTSIDER), "--account", String(ALICE)],
          message: /^Error: unknown token --token 0x[0-9a-fA-F]{40}: the pool pays in/,
          sender: ALICE,
        },
        {
          name: "unknown source",
          args: ["pool", "deposit", "--token", "wbtc", "--amount", "1", "--source", "solar", "--epoch", "9"],
          message: /^Error: unknown revenue --source "solar": use mining or ai$/,
          sender: OPERATOR,
        },
        {
          name: "epoch already funded",
          args: ["pool", "deposit", "--token", "wbtc", "--amount", "1", "--source", "mining", "--epoch", "1"],
          message: /^Error: epoch 1 of mining revenue in WBTC is already funded$/,
          sender: OPERATOR,
        },
        {
          name: "deposit above the distributor's balance",
          args: ["pool", "deposit", "--token", "wbtc", "--amount", "1000", "--source", "mining", "--epoch", "9"],
          message: /^Error: --amount 1000 WBTC is more than the balance of 0x[0-9a-fA-F]{40}: 98\.198 WBTC$/,
          sender: OPERATOR,
        },
        {
          name: "negative epoch",
          args: ["pool", "report", "--epoch", "-3", "--hashrate", "10", "--account", String(REPORTER)],
          message: /^Error: --epoch must not be negative: -3$/,
          sender: REPORTER,
        },
        {
          name: "epoch not after the latest",
          args: ["pool", "report", "--epoch", String(reportedEpoch), "--hashrate", "10", "--account", String(REPORTER)],
          message: new RegExp(
            `^Error: epoch ${reportedEpoch} is not after the latest finalized epoch ${reportedEpoch}: the next report is for epoch ${reportedEpoch + 1n}$`,
          ),
          sender: REPORTER,
        },
        {
          name: "epoch not current (clock-bound epochs)",
          args: ["pool", "report", "--epoch", "1", "--hashrate", "10", "--account", String(REPORTER)],
          message:
            /^Error: --epoch 1 is not the current epoch: the oracle takes reports for epoch \d+ \(\d{4}-\d\d-\d\d, today on the chain's clock\) or \d+ \(yesterday\) only; leave --epoch out to report today$/,
          sender: REPORTER,
        },
        {
          name: "reporter without the role",
          args: ["pool", "report", "--hashrate", "10", "--account", String(OUTSIDER)],
          message: /^Error: account 0x[0-9a-fA-F]{40} is not a reporter \(it lacks REPORTER_ROLE on the oracle\)$/,
          sender: OUTSIDER,
        },
        {
          name: "minter without the role",
          args: ["pool", "mint", "--to", address(BOB), "--amount", "1", "--account", String(OUTSIDER)],
          message: /^Error: account 0x[0-9a-fA-F]{40} is not a minter \(it lacks MINTER_ROLE on the pool\)$/,
          sender: OUTSIDER,
        },
        {
          name: "unknown account index",
          args: ["shares", "claim", "--account", "99"],
          // hardhat node has 20 accounts, anvil 10: the message names what the node has.
          message: new RegExp(
            `^Error: unknown account --account 99: network localhost has ${chain.accounts.length} accounts \\(0 to ${chain.accounts.length - 1}\\)$`,
          ),
          sender: OPERATOR,
        },
        {
          name: "malformed account",
          args: ["shares", "claim", "--account", "alice"],
          message: /^Error: --account "alice" is not an account index or an address$/,
          sender: OPERATOR,
        },
        {
          name: "unreachable RPC",
          args: ["pool", "status"],
          env: { HASHSHARE_E2E_RPC_URL: "http://127.0.0.1:9" },
          message: /^Error: cannot reach the JSON-RPC node of network localhost \(start one with: npx hardhat node\)$/,
          sender: OPERATOR,
        },
        {
          name: "missing deployment",
          args: ["shares", "claim"],
          env: { HASHSHARE_DEPLOYMENT_ID: "e2e-never-deployed" },
          message:
            /^Error: no HashShare deployment for network localhost \(chain 31337\) in ignition\/deployments\/e2e-never-deployed: deploy with: npx hardhat ignition deploy ignition\/modules\/HashShareLocal\.ts --network localhost --parameters ignition\/parameters\/local\.json$/,
          sender: OPERATOR,
        },
        {
          name: "wrong chain",
          args: ["shares", "claim"],
          env: { HASHSHARE_DEPLOYMENT_ID: `${chain.deploymentId}-sepolia` },
          setup: () => fakeDeployment(`${chain.deploymentId}-sepolia`, 11155111, true),
          message:
            /^Error: wrong chain: deployment e2e-[\w-]+-sepolia was made on chain 11155111 but network localhost is chain 31337$/,
          sender: OPERATOR,
        },
        {
          name: "stale deployment (no code)",
          args: ["pool", "status"],
          env: { HASHSHARE_DEPLOYMENT_ID: `${chain.deploymentId}-stale` },
          setup: () => fakeDeployment(`${chain.deploymentId}-stale`, 31337, false),
          message:
            /^Error: no oracle contract at 0x[0-9a-fA-F]{40} on network localhost \(chain 31337\): deployment e2e-[\w-]+-stale is stale/,
          sender: OPERATOR,
        },
        {
          name: "remote network without its variables",
          args: ["shares", "claim"],
          env: { HASHSHARE_RPC_URL: undefined, HASHSHARE_PRIVATE_KEY: undefined },
          message:
            /^Error: network remote needs the variable HASHSHARE_(RPC_URL|PRIVATE_KEY): set it in \.env or the environment \(see \.env\.example\)$/,
          sender: OPERATOR,
        },
        {
          name: "remote network: index accounts are local only",
          args: ["shares", "claim", "--account", "3"],
          env: {
            HASHSHARE_RPC_URL: chain.url,
            HASHSHARE_PRIVATE_KEY: "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
          },
          message:
            /^Error: --account 3: accounts are chosen by index only on local networks; network remote signs with HASHSHARE_PRIVATE_KEY \(--account 0\)$/,
          sender: 3,
        },
        {
          name: "remote network: --to indexes are local only",
          args: ["shares", "transfer", "--to", "3", "--amount", "1"],
          env: {
            HASHSHARE_RPC_URL: chain.url,
            HASHSHARE_PRIVATE_KEY: "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
          },
          message: /^Error: --to 3: account indexes work only on local networks; network remote needs an address$/,
          sender: 3,
        },
        {
          name: "remote network: malformed private key",
          args: ["pool", "status"],
          env: { HASHSHARE_RPC_URL: chain.url, HASHSHARE_PRIVATE_KEY: "0x1234" },
          message:
            /^Error: network remote: HASHSHARE_PRIVATE_KEY is not a valid private key \(expected 0x and 64 hex digits\)$/,
          sender: OPERATOR,
        },
      ];

      /**
       * A copy of the suite's Ignition deployment folder (journal, addresses, artifacts), as if recorded on `chainId`,
       * with the real addresses or, when `realAddresses` is false, addresses that hold no code.
       */
      async function fakeDeployment(id: string, chainId: number, realAddresses: boolean): Promise<void> {
        extraDeployments.push(id);
        const source = path.join(ROOT, "ignition", "deployments", chain.deploymentId);
        const dir = path.join(ROOT, "ignition", "deployments", id);
        await cp(source, dir, { recursive: true });
        const real = Object.values(await readDeployedAddresses(source));
        const fakeAddress = (i: number) => (0xdead00 + i).toString(16).padStart(40, "0");
        const rewrite = (text: string) =>
          real.reduce(
            (out, address, i) =>
              realAddresses ? out : out.replace(new RegExp(address.slice(2), "gi"), fakeAddress(i)),
            text
              .split("\n")
              .map((line) => {
                if (!line.includes('"DEPLOYMENT_INITIALIZE"')) return line;
                return JSON.stringify({ ...(JSON.parse(line) as object), chainId });
              })
              .join("\n"),
          );
        for (const file of ["journal.jsonl", "deployed_addresses.json"]) {
          await writeFile(path.join(dir, file), rewrite(await readFile(path.join(dir, file), "utf8")));
        }
      }

      it("each bad input gets its one-line error, exit code 1, and no transaction", async function () {
        const all = cases();
        const failures: string[] = [];
        // Three at a time: none of them may mine a block, so a shared block-number check still catches any that does.
        for (let i = 0; i < all.length; i += 3) {
          const batch = all.slice(i, i + 3);
          await Promise.all(batch.map((c) => c.setup?.()));
          const blockBefore = await chain.provider.getBlockNumber();
          const noncesBefore = await Promise.all(
            batch.map((c) => chain.provider.getTransactionCount(address(c.sender))),
          );
          const results = await Promise.all(
            batch.map((c) =>
              c.name.startsWith("remote")
                ? hardhat(["--config", E2E_CONFIG, "--network", "remote", ...c.args], {
                    HASHSHARE_DEPLOYMENT_ID: chain.deploymentId,
                    ...c.env,
                  })
                : task(c.args, c.env),
            ),
          );
          const noncesAfter = await Promise.all(
            batch.map((c) => chain.provider.getTransactionCount(address(c.sender))),
          );
          const blockAfter = await chain.provider.getBlockNumber();
          batch.forEach((c, j) => {
            const result = results[j]!;
            const lines = errorLines(result);
            if (result.code !== 1)
              failures.push(`${c.name}: exit code ${result.code}\n${result.stdout}${result.stderr}`);
            else if (lines.length !== 1) failures.push(`${c.name}: expected one stderr line, got:\n${result.stderr}`);
            else if (!c.message.test(lines[0]!)) failures.push(`${c.name}: unexpected message: ${lines[0]}`);
            if (result.stderr.includes("    at ")) failures.push(`${c.name}: printed a stack trace`);
            if (noncesAfter[j] !== noncesBefore[j]) failures.push(`${c.name}: the sender's nonce moved`);
          });
          if (blockAfter !== blockBefore)
            failures.push(`batch ${batch.map((c) => c.name).join(", ")}: a block was mined`);
        }
        expect(failures, failures.join("\n\n")).to.deep.equal([]);
      });

      it("--json errors are JSON on stdout too", async function () {
        const result = await task(["shares", "buy", "--amount", "-1", "--json"]);
        expect(result.code).to.equal(1);
        expect(JSON.parse(result.stdout)).to.deep.equal({ error: "--amount must not be negative: -1" });
      });

      it("a revert that passes every check is decoded to its custom error, and nothing is mined", async function () {
        // The deployment bounds the pool's reports to ±50% a day (local.json's maxChangeBps): the next day, a report of
        // 5000 TH/s after 1000 reverts on-chain.
        await warp(chain, 86_400);
        const block = await chain.provider.getBlockNumber();
        const nonce = await chain.provider.getTransactionCount(address(REPORTER));
        const result = await task(["pool", "report", "--hashrate", "5000", "--account", String(REPORTER)]);
        expect(result.code).to.equal(1);
        expect(errorLines(result)).to.deep.equal(["Error: report reverted: HashrateChangeTooLarge(1000, 5000)"]);
        expect(await chain.provider.getBlockNumber()).to.equal(block);
        expect(await chain.provider.getTransactionCount(address(REPORTER))).to.equal(nonce);
      });

      it("a closed sale is refused before anything is sent", async function () {
        const end = await chain.sale.endTime();
        await rpc(chain.url, "evm_setNextBlockTimestamp", [Number(end) + 1]);
        await rpc(chain.url, "evm_mine");
        const block = await chain.provider.getBlockNumber();
        const result = await task(["shares", "buy", "--amount", "1", "--account", String(ALICE)]);
        expect(result.code).to.equal(1);
        expect(errorLines(result)).to.deep.equal(["Error: the sale is closed: it ended at 2100-01-01T00:00:00Z"]);
        expect(await chain.provider.getBlockNumber()).to.equal(block);
        const status = json<{ state: string }>(await task(["sale", "status", "--json"]));
        expect(status.state).to.equal("closed");
      });
    });
  });
