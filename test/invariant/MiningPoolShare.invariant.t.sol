// SPDX-License-Identifier: MIT
// Test names follow the invariant IDs (`invariant_INV3_conservation`); the handler must share this file (see below).
/* solhint-disable func-name-mixedcase, one-contract-per-file */
pragma solidity 0.8.37;

import {
    INITIAL_HASHRATE_THS,
    MAX_CHANGE_BPS,
    MAX_HASHRATE_THS,
    MAX_SUPPLY,
    REPORTERS,
    SINK,
    TOKENS
} from "../utils/handler/HandlerBase.sol";
import {HandlerChecks} from "../utils/handler/HandlerChecks.sol";
import {PoolInvariants} from "../utils/handler/PoolInvariants.sol";
import {TestBase} from "../utils/TestBase.sol";

// The handler is declared in this file, not only in helper files, on purpose: Hardhat writes artifacts only for the
// test files it compiles as roots, and the invariant runner must find the handler's artifact to call it, also when
// this file is run alone (`npx hardhat test solidity test/invariant/MiningPoolShare.invariant.t.sol`). Its checks
// live in `test/utils/handler/`, one concern per file.

/// @title PoolHandler
/// @notice The only contract the invariant runner calls. Each action picks its actors with bounded seeds and drives
/// the system the way its users — and attackers — do: five reporters at quorum 3 reporting for the clock's current
/// or previous day (or any other epoch, refused), the admin revoking and re-granting reporters, mints within the
/// backing, transfers between EOAs and contract holders (and to the pool itself, refused), deposits of three payout
/// tokens (one of which tries to mint from its transfer hook), claims by holders and by the claimers they or the
/// admin named, donations and skims, bounded pauses, and a clock that moves by seconds to days. Each call is checked
/// on the spot against the handler's own model, and any breach is recorded for the invariants to report.
contract PoolHandler is HandlerChecks {
    constructor() {
        _deployPool();
        _initialReport();
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Oracle
    // ----------------------------------------------------------------------------------------------------------------

    /// @notice 1 to 5 reporters, from `reporterSeed` on, submit for the current epoch, the previous one, the next or
    /// the one before the previous (refused), or any epoch at all; values within the change bound of the latest report, one unit beyond it, or (bit
    /// 3 of `mode`) anything up to the cap, as a rogue reporter would.
    function report(uint256 reporterSeed, uint256 valueSeed, uint8 mode) external useTime {
        uint64 current = uint64(block.timestamp / DAY);
        uint256 epochMode = mode % 8;
        uint64 epoch = current;
        if (epochMode >= 4 && epochMode < 6) epoch = current - 1;
        else if (epochMode == 6)
            epoch = (valueSeed >> 128) % 2 == 0 ? current + 1 : current - 2; // just outside
        else if (epochMode == 7) epoch = uint64(valueSeed >> 192);
        uint256 count = 1 + ((mode >> 4) % REPORTERS);
        uint256 count_ = _finalizations.length;
        uint256 latest = count_ == 0 ? INITIAL_HASHRATE_THS : _finalizations[count_ - 1].hashrateTHs;
        uint256 reach = (latest * MAX_CHANGE_BPS) / BPS;
        for (uint256 i = 0; i < count; ++i) {
            uint256 seed = uint256(keccak256(abi.encode(valueSeed, i)));
            uint256 value =
                (mode >> 3) & 1 == 1
                    ? bound(seed, 0, MAX_HASHRATE_THS)
                    : bound(seed, latest - reach, latest + reach + 1);
            if (value > MAX_HASHRATE_THS) value = MAX_HASHRATE_THS;
            _submitChecked((reporterSeed + i) % REPORTERS, epoch, value);
        }
    }

    /// @notice The admin revokes a reporter's role, or grants it back (its pending votes stop, then resume, counting).
    function toggleReporter(uint256 reporterSeed) external useTime {
        _toggleReporter(reporterSeed % REPORTERS);
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Shares and revenue
    // ----------------------------------------------------------------------------------------------------------------

    /// @notice Mints to an actor, a contract holder, a new account or (one time in sixteen) the pool itself: 1 unit,
    /// exactly the mintable amount, a random amount within it, one unit over it, or anything up to the cap.
    function mint(uint256 recipientSeed, uint256 amountSeed, uint8 mode) external useTime {
        uint256 available = pool.mintableShares();
        uint256 m = mode % 5;
        uint256 amount;
        if (m == 0) amount = 1;
        else if (m == 1) amount = available;
        else if (m == 2) amount = available == 0 ? 1 : bound(amountSeed, 1, available);
        else if (m == 3) amount = available + 1;
        else amount = bound(amountSeed, 1, MAX_SUPPLY);
        address to = (mode >> 4) == 0 ? address(pool) : _pickRecipient(recipientSeed);
        _mintChecked(to, amount);
    }

    /// @notice Transfers shares from an ever-holder (a contract holder moves them as a pair's swaps would) to itself,
    /// an actor, a contract holder, a new account or the pool; directly or through an allowance. `mode` 0 is a
    /// self-transfer, 1 moves the whole balance, 2 sends to the pool.
    function transfer(uint256 fromSeed, uint256 toSeed, uint256 amountSeed, uint8 mode) external useTime {
        if (_everHolders.length == 0) return;
        address from = _everHolders[fromSeed % _everHolders.length];
        uint256 m = mode % 8;
        address to =
            m == 0
                ? from
                : m == 2
                    ? address(pool)
                    : _pickRecipient(toSeed);
        uint256 balance = pool.balanceOf(from);
        uint256 amount = m == 1 ? balance : bound(amountSeed, 0, balance);
        address spender = (mode >> 3) % 2 == 1 ? _actors[(toSeed >> 8) % ACTOR_COUNT] : address(0);
        _transferChecked(from, to, amount, spender);
    }

    /// @notice Deposits one of the three payout tokens for source 0 or 1 at the next epoch of that pair (with gaps):
    /// 1 unit, an odd amount or a random amount; `mode` 3 replays an already funded epoch instead.
    function deposit(uint256 tokenSeed, uint256 amountSeed, uint8 mode) external useTime {
        uint8 tokenIndex = uint8(tokenSeed % TOKENS);
        uint8 source = uint8((tokenSeed >> 8) % 2);
        uint256 m = mode % 4;
        if (m == 3 && _funded.length > 0) {
            _expectDepositRefused(_funded[amountSeed % _funded.length], bound(amountSeed >> 64, 1, MAX_DEPOSIT));
            return;
        }
        uint256 amount;
        if (m == 0) amount = 1;
        else if (m == 1) amount = bound(amountSeed, 0, MAX_DEPOSIT / 2 - 1) * 2 + 1;
        else amount = bound(amountSeed, 1, MAX_DEPOSIT);
        uint64 epoch = _nextEpoch[tokenIndex][source] + uint64((tokenSeed >> 16) % 3);
        _depositChecked(tokenIndex, source, epoch, amount);
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Claims and claimers
    // ----------------------------------------------------------------------------------------------------------------

    /// @notice An ever-holder that can call the pool claims one token to itself (`mode` 0), to another recipient or
    /// the zero address (1), or all tokens (2). Contracts that cannot call are left to their claimers.
    function claim(uint256 holderSeed, uint256 tokenSeed, uint8 mode) external useTime {
        if (_everHolders.length == 0) return;
        address holder = _everHolders[holderSeed % _everHolders.length];
        if (cannotCall(holder)) return;
        ClaimKind kind = ClaimKind(mode % 3);
        address recipient = kind == ClaimKind.ClaimTo ? _pickClaimRecipient(tokenSeed >> 8) : holder;
        _claimChecked(kind, holder, holder, tokenSeed % TOKENS, recipient);
    }

    /// @notice The named claimer of an ever-holder (or, one time in four, someone else, refused with `NotClaimer`)
    /// claims one token or all for it, to a recipient (one time in eight the zero address, refused).
    function claimOnBehalf(uint256 holderSeed, uint256 callerSeed, uint256 tokenSeed, uint8 mode) external useTime {
        if (_everHolders.length == 0) return;
        address holder = _everHolders[holderSeed % _everHolders.length];
        address named = pool.claimerOf(holder);
        address caller = mode % 4 == 0 || named == address(0) ? _actors[callerSeed % ACTOR_COUNT] : named;
        ClaimKind kind = (mode >> 2) % 2 == 0 ? ClaimKind.OnBehalf : ClaimKind.AllOnBehalf;
        _claimChecked(kind, caller, holder, tokenSeed % TOKENS, _pickClaimRecipient(tokenSeed >> 8));
    }

    /// @notice An EOA or the contract holder that can call names a claimer for itself (an actor, the sink, or one
    /// time in four nobody).
    function setClaimer(uint256 holderSeed, uint256 claimerSeed) external useTime {
        uint256 pick = holderSeed % (ACTOR_COUNT + 1);
        address holder = pick < ACTOR_COUNT ? _actors[pick] : _contractHolders[CONTRACT_HOLDERS - 1];
        _setClaimerChecked(holder, _pickClaimer(claimerSeed));
    }

    /// @notice The admin names a claimer for a contract holder (or, one time in four, an EOA, refused); refused
    /// for a holder that chose itself.
    function setClaimerFor(uint256 holderSeed, uint256 claimerSeed) external useTime {
        address holder =
            holderSeed % 4 == 0
                ? _actors[(holderSeed >> 2) % ACTOR_COUNT]
                : _contractHolders[(holderSeed >> 2) % CONTRACT_HOLDERS];
        _setClaimerForChecked(holder, _pickClaimer(claimerSeed));
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Donations, skims, pauses, clock
    // ----------------------------------------------------------------------------------------------------------------

    /// @notice Sends a payout token or a token the pool does not know straight to the pool.
    function donate(uint256 tokenSeed, uint256 amountSeed) external useTime {
        _donate(tokenSeed % (TOKENS + 1), bound(amountSeed, 1, MAX_DEPOSIT));
    }

    /// @notice The admin skims a payout token or the stray token to the sink (one time in eight to the zero address).
    function skim(uint256 tokenSeed, uint8 mode) external useTime {
        _skimChecked(tokenSeed % (TOKENS + 1), mode % 8 == 0 ? address(0) : SINK);
    }

    function pause() external useTime {
        _pauseChecked();
    }

    function unpause() external useTime {
        _unpauseChecked();
    }

    /// @notice Moves the clock forward by a second to a day, or (one time in eight) up to eight days, so pauses expire.
    function warp(uint256 secondsSeed) external {
        uint256 most = secondsSeed % 8 == 0 ? 8 days : 1 days;
        currentTimestamp += bound(secondsSeed >> 3, 1, most);
        vm.warp(currentTimestamp);
        _checkPauseState();
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Picks
    // ----------------------------------------------------------------------------------------------------------------

    function _pickClaimRecipient(uint256 seed) internal view returns (address) {
        if (seed % 8 == 0) return address(0);
        return seed % 2 == 0 ? SINK : _actors[(seed >> 1) % ACTOR_COUNT];
    }

    function _pickClaimer(uint256 seed) internal view returns (address) {
        if (seed % 4 == 0) return address(0);
        return seed % 3 == 0 ? SINK : _actors[(seed >> 2) % ACTOR_COUNT];
    }
}

/// @title MiningPoolShareInvariantTest
/// @notice Handler-driven invariant tests of INV-1…9: the runner calls random sequences of `PoolHandler` actions and
/// checks every invariant (in `PoolInvariants`) after each call.
/// Run: `npx hardhat test solidity test/invariant/MiningPoolShare.invariant.t.sol` (`--test-profile ci` for more).
contract MiningPoolShareInvariantTest is PoolInvariants {
    function setUp() public {
        PoolHandler h = new PoolHandler();
        _bind(h);

        targetContract(address(h));
        bytes4[] memory selectors = new bytes4[](14);
        selectors[0] = PoolHandler.report.selector;
        selectors[1] = PoolHandler.toggleReporter.selector;
        selectors[2] = PoolHandler.mint.selector;
        selectors[3] = PoolHandler.transfer.selector;
        selectors[4] = PoolHandler.deposit.selector;
        selectors[5] = PoolHandler.claim.selector;
        selectors[6] = PoolHandler.claimOnBehalf.selector;
        selectors[7] = PoolHandler.setClaimer.selector;
        selectors[8] = PoolHandler.setClaimerFor.selector;
        selectors[9] = PoolHandler.donate.selector;
        selectors[10] = PoolHandler.skim.selector;
        selectors[11] = PoolHandler.pause.selector;
        selectors[12] = PoolHandler.unpause.selector;
        selectors[13] = PoolHandler.warp.selector;
        targetSelector(FuzzSelector({addr: address(h), selectors: selectors}));
    }
}

/// @title PoolHandlerSmokeTest
/// @notice One fixed sequence of handler actions that reaches every kind of step the invariant runs rely on — a
/// quorum-3 report after a revocation, mints to EOAs and contract holders, deposits of each token (the hook tries to
/// mint), claims by holders and by claimers both a holder and the admin named, a donation and its skim, a pause that
/// runs out — with no violation. If a change to the handler or the contracts made an action silently do nothing,
/// the runs above would pass without testing it; this test fails instead.
contract PoolHandlerSmokeTest is TestBase {
    PoolHandler internal h;

    function setUp() public {
        h = new PoolHandler();
    }

    // solhint-disable-next-line function-max-lines
    function test_handlerReachesEveryAction() public {
        h.warp(8 * 1 days); // seed % 8 == 0: up to 8 days; (8 days) >> 3 = 1 day
        h.toggleReporter(4); // revoke reporter 4
        h.report(2, 123, 2 << 4); // reporters 2, 3, 4 for the current epoch: 4 is refused (role), no finalization
        h.report(0, 456, 1 << 4); // reporters 0, 1: with 2 and 3, the epoch finalizes
        assertEq(h.finalizationCount(), 2, "smoke: the second report did not finalize at quorum 3");

        h.mint(0, 1e24, 17); // actor 0
        h.mint(6, 1e24, 17); // contract holder 0 (cannot call)
        h.mint(8, 1e24, 17); // contract holder 2 (can call)
        h.mint(0, 0, 1); // to the pool itself: refused
        assertEq(h.mints(), 3, "smoke: mints");

        h.deposit(0, 1e12, 2); // WBTC
        h.deposit(1, 1e12, 2); // USDC
        h.deposit(2, 1e20, 2); // the hook token
        assertEq(h.deposits(), 3, "smoke: deposits");
        assertGe(h.hookToken().attempts(), 1, "smoke: the hook never tried to mint");

        h.claim(0, 0, 2); // actor 0 claims all
        h.setClaimer(0, 5); // actor 0 names actor 1 ... (seed % 4 == 1, (seed >> 2) % 6 == 1)
        h.setClaimerFor(1, 5); // the admin names actor 1 for contract holder 0
        h.deposit(0 | (1 << 16), 1e12, 2); // another WBTC deposit, a gap epoch
        h.claimOnBehalf(1, 0, 1 << 9, 5); // contract holder 0's claimer claims all for it, to the sink
        assertGe(h.claimsOnBehalf(), 1, "smoke: no claim on behalf");

        h.donate(0, 5e8);
        h.donate(3, 7e18);
        h.skim(0, 1);
        h.skim(3, 1);
        assertEq(h.skims(), 2, "smoke: skims");

        h.pause();
        h.transfer(0, 1, 1, 3); // refused while paused
        assertGe(h.pausedRejections(), 1, "smoke: the pause refused nothing");
        h.warp(8 * (8 days)); // runs the pause out
        assertTrue(!h.poolContract().paused(), "smoke: the pause did not run out");
        h.transfer(0, 1, 1, 3);
        assertGe(h.transfers(), 1, "smoke: transfers");

        for (uint8 kind = 1; kind <= 11; ++kind) {
            assertEq(h.violations(kind), 0, h.lastViolation(kind));
        }
    }
}
