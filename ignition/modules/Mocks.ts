import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * Local-chain stand-ins for the payout tokens: `MockWBTC` (8 decimals) and `MockUSDC` (6 decimals), both with an
 * open faucet. Never deploy this module to a public network.
 *
 * Future IDs: `Mocks#MockWBTC`, `Mocks#MockUSDC`.
 */
export default buildModule("Mocks", (m) => {
  const mockWBTC = m.contract("MockWBTC");
  const mockUSDC = m.contract("MockUSDC");
  return { mockWBTC, mockUSDC };
});
