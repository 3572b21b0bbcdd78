import { defineConfig } from "hardhat/config";

import projectConfig from "../hardhat.config.js";

/**
 * The project's config with `localhost` pointed at the end-to-end node: HASHSHARE_E2E_RPC_URL (set by the e2e
 * suite to the port it started `hardhat node` on), default http://127.0.0.1:8545. Used as
 * `npx hardhat --config e2e/hardhat.config.ts --network localhost …`; the project root (artifacts, ignition/) is
 * the same as the project's.
 */
export default defineConfig({
  ...projectConfig,
  networks: {
    ...projectConfig.networks,
    localhost: {
      type: "http",
      chainType: "l1",
      url: process.env.HASHSHARE_E2E_RPC_URL ?? "http://127.0.0.1:8545",
    },
  },
});
