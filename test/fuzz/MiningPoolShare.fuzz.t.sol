// SPDX-License-Identifier: MIT
// Test names follow the invariant IDs (`testFuzz_INV4_proRata`), not mixedCase; the oracle stub lives beside its test.
/* solhint-disable func-name-mixedcase, one-contract-per-file */
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {IHashrateOracle} from "../../contracts/interfaces/IHashrateOracle.sol";
import {IMiningPoolShare} from "../../contracts/interfaces/IMiningPoolShare.sol";
import {MiningPoolShare} from "../../contracts/MiningPoolShare.sol";
import {MockERC20} from "../../contracts/mocks/MockERC20.sol";

import {
    ADMIN,
    DISTRIBUTOR,
    MAX_HASHRATE_THS,
    MAX_REPORT_AGE,
    MAX_SUPPLY,
    MINTER,
    PAUSER,
    PoolFixture,
    SHARES_PER_THS,
    revokeEveryRole
} from "../utils/PoolFixture.sol";

/// @notice An oracle whose report the test sets directly, that can also have no report or revert outright: the
/// pool must pay its holders whatever the oracle does (INV-7).
contract SwitchableOracle is IHashrateOracle {
    uint256 private _hashrateTHs;
    uint64 private _epoch;
    uint64 private _updatedAt;
    bool private _broken;

    error OracleDown();
    error NotSupported();

    function set(uint256 hashrateTHs, uint64 epoch, uint64 updatedAt) external {
        (_hashrateTHs, _epoch, _updatedAt) = (hashrateTHs, epoch, updatedAt);
    }

    function setBroken(bool broken) external {
        _broken = broken;
    }

    function latestHashrate(address) external view returns (uint256, uint64, uint64) {
        if (_broken) revert OracleDown();
        return (_hashrateTHs, _epoch, _updatedAt);
    }

    function EPOCH_SECONDS() external pure returns (uint64) {
        return 1 days;
    }

    function currentEpoch() external view returns (uint64) {
        return uint64(block.timestamp / 1 days);
    }

    function REPORTER_ROLE() external pure returns (bytes32) {
        return keccak256("REPORTER_ROLE");
    }

    function reportHashrate(address, uint64, uint256) external pure {
        revert NotSupported();
    }

    function setQuorum(uint8) external pure {
        revert NotSupported();
    }

    function setMaxChangeBps(address, uint32) external pure {
        revert NotSupported();
    }

    function quorum() external pure returns (uint8) {
        return 1;
    }

    function maxChangeBps(address) external pure returns (uint32) {
        return 0;
    }

    function submissionCount(address, uint64) external pure returns (uint256) {
        return 0;
    }

    function hasSubmitted(address, uint64, address) external pure returns (bool) {
        return false;
    }
}

