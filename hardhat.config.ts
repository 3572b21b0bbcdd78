import { fileURLToPath } from "node:url";

import hardhatToolboxMochaEthersPlugin from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import "dotenv/config";
import { configVariable, defineConfig } from "hardhat/config";
import hardhatIgnoreWarningsPlugin from "hardhat-ignore-warnings";

import { hashShareTasks } from "./tasks/index.js";

const solcPath = fileURLToPath(import.meta.resolve("solc/soljson.js"));
const compiler = {
  version: "0.8.37",
  path: solcPath,
  settings: {
    evmVersion: "cancun",
    optimizer: { enabled: true, runs: 10_000 },
  },
};

export default defineConfig({
  plugins: [hardhatToolboxMochaEthersPlugin, hardhatIgnoreWarningsPlugin],
  tasks: hashShareTasks,
  solidity: {
    profiles: {
      default: compiler,
      production: compiler,
    },
  },
  // Only the transient-storage warning is silenced, as in OpenZeppelin's own config: OpenZeppelin's
  // ReentrancyGuardTransient writes its lock with `tstore` and clears it at the end of every guarded call. Every other
  // warning stays a warning, which `npm run build:strict` turns into a failure.
  warnings: {
    "*": { "transient-storage": false },
  },
  paths: {
    tests: { mocha: "test", solidity: "test" },
  },
  coverage: {
    skipFiles: ["contracts/mocks/**", "contracts/bench/**", "test/**"],
  },
  test: {
    solidity: {
      profiles: {
        default: {
          fuzz: { runs: 256, seed: "0x4841534853484152" },
          invariant: { runs: 32, depth: 64, failOnRevert: false },
        },
        ci: {
          fuzz: { runs: 5_000, seed: "0x4841534853484152" },
          invariant: { runs: 256, depth: 128, failOnRevert: false },
        },
      },
    },
  },
  typechain: {
    outDir: "typechain-types",
  },
  networks: {
    localhost: {
      type: "http",
      chainType: "l1",
      url: "http://127.0.0.1:8545",
    },
    remote: {
      type: "http",
      chainType: "l1",
      url: configVariable("HASHSHARE_RPC_URL"),
      accounts: [configVariable("HASHSHARE_PRIVATE_KEY")],
    },
  },
});
