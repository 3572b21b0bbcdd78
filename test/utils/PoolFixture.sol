// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {HashrateOracle} from "../../contracts/HashrateOracle.sol";
import {MiningPoolShare} from "../../contracts/MiningPoolShare.sol";
import {MockERC20} from "../../contracts/mocks/MockERC20.sol";

import {TestBase} from "./TestBase.sol";
import {Vm, VM_ADDRESS} from "./Vm.sol";

/// @dev One share (1e18 base units) per TH/s, as on the local chain.
uint256 constant SHARES_PER_THS = 1e18;
uint64 constant MAX_REPORT_AGE = 1 days;
/// @dev Backing cap of the fuzzed pools: 1e9 TH/s backs 1e27 share base units.
uint256 constant MAX_HASHRATE_THS = 1e9;
uint256 constant MAX_SUPPLY = MAX_HASHRATE_THS * SHARES_PER_THS;
uint256 constant START_TIME = 1_700_000_000;

address constant ADMIN = address(0xAD);
address constant MINTER = address(0x1111);
address constant DISTRIBUTOR = address(0x2222);
address constant PAUSER = address(0x3333);
address constant REPORTER = address(0x4444);

/// @notice Takes every role away for good, as INV-7 assumes the worst: the admin revokes the minter, the distributor,
/// the pauser and the reporter, then renounces its own role on the pool and on the oracle (which moves the clock
/// past the admin delay).
function revokeEveryRole(MiningPoolShare pool, HashrateOracle oracle) {
    Vm cheats = Vm(VM_ADDRESS);
    cheats.startPrank(ADMIN);
    pool.revokeRole(pool.MINTER_ROLE(), MINTER);
    pool.revokeRole(pool.DISTRIBUTOR_ROLE(), DISTRIBUTOR);
    pool.revokeRole(pool.PAUSER_ROLE(), PAUSER);
    oracle.revokeRole(oracle.REPORTER_ROLE(), REPORTER);
    // The admin role is renounced in two steps, the second after `defaultAdminDelay()` (AccessControlDefaultAdminRules).
    pool.beginDefaultAdminTransfer(address(0));
    oracle.beginDefaultAdminTransfer(address(0));
    cheats.warp(block.timestamp + pool.defaultAdminDelay() + 1);
    pool.renounceRole(pool.DEFAULT_ADMIN_ROLE(), ADMIN);
    oracle.renounceRole(oracle.DEFAULT_ADMIN_ROLE(), ADMIN);
    cheats.stopPrank();
}

/// @title PoolFixture
/// @notice Deploys an oracle (quorum 1), an 8-decimal and a 6-decimal payout token and a two-token pool, with every
/// operational role on its own address, the way the deploy modules wire them.
abstract contract PoolFixture is TestBase {
    HashrateOracle internal oracle;
    MiningPoolShare internal pool;
    MockERC20 internal wbtc;
    MockERC20 internal usdc;
    IERC20[] internal payout;

    function _deployPool() internal {
        vm.warp(START_TIME);
        oracle = new HashrateOracle(ADMIN, 1);
        wbtc = new MockERC20("Wrapped BTC", "WBTC", 8);
        usdc = new MockERC20("USD Coin", "USDC", 6);
        payout.push(IERC20(address(wbtc)));
        payout.push(IERC20(address(usdc)));
        pool = new MiningPoolShare("HashShare Pool", "HSP", ADMIN, oracle, SHARES_PER_THS, MAX_REPORT_AGE, payout);

        vm.startPrank(ADMIN);
        oracle.grantRole(oracle.REPORTER_ROLE(), REPORTER);
        pool.grantRole(pool.MINTER_ROLE(), MINTER);
        pool.grantRole(pool.DISTRIBUTOR_ROLE(), DISTRIBUTOR);
        pool.grantRole(pool.PAUSER_ROLE(), PAUSER);
        vm.stopPrank();

        vm.label(address(oracle), "oracle");
        vm.label(address(pool), "pool");
        vm.label(address(wbtc), "WBTC");
        vm.label(address(usdc), "USDC");
    }

    /// @notice Finalizes a new report (quorum 1) for the pool at the current clock epoch, first moving the clock to
    /// the start of the next epoch when the current one is already finalized.
    function _report(uint256 hashrateTHs) internal virtual {
        uint64 epoch = oracle.currentEpoch();
        (, uint64 latest, uint64 updatedAt) = oracle.latestHashrate(address(pool));
        if (updatedAt != 0 && epoch <= latest) {
            epoch = latest + 1;
            vm.warp(uint256(epoch) * oracle.EPOCH_SECONDS());
        }
        vm.prank(REPORTER);
        oracle.reportHashrate(address(pool), epoch, hashrateTHs);
    }

    /// @notice Reports enough hashrate to back the current supply plus `shares`, then mints them to `to`.
    function _reportAndMint(address to, uint256 shares) internal {
        uint256 needed = pool.totalSupply() + shares;
        _report((needed + SHARES_PER_THS - 1) / SHARES_PER_THS);
        vm.prank(MINTER);
        pool.mint(to, shares);
    }

    /// @notice Faucet-mints `amount` of `token` to the distributor and deposits it for (`source`, `epoch`).
    function _deposit(MockERC20 token, uint256 amount, uint8 source, uint64 epoch) internal {
        token.mint(DISTRIBUTOR, amount);
        vm.startPrank(DISTRIBUTOR);
        token.approve(address(pool), amount);
        pool.depositRevenue(IERC20(address(token)), amount, source, epoch);
        vm.stopPrank();
    }

    function _claimable(address account, MockERC20 token) internal view returns (uint256) {
        return pool.claimable(account, IERC20(address(token)));
    }
}