/// @title MiningPoolShareFuzzTest
/// @notice Fuzz tests of the pool's backing (INV-1), revenue split (INV-3, INV-4), transfer neutrality (INV-5),
/// idempotence (INV-6) and liveness (INV-7), over supplies up to 1e27 share units and lifetime payouts up to 1e27 base
/// units of an 8-decimal and a 6-decimal token.
contract MiningPoolShareFuzzTest is PoolFixture {
    uint256 internal constant HOLDERS = 4;
    /// @dev Lifetime payouts per token stay at most 1e27 base units.
    uint256 internal constant MAX_LIFETIME = 1e27;
    /// @dev The pool's magnitude: revenue per share and the carried remainder are counted in 2^-128 base units.
    uint256 internal constant MAGNITUDE = 1 << 128;

    address[HOLDERS] internal holders = [address(0xB0B1), address(0xB0B2), address(0xB0B3), address(0xB0B4)];
    address internal constant NEWCOMER = address(0xC0FFEE);

    function setUp() public {
        _deployPool();
    }

    // ----------------------------------------------------------------------------------------------------------------
    // INV-1 backing
    // ----------------------------------------------------------------------------------------------------------------

    /// @notice Exactly the reported backing can be minted, one unit more cannot, whatever was minted before.
    function testFuzz_INV1_backingBoundIsExact(uint256 hashrateTHs, uint256 preMinted) public {
        hashrateTHs = bound(hashrateTHs, 1, MAX_HASHRATE_THS);
        uint256 backing = hashrateTHs * SHARES_PER_THS;
        preMinted = bound(preMinted, 0, backing - 1);
        _report(hashrateTHs);
        if (preMinted > 0) {
            vm.prank(MINTER);
            pool.mint(holders[0], preMinted);
        }
        uint256 available = backing - preMinted;
        assertEq(pool.mintableShares(), available, "mintableShares != backing - supply");

        vm.expectRevert(
            abi.encodeWithSelector(IMiningPoolShare.ExceedsHashrateBacking.selector, available + 1, available)
        );
        vm.prank(MINTER);
        pool.mint(holders[1], available + 1);

        vm.prank(MINTER);
        pool.mint(holders[1], available);
        assertEq(pool.totalSupply(), backing, "supply != backing after minting all of it");
        assertEq(pool.mintableShares(), 0, "mintable after minting all of it");

        vm.expectRevert(abi.encodeWithSelector(IMiningPoolShare.ExceedsHashrateBacking.selector, 1, 0));
        vm.prank(MINTER);
        pool.mint(holders[1], 1);
    }

    /// @notice A report backs mints up to and including `updatedAt + maxReportAge`, and not one second later; a
    /// pool with no report at all is stale.
    function testFuzz_INV1_reportAgeBoundIsInclusive(uint256 age, uint256 shares) public {
        shares = bound(shares, 1, MAX_SUPPLY);
        vm.expectRevert(abi.encodeWithSelector(IMiningPoolShare.StaleHashrateReport.selector, 0, MAX_REPORT_AGE));
        vm.prank(MINTER);
        pool.mint(holders[0], shares);

        _report(MAX_HASHRATE_THS);
        uint64 updatedAt = uint64(block.timestamp);
        age = bound(age, 0, 3 * uint256(MAX_REPORT_AGE));
        vm.warp(updatedAt + age);
        if (age <= MAX_REPORT_AGE) {
            assertEq(pool.mintableShares(), MAX_SUPPLY, "fresh report does not back the full supply");
            vm.prank(MINTER);
            pool.mint(holders[0], shares);
            assertEq(pool.balanceOf(holders[0]), shares, "mint on a fresh report failed");
        } else {
            assertEq(pool.mintableShares(), 0, "stale report still backs mints");
            vm.expectRevert(
                abi.encodeWithSelector(IMiningPoolShare.StaleHashrateReport.selector, updatedAt, MAX_REPORT_AGE)
            );
            vm.prank(MINTER);
            pool.mint(holders[0], shares);
        }
    }

    /// @notice A report that falls below the supply stops minting and touches no balance or claimable.
    function testFuzz_INV1_fallingReportOnlyStopsMinting(uint256 minted, uint256 fallenTHs, uint256 revenue) public {
        minted = bound(minted, SHARES_PER_THS, MAX_SUPPLY);
        _reportAndMint(holders[0], minted);
        revenue = bound(revenue, 1, MAX_LIFETIME);
        _deposit(wbtc, revenue, 0, 1);
        uint256 claimableBefore = _claimable(holders[0], wbtc);

        fallenTHs = bound(fallenTHs, 0, minted / SHARES_PER_THS - 1);
        _report(fallenTHs);
        assertEq(pool.mintableShares(), 0, "a report below the supply still backs mints");
        assertEq(pool.balanceOf(holders[0]), minted, "a falling report changed a balance");
        assertEq(_claimable(holders[0], wbtc), claimableBefore, "a falling report changed a claimable");
        vm.expectRevert(abi.encodeWithSelector(IMiningPoolShare.ExceedsHashrateBacking.selector, 1, 0));
        vm.prank(MINTER);
        pool.mint(holders[1], 1);
    }

    // ----------------------------------------------------------------------------------------------------------------
    // INV-4 pro rata, INV-3 conservation
    // ----------------------------------------------------------------------------------------------------------------

    /// @notice Over one deposit D, each holder's claimable rises by its pro-rata share of D plus the remainder carried
    /// in from earlier deposits, ± 1 (see `_assertRise`; on a first deposit nothing is carried in, and the rise never
    /// exceeds ⌊D·balance/supply⌋: rounding never creates value); shares acquired after a deposit earn nothing from
    /// it; nothing is lost: Σ claimable ≤ deposited ≤ Σ claimable + number of holders.
    function testFuzz_INV4_proRata(
        uint256[HOLDERS] memory balances,
        uint256 first,
        uint256 second,
        uint256 moved,
        bool useUsdc
    ) public {
        MockERC20 token = useUsdc ? usdc : wbtc;
        uint256 supply = _mintHolders(balances);
        first = bound(first, 1, MAX_LIFETIME / 2);
        second = bound(second, 1, MAX_LIFETIME / 2);

        uint256[HOLDERS] memory before = _claimables(token);
        _deposit(token, first, 0, 1);
        for (uint256 i = 0; i < HOLDERS; ++i) {
            uint256 share = Math.mulDiv(first, balances[i], supply);
            uint256 rise = _claimable(holders[i], token) - before[i];
            _assertRise(rise, first, 0, balances[i], supply, "INV-4: first deposit");
            assertLe(rise, share, "INV-4: first deposit credited more than the exact share");
        }
        // The fresh pool carried nothing in; the first deposit leaves first·2^128 mod supply for the second.
        uint256 carried = (first * MAGNITUDE) % supply;

        // Balances change (a transfer, and a newcomer minted after the deposit), then a second deposit.
        moved = bound(moved, 0, balances[0]);
        vm.prank(holders[0]);
        pool.transfer(holders[1], moved);
        balances[0] -= moved;
        balances[1] += moved;
        _reportAndMint(NEWCOMER, 1 + (moved % SHARES_PER_THS));
        assertEq(_claimable(NEWCOMER, token), 0, "INV-4: shares minted after a deposit earned from it");
        supply = pool.totalSupply();

        before = _claimables(token);
        uint256 newcomerBefore = _claimable(NEWCOMER, token);
        _deposit(token, second, 1, 1);
        for (uint256 i = 0; i < HOLDERS; ++i) {
            uint256 rise = _claimable(holders[i], token) - before[i];
            _assertRise(rise, second, carried, balances[i], supply, "INV-4: second deposit");
        }
        uint256 newcomerRise = _claimable(NEWCOMER, token) - newcomerBefore;
        _assertRise(newcomerRise, second, carried, pool.balanceOf(NEWCOMER), supply, "INV-4: newcomer");

        _assertConservation(token, HOLDERS + 1);
    }

    /// @notice A remainder carried from a deposit that a holder did not share is released to it by a later deposit
    /// (SPEC: rounding remainders are "carried into the next deposit of that token, never lost"), and can raise its
    /// claimable by ⌊D·balance/supply⌋ + 2: still ± 1 of its share of D plus the carried remainder. The sequence the ci
    /// invariant profile found, reduced: supply 1e26, A holds all but one unit and C that unit; a 1-unit deposit
    /// rounds A's 1 − 1e-26 down to 0 and carries 2^128 mod 1e26 (0.38 of the supply); A sends all to H; over two more
    /// 1-unit deposits H goes from 0 to 0 to 2, two units for an exact 2 − 2e-26, the 2e-26 being from A's carried
    /// remainder; together nothing is created (3 deposited, 2 claimable).
    function test_INV4_carriedRemainderLiftsARiseToFloorPlusTwo() public {
        uint256 supply = 1e26;
        (address a, address c, address h) = (holders[0], holders[1], holders[2]);
        _reportAndMint(a, supply - 1);
        _reportAndMint(c, 1);

        _deposit(wbtc, 1, 0, 1);
        assertEq(_claimable(a, wbtc), 0, "A: 1 - 1e-26 rounds down");
        uint256 carried = MAGNITUDE % supply; // 38463463374607431768211456, 0.38 of the supply

        vm.prank(a);
        pool.transfer(h, supply - 1);
        _deposit(wbtc, 1, 0, 2);
        assertEq(_claimable(h, wbtc), 0, "H: its own 1 - 1e-26, minus a sliver, rounds down");
        _assertRise(0, 1, carried, supply - 1, supply, "INV-4: second deposit");
        carried = (MAGNITUDE + carried) % supply; // 0.77 of the supply: the next deposit releases one unit per share

        _deposit(wbtc, 1, 0, 3);
        uint256 rise = _claimable(h, wbtc);
        // ⌊D·b/S⌋ = ⌊(1e26 − 1)/1e26⌋ = 0, yet the rise is 2 (H's exact share of its two deposits, 2 − 2e-26, is
        // below its claimable of 2) ...
        assertEq(rise, 2, "INV-4: the released carry lifts H's rise to floor(D.b/S) + 2");
        // ... and within + 1 of ⌊x'⌋ = ⌊(2^128 + carried)·b/(S·2^128)⌋ = 1 (x' = 1.000000000000226).
        _assertRise(rise, 1, carried, supply - 1, supply, "INV-4: third deposit");
        assertEq(_claimable(a, wbtc) + _claimable(c, wbtc), 0, "A and C: nothing claimable");
        _assertConservation(wbtc, 3);
    }

    /// @notice 1-unit deposits are never lost to rounding, even against a supply of up to 1e27 share units: the
    /// remainders are carried, so after k deposits the holders can claim at least k − (number of holders) and at most
    /// k units.
    function testFuzz_INV3_oneUnitDepositsAreCarried(uint256[HOLDERS] memory balances, uint8 count) public {
        _mintHolders(balances);
        uint256 k = bound(count, 1, 24);
        for (uint256 e = 0; e < k; ++e) {
            _deposit(usdc, 1, uint8(e % 2), uint64(e / 2));
        }
        uint256 owed = _sumClaimable(usdc, HOLDERS);
        assertLe(owed, k, "INV-3: 1-unit deposits created value");
        assertLe(k - owed, HOLDERS, "INV-3: 1-unit deposits lost more than a unit per holder");
        _assertConservation(usdc, HOLDERS);
    }

    /// @notice Lifetime payouts of up to 1e27 base units per token, split over supplies of up to 1e27 share units,
    /// interleaved with transfers and claims: after every step the pool holds exactly deposited − claimed, Σ claimable
    /// is within one unit per holder of it, and once everyone has claimed at most one unit per holder is left.
    function testFuzz_INV3_lifetimePayoutsUpTo1e27(
        uint256[HOLDERS] memory balances,
        uint256[4] memory amounts,
        uint256 transferSeed
    ) public {
        _mintHolders(balances);
        for (uint256 step = 0; step < 4; ++step) {
            MockERC20 token = step % 2 == 0 ? wbtc : usdc;
            _deposit(token, bound(amounts[step], 1, MAX_LIFETIME / 2), uint8(step / 2), uint64(step));
            _assertConservation(token, HOLDERS);

            address from = holders[(transferSeed >> (8 * step)) % HOLDERS];
            address to = holders[(transferSeed >> (8 * step + 4)) % HOLDERS];
            uint256 value = bound(transferSeed >> (8 * step + 64), 0, pool.balanceOf(from));
            vm.prank(from);
            pool.transfer(to, value);

            vm.prank(holders[step]);
            pool.claimAll();
            _assertConservation(wbtc, HOLDERS);
            _assertConservation(usdc, HOLDERS);
        }
        for (uint256 i = 0; i < HOLDERS; ++i) {
            vm.prank(holders[i]);
            pool.claimAll();
        }
        assertLe(wbtc.balanceOf(address(pool)), HOLDERS, "INV-3: more than a unit per holder stranded (WBTC)");
        assertLe(usdc.balanceOf(address(pool)), HOLDERS, "INV-3: more than a unit per holder stranded (USDC)");
        _assertConservation(wbtc, HOLDERS);
        _assertConservation(usdc, HOLDERS);
    }

    // ----------------------------------------------------------------------------------------------------------------
    // INV-5 transfer neutrality
    // ----------------------------------------------------------------------------------------------------------------

    /// @notice Transfers (to others, to oneself, to new accounts, through an allowance) and mints leave every
    /// account's claimable of both tokens unchanged.
    function testFuzz_INV5_transferNeutrality(
        uint256[HOLDERS] memory balances,
        uint256 revenue,
        uint256[6] memory moves
    ) public {
        _mintHolders(balances);
        _deposit(wbtc, bound(revenue, 1, MAX_LIFETIME / 2), 0, 1);
        _deposit(usdc, bound(revenue >> 3, 1, MAX_LIFETIME / 2), 1, 1);

        for (uint256 m = 0; m < moves.length; ++m) {
            uint256[HOLDERS] memory wbtcBefore = _claimables(wbtc);
            uint256[HOLDERS] memory usdcBefore = _claimables(usdc);
            uint256 newcomerWbtc = _claimable(NEWCOMER, wbtc);
            uint256 newcomerUsdc = _claimable(NEWCOMER, usdc);

            address from = holders[moves[m] % HOLDERS];
            uint256 kind = (moves[m] >> 4) % 5;
            uint256 value = bound(moves[m] >> 16, 0, pool.balanceOf(from));
            if (kind == 0) {
                vm.prank(from);
                pool.transfer(from, value); // self-transfer
            } else if (kind == 1) {
                vm.prank(from);
                pool.transfer(NEWCOMER, value); // to a new account
            } else if (kind == 2) {
                vm.prank(from);
                pool.approve(NEWCOMER, value);
                vm.prank(NEWCOMER);
                pool.transferFrom(from, holders[(moves[m] >> 8) % HOLDERS], value);
            } else if (kind == 3) {
                vm.prank(from);
                pool.transfer(holders[(moves[m] >> 8) % HOLDERS], value);
            } else {
                _reportAndMint(holders[(moves[m] >> 8) % HOLDERS], bound(moves[m] >> 16, 1, SHARES_PER_THS));
            }

            uint256[HOLDERS] memory wbtcAfter = _claimables(wbtc);
            uint256[HOLDERS] memory usdcAfter = _claimables(usdc);
            for (uint256 i = 0; i < HOLDERS; ++i) {
                assertEq(wbtcAfter[i], wbtcBefore[i], "INV-5: a move changed a WBTC claimable");
                assertEq(usdcAfter[i], usdcBefore[i], "INV-5: a move changed a USDC claimable");
            }
            assertEq(_claimable(NEWCOMER, wbtc), newcomerWbtc, "INV-5: the recipient's WBTC claimable changed");
            assertEq(_claimable(NEWCOMER, usdc), newcomerUsdc, "INV-5: the recipient's USDC claimable changed");
        }
    }

    // ----------------------------------------------------------------------------------------------------------------
    // INV-6 idempotence
    // ----------------------------------------------------------------------------------------------------------------

    /// @notice A (token, source, epoch) is funded once: a second deposit of any amount reverts `EpochAlreadyFunded`
    /// and credits nothing, while the other source, token and epochs stay open; a second claim pays 0.
    function testFuzz_INV6_idempotence(uint8 source, uint64 epoch, uint256 amount, uint256 replayAmount) public {
        source = uint8(bound(source, 0, 1));
        amount = bound(amount, 1, MAX_LIFETIME / 2);
        replayAmount = bound(replayAmount, 1, MAX_LIFETIME / 2);
        _reportAndMint(holders[0], SHARES_PER_THS);
        _reportAndMint(holders[1], 3);

        _deposit(wbtc, amount, source, epoch);
        assertTrue(pool.isEpochFunded(IERC20(address(wbtc)), source, epoch), "INV-6: funded epoch not marked");
        assertTrue(!pool.isEpochFunded(IERC20(address(wbtc)), 1 - source, epoch), "INV-6: other source marked");
        assertTrue(!pool.isEpochFunded(IERC20(address(usdc)), source, epoch), "INV-6: other token marked");
        if (epoch < type(uint64).max) {
            assertTrue(!pool.isEpochFunded(IERC20(address(wbtc)), source, epoch + 1), "INV-6: next epoch marked");
        }

        wbtc.mint(DISTRIBUTOR, replayAmount);
        vm.prank(DISTRIBUTOR);
        wbtc.approve(address(pool), replayAmount);
        vm.expectRevert(
            abi.encodeWithSelector(IMiningPoolShare.EpochAlreadyFunded.selector, address(wbtc), source, epoch)
        );
        vm.prank(DISTRIBUTOR);
        pool.depositRevenue(IERC20(address(wbtc)), replayAmount, source, epoch);
        assertEq(pool.totalDeposited(IERC20(address(wbtc))), amount, "INV-6: a replay was credited");

        // The same epoch of the other source and of the other token are separate fundings.
        _deposit(wbtc, replayAmount, 1 - source, epoch);
        _deposit(usdc, replayAmount, source, epoch);

        uint256 owed = _claimable(holders[0], wbtc);
        vm.prank(holders[0]);
        assertEq(pool.claim(IERC20(address(wbtc))), owed, "claim paid a different amount");
        uint256 balanceAfterFirst = wbtc.balanceOf(holders[0]);
        vm.prank(holders[0]);
        assertEq(pool.claim(IERC20(address(wbtc))), 0, "INV-6: a second claim paid");
        assertEq(wbtc.balanceOf(holders[0]), balanceAfterFirst, "INV-6: a second claim moved tokens");
        vm.prank(holders[1]);
        pool.claimAll();
        vm.prank(holders[1]);
        uint256[] memory again = pool.claimAll();
        assertEq(again[0] + again[1], 0, "INV-6: a second claimAll paid");
    }

    // ----------------------------------------------------------------------------------------------------------------
    // INV-7 liveness
    // ----------------------------------------------------------------------------------------------------------------

    /// @notice With the pool paused, every role revoked from everyone (the admin renouncing its own) and the oracle
    /// report stale, every holder with claimable > 0 still claims all of it, by claim, claimTo or claimAll.
    function testFuzz_INV7_livenessPausedStaleNoRoles(
        uint256[HOLDERS] memory balances,
        uint256 revenue,
        uint256 staleFor,
        uint8 how
    ) public {
        _mintHolders(balances);
        _deposit(wbtc, bound(revenue, 1, MAX_LIFETIME / 2), 0, 1);
        _deposit(usdc, bound(revenue >> 7, 1, MAX_LIFETIME / 2), 1, 1);

        vm.prank(PAUSER);
        pool.pause();
        revokeEveryRole(pool, oracle);
        // Within the pause: revokeEveryRole moved the clock past the admin delay, and a pause lasts 7 days.
        vm.warp(block.timestamp + MAX_REPORT_AGE + 1 + bound(staleFor, 0, 3 days));
        assertTrue(pool.paused(), "not paused");
        assertEq(pool.mintableShares(), 0, "report not stale");

        _claimEveryone(how);
    }

    /// @notice Holders are paid whatever the oracle does: no report at all, or an oracle that reverts.
    function testFuzz_INV7_livenessWhateverTheOracle(
        uint256[HOLDERS] memory balances,
        uint256 revenue,
        bool broken
    ) public {
        SwitchableOracle switchable = new SwitchableOracle();
        pool = new MiningPoolShare("HashShare Pool", "HSP", ADMIN, switchable, SHARES_PER_THS, MAX_REPORT_AGE, payout);
        vm.startPrank(ADMIN);
        pool.grantRole(pool.MINTER_ROLE(), MINTER);
        pool.grantRole(pool.DISTRIBUTOR_ROLE(), DISTRIBUTOR);
        vm.stopPrank();
        switchable.set(MAX_HASHRATE_THS, 1, uint64(block.timestamp));
        for (uint256 i = 0; i < HOLDERS; ++i) {
            balances[i] = bound(balances[i], 1, MAX_SUPPLY / HOLDERS);
            vm.prank(MINTER);
            pool.mint(holders[i], balances[i]);
        }
        _deposit(wbtc, bound(revenue, 1, MAX_LIFETIME), 0, 1);
        _deposit(usdc, bound(revenue >> 9, 1, MAX_LIFETIME), 1, 1);

        if (broken) switchable.setBroken(true);
        else switchable.set(0, 0, 0);
        _claimEveryone(uint8(revenue));
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Helpers
    // ----------------------------------------------------------------------------------------------------------------

    /// @dev Mints each holder a balance in [1, 1e27 / HOLDERS] (so the supply is at most 1e27); returns the supply.
    function _mintHolders(uint256[HOLDERS] memory balances) internal returns (uint256 supply) {
        for (uint256 i = 0; i < HOLDERS; ++i) {
            balances[i] = bound(balances[i], 1, MAX_SUPPLY / HOLDERS);
            supply += balances[i];
        }
        _report((supply + SHARES_PER_THS - 1) / SHARES_PER_THS);
        vm.startPrank(MINTER);
        for (uint256 i = 0; i < HOLDERS; ++i) {
            pool.mint(holders[i], balances[i]);
        }
        vm.stopPrank();
    }

    /// @dev Each holder claims both tokens (by claim, claimTo to a fresh recipient, or claimAll, by `how`) and must
    /// receive exactly its claimable; afterwards at most one unit per holder is left in the pool.
    function _claimEveryone(uint8 how) internal {
        for (uint256 i = 0; i < HOLDERS; ++i) {
            address holder = holders[i];
            address recipient = how % 3 == 1 ? address(uint160(0xDEAD0 + i)) : holder;
            uint256 wbtcOwed = _claimable(holder, wbtc);
            uint256 usdcOwed = _claimable(holder, usdc);
            uint256 wbtcBefore = wbtc.balanceOf(recipient);
            uint256 usdcBefore = usdc.balanceOf(recipient);
            vm.startPrank(holder);
            if (how % 3 == 0) {
                assertEq(pool.claim(IERC20(address(wbtc))), wbtcOwed, "INV-7: claim(WBTC) paid a different amount");
                assertEq(pool.claim(IERC20(address(usdc))), usdcOwed, "INV-7: claim(USDC) paid a different amount");
            } else if (how % 3 == 1) {
                assertEq(pool.claimTo(IERC20(address(wbtc)), recipient), wbtcOwed, "INV-7: claimTo(WBTC) differs");
                assertEq(pool.claimTo(IERC20(address(usdc)), recipient), usdcOwed, "INV-7: claimTo(USDC) differs");
            } else {
                uint256[] memory paid = pool.claimAll();
                assertEq(paid[0], wbtcOwed, "INV-7: claimAll paid a different WBTC amount");
                assertEq(paid[1], usdcOwed, "INV-7: claimAll paid a different USDC amount");
            }
            vm.stopPrank();
            assertEq(wbtc.balanceOf(recipient), wbtcBefore + wbtcOwed, "INV-7: WBTC not received");
            assertEq(usdc.balanceOf(recipient), usdcBefore + usdcOwed, "INV-7: USDC not received");
            assertEq(_claimable(holder, wbtc) + _claimable(holder, usdc), 0, "INV-7: claimable left");
        }
        assertLe(wbtc.balanceOf(address(pool)), HOLDERS, "INV-7: WBTC stranded");
        assertLe(usdc.balanceOf(address(pool)), HOLDERS, "INV-7: USDC stranded");
    }

    /// @dev INV-4 for one holder of `balance` over a deposit of `amount` against `supply`, with `carried` (in 2^-128
    /// base units, below the supply) carried in from earlier deposits. With N = amount·2^128 + carried the pool credits
    /// ⌊N/S⌋ per share unit, so the holder's claimable rises by ⌊f + ⌊N/S⌋·balance/2^128⌋, f ∈ [0, 1) being its own
    /// fraction of a unit withheld so far: that is q or q + 1 with q = ⌊⌊N/S⌋·balance/2^128⌋ (just q when the credit
    /// is whole), hence within ± 1 of ⌊x'⌋, x' = balance·N/(S·2^128) its pro-rata share of D plus the carried
    /// remainder; and as x' < ⌊D·balance/S⌋ + 1, between ⌊D·balance/S⌋ − 1 and ⌊D·balance/S⌋ + 2. (Derivation in
    /// full at `PoolHandler._checkProRata`, test/invariant/MiningPoolShare.invariant.t.sol.)
    function _assertRise(
        uint256 rise,
        uint256 amount,
        uint256 carried,
        uint256 balance,
        uint256 supply,
        string memory message
    ) internal pure {
        uint256 distributed = amount * MAGNITUDE + carried;
        assertApproxEq(rise, Math.mulDiv(distributed, balance, supply * MAGNITUDE), 1, message);
        uint256 perShare = distributed / supply;
        uint256 least = Math.mulDiv(perShare, balance, MAGNITUDE);
        assertGe(rise, least, message);
        assertLe(rise, mulmod(perShare, balance, MAGNITUDE) == 0 ? least : least + 1, message);
    }

    /// @dev INV-3 for `token` over the first `count` holders (the newcomer is the fifth).
    function _assertConservation(MockERC20 token, uint256 count) internal view {
        IERC20 asIERC20 = IERC20(address(token));
        uint256 deposited = pool.totalDeposited(asIERC20);
        uint256 claimed = pool.totalClaimed(asIERC20);
        assertEq(token.balanceOf(address(pool)), deposited - claimed, "INV-3: balance != deposited - claimed");
        uint256 owed = _sumClaimable(token, count);
        assertLe(owed, deposited - claimed, "INV-3: sum claimable > deposited - claimed");
        assertLe(deposited - claimed - owed, count, "INV-3: more than a unit per holder lost");
    }

    function _sumClaimable(MockERC20 token, uint256 count) internal view returns (uint256 sum) {
        for (uint256 i = 0; i < count && i < HOLDERS; ++i) {
            sum += _claimable(holders[i], token);
        }
        if (count > HOLDERS) sum += _claimable(NEWCOMER, token);
    }

    function _claimables(MockERC20 token) internal view returns (uint256[HOLDERS] memory rows) {
        for (uint256 i = 0; i < HOLDERS; ++i) {
            rows[i] = _claimable(holders[i], token);
        }
    }
}
