// SPDX-License-Identifier: MIT
// Test names follow the invariant IDs (`testFuzz_INV7_…`), not mixedCase.
/* solhint-disable func-name-mixedcase */
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {HashrateOracle} from "../../contracts/HashrateOracle.sol";
import {IMiningPoolShare} from "../../contracts/interfaces/IMiningPoolShare.sol";
import {MiningPoolShare} from "../../contracts/MiningPoolShare.sol";
import {MockERC20} from "../../contracts/mocks/MockERC20.sol";

import {TestBase} from "../utils/TestBase.sol";

/// @title MiningPoolShareGuardsFuzzTest
/// @notice Fuzz tests of the pool's v2 guard rails: the pause window arithmetic (INV-7: a pause ends by itself
/// `MAX_PAUSE_DURATION` after it started, or when unpaused, and the next one starts `PAUSE_COOLDOWN` after that end,
/// to the second) and `skim` (INV-9: it sends exactly the tokens no holder can be owed, whatever was deposited,
/// claimed and donated, and leaves every claimable as it was).
contract MiningPoolShareGuardsFuzzTest is TestBase {
    uint256 internal constant START = 1_700_000_000;
    uint256 internal constant MAX_PAUSE = 7 days;
    uint256 internal constant COOLDOWN = 1 days;
    address internal constant ADMIN = address(0xAD);
    address internal constant OPERATOR = address(0x1111);
    address internal constant ALICE = address(0xA11CE);
    address internal constant BOB = address(0xB0B);
    address internal constant SINK = address(0x5151);

    HashrateOracle internal oracle;
    MiningPoolShare internal pool;
    MockERC20 internal wbtc;
    MockERC20 internal usdc;
    MockERC20 internal stray;

    function setUp() public {
        vm.warp(START);
        oracle = new HashrateOracle(ADMIN, 1);
        wbtc = new MockERC20("Wrapped BTC", "WBTC", 8);
        usdc = new MockERC20("USD Coin", "USDC", 6);
        stray = new MockERC20("Stray", "STRAY", 18);
        IERC20[] memory payout = new IERC20[](2);
        payout[0] = IERC20(address(wbtc));
        payout[1] = IERC20(address(usdc));
        pool = new MiningPoolShare("HashShare Pool", "HSP", ADMIN, oracle, 1e18, 3650 days, payout);
        vm.startPrank(ADMIN);
        oracle.grantRole(oracle.REPORTER_ROLE(), OPERATOR);
        pool.grantRole(pool.MINTER_ROLE(), OPERATOR);
        pool.grantRole(pool.DISTRIBUTOR_ROLE(), OPERATOR);
        pool.grantRole(pool.PAUSER_ROLE(), OPERATOR);
        vm.stopPrank();
        vm.startPrank(OPERATOR);
        oracle.reportHashrate(address(pool), oracle.currentEpoch(), 1e9);
        pool.mint(ALICE, 3e26);
        pool.mint(BOB, 1e26 + 7);
        vm.stopPrank();
    }

    /// @notice A pause started at t lasts until t + 7 days exactly (paused one second before, not at it), the next
    /// pause is refused with `PauseCooldown(t + 8 days)` until then and accepted from that second on; every
    /// `pausedUntil()` read in between is t + 7 days.
    function testFuzz_INV7_pauseRunsOutAndCoolsDown(uint256 startAfter, uint256 probe) public {
        uint256 t = START + bound(startAfter, 0, 3650 days);
        vm.warp(t);
        _pause("");
        assertEq(pool.pausedUntil(), t + MAX_PAUSE, "pausedUntil != start + MAX_PAUSE_DURATION");
        assertEq(pool.MAX_PAUSE_DURATION(), MAX_PAUSE, "MAX_PAUSE_DURATION");
        assertEq(pool.PAUSE_COOLDOWN(), COOLDOWN, "PAUSE_COOLDOWN");

        uint256 during = t + bound(probe, 0, MAX_PAUSE - 1);
        vm.warp(during);
        assertTrue(pool.paused(), "not paused within the window");
        _pause(abi.encodeWithSelector(IMiningPoolShare.EnforcedPause.selector));
        vm.warp(t + MAX_PAUSE - 1);
        assertTrue(pool.paused(), "not paused at its last second");
        vm.warp(t + MAX_PAUSE);
        assertTrue(!pool.paused(), "still paused at start + MAX_PAUSE_DURATION");
        vm.prank(ALICE);
        pool.transfer(BOB, 1); // transfers work again

        uint256 cooling = t + MAX_PAUSE + bound(probe >> 128, 0, COOLDOWN - 1);
        vm.warp(cooling);
        _pause(abi.encodeWithSelector(IMiningPoolShare.PauseCooldown.selector, uint64(t + MAX_PAUSE + COOLDOWN)));
        vm.warp(t + MAX_PAUSE + COOLDOWN);
        _pause("");
        assertEq(pool.pausedUntil(), t + MAX_PAUSE + COOLDOWN + MAX_PAUSE, "second pause window");
    }

    /// @notice Unpaused after `d` seconds, the pause ends at t + d (`pausedUntil()` = t + d) and the next may start
    /// at t + d + 1 day, not a second before; `unpause()` while not paused reverts `ExpectedPause()`.
    function testFuzz_INV7_unpauseEndsNowAndStartsTheCooldown(uint256 startAfter, uint256 d, uint256 probe) public {
        uint256 t = START + bound(startAfter, 0, 3650 days);
        uint256 end = t + bound(d, 0, MAX_PAUSE - 1);
        vm.warp(t);
        _pause("");
        vm.warp(end);
        vm.prank(OPERATOR);
        pool.unpause();
        assertEq(pool.pausedUntil(), end, "pausedUntil != the unpause time");
        assertTrue(!pool.paused(), "paused after unpause");
        vm.expectRevert(abi.encodeWithSelector(IMiningPoolShare.ExpectedPause.selector));
        vm.prank(OPERATOR);
        pool.unpause();

        vm.warp(end + bound(probe, 0, COOLDOWN - 1));
        _pause(abi.encodeWithSelector(IMiningPoolShare.PauseCooldown.selector, uint64(end + COOLDOWN)));
        vm.warp(end + COOLDOWN);
        _pause("");
        assertEq(pool.pausedUntil(), end + COOLDOWN + MAX_PAUSE, "the next pause's window");
    }

    /// @notice Whatever was deposited, claimed and donated, `skim` of a payout token sends exactly the donation
    /// (balance − (totalDeposited − totalClaimed)), of any other token the whole balance; afterwards the payout
    /// token's balance is exactly totalDeposited − totalClaimed, no claimable moved, and a second skim sends 0.
    function testFuzz_INV9_skimSendsExactlyWhatNoHolderIsOwed(
        uint256 deposit1,
        uint256 deposit2,
        uint256 donation,
        uint256 strayAmount,
        bool aliceClaims
    ) public {
        deposit1 = bound(deposit1, 1, 1e27);
        deposit2 = bound(deposit2, 1, 1e27);
        donation = bound(donation, 0, 1e27);
        strayAmount = bound(strayAmount, 0, 1e30);
        _deposit(deposit1, 1);
        wbtc.mint(address(pool), donation); // donated between deposits: must not be credited to holders
        _deposit(deposit2, 2);
        stray.mint(address(pool), strayAmount);
        if (aliceClaims) {
            vm.prank(ALICE);
            pool.claim(IERC20(address(wbtc)));
        }
        uint256 aliceOwed = pool.claimable(ALICE, IERC20(address(wbtc)));
        uint256 bobOwed = pool.claimable(BOB, IERC20(address(wbtc)));
        uint256 outstanding = pool.totalDeposited(IERC20(address(wbtc))) - pool.totalClaimed(IERC20(address(wbtc)));

        assertEq(_skim(wbtc), donation, "skim of a payout token != the donation");
        assertEq(wbtc.balanceOf(address(pool)), outstanding, "after a skim, balance != deposited - claimed");
        assertEq(wbtc.balanceOf(SINK), donation, "the recipient did not get the donation");
        assertEq(_skim(wbtc), 0, "a second skim sent something");
        assertEq(_skim(stray), strayAmount, "skim of another token != its whole balance");
        assertEq(_skim(usdc), 0, "skim of a payout token with nothing donated sent something");
        assertEq(pool.claimable(ALICE, IERC20(address(wbtc))), aliceOwed, "a skim moved a claimable");
        assertEq(pool.claimable(BOB, IERC20(address(wbtc))), bobOwed, "a skim moved a claimable");

        // Everything owed still leaves.
        vm.prank(ALICE);
        pool.claim(IERC20(address(wbtc)));
        vm.prank(BOB);
        pool.claim(IERC20(address(wbtc)));
        assertLe(wbtc.balanceOf(address(pool)), 2, "more than one base unit per holder left after all claimed");
    }

    /// @notice `skim` works while paused and refuses the zero address with `InvalidRecipient(address(0))`.
    function testFuzz_INV9_skimWhilePausedNeverToZero(uint256 donation) public {
        donation = bound(donation, 1, 1e27);
        _deposit(1e8, 1);
        wbtc.mint(address(pool), donation);
        _pause("");
        vm.expectRevert(abi.encodeWithSelector(IMiningPoolShare.InvalidRecipient.selector, address(0)));
        vm.prank(ADMIN);
        pool.skim(IERC20(address(wbtc)), address(0));
        assertEq(_skim(wbtc), donation, "skim while paused");
    }

    function _pause(bytes memory expectedRevert) internal {
        if (expectedRevert.length != 0) vm.expectRevert(expectedRevert);
        vm.prank(OPERATOR);
        pool.pause();
    }

    function _deposit(uint256 amount, uint64 epoch) internal {
        wbtc.mint(OPERATOR, amount);
        vm.startPrank(OPERATOR);
        wbtc.approve(address(pool), amount);
        pool.depositRevenue(IERC20(address(wbtc)), amount, 0, epoch);
        vm.stopPrank();
    }

    function _skim(MockERC20 token) internal returns (uint256) {
        vm.prank(ADMIN);
        return pool.skim(IERC20(address(token)), SINK);
    }
}
