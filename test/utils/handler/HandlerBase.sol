// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {HashrateOracle} from "../../../contracts/HashrateOracle.sol";
import {MiningPoolShare} from "../../../contracts/MiningPoolShare.sol";
import {MockERC20} from "../../../contracts/mocks/MockERC20.sol";

import {MintingHookToken} from "../MintingHookToken.sol";
import {TestBase} from "../TestBase.sol";

// The handler's fixed parameters, shared by its parts and by the invariants.
uint256 constant TOKENS = 3;
uint256 constant REPORTERS = 5;
uint8 constant QUORUM = 3;
uint32 constant MAX_CHANGE_BPS = 2_000;
uint256 constant SHARES_PER_THS = 1e18;
uint64 constant MAX_REPORT_AGE = 2 days;
uint256 constant MAX_HASHRATE_THS = 1e9;
uint256 constant MAX_SUPPLY = MAX_HASHRATE_THS * SHARES_PER_THS;
uint256 constant INITIAL_HASHRATE_THS = 1e6;
uint256 constant START_TIME = 1_700_000_000;
address constant ADMIN = address(0xAD);
address constant MINTER = address(0x1111);
address constant DISTRIBUTOR = address(0x2222);
address constant PAUSER = address(0x3333);
/// @dev Receives claimTo payouts and skims; never holds shares.
address constant SINK = address(0x5151);
/// @dev Would receive the shares the hostile token's hook mints (if the pool ever let it).
address constant HOOK_BENEFICIARY = address(0xB00C);

/// @dev A holder that is a contract with no code to call the pool (an AMM pair, a vault, a bridge): it receives and
/// (driven by the handler, as a pair's swaps would) sends shares, but never calls `claim` or `setClaimer` itself.
contract PassiveHolder {}

/// @title HandlerBase
/// @notice The state every part of the invariant handler shares: a clock-bound oracle at quorum 3 of 5 reporters with
/// a per-day change bound, a pool with three payout tokens (WBTC 8 decimals, USDC 6 decimals and a hostile 18-decimal
/// token whose hook tries to mint), EOA actors, contract holders, the ghost model (every account that ever held
/// shares, every amount paid in and out, donations) and the violation counters that the invariants assert (the runner
/// ignores reverts of handler calls, so each breach is recorded instead).
abstract contract HandlerBase is TestBase {
    uint8 public constant K_BACKING = 1; // INV-1
    uint8 public constant K_PRO_RATA = 4; // INV-4
    uint8 public constant K_NEUTRALITY = 5; // INV-5
    uint8 public constant K_IDEMPOTENCE = 6; // INV-6
    uint8 public constant K_LIVENESS = 7; // INV-7
    uint8 public constant K_GROWTH = 8; // INV-8
    uint8 public constant K_STRANDED = 9; // INV-9
    uint8 public constant K_BEHAVIOUR = 10; // a call did something the spec does not allow (wrong error, wrong amount)
    uint8 public constant K_HOOK = 11; // the hostile token's hook minted in the middle of a transfer (INV-2)

    uint256 internal constant ACTOR_COUNT = 6;
    uint256 internal constant CONTRACT_HOLDERS = 3;
    uint256 internal constant MAX_FRESH_ACCOUNTS = 8;
    /// @dev Per deposit; lifetime deposits stay far below 2^128 (the pool's accounting bound).
    uint256 internal constant MAX_DEPOSIT = 1e24;
    uint256 internal constant MAGNITUDE = 1 << 128;
    uint256 internal constant BPS = 10_000;
    uint256 internal constant DAY = 1 days;

    HashrateOracle internal oracle;
    MiningPoolShare internal pool;
    MockERC20 internal wbtc;
    MockERC20 internal usdc;
    MintingHookToken internal hook;
    /// @dev Not a payout token: only ever donated and skimmed.
    MockERC20 internal stray;

    address[] internal _actors;
    address[] internal _contractHolders;
    address[REPORTERS] internal _reporters;
    address[] internal _everHolders;
    mapping(address account => bool) public isEverHolder;
    mapping(address account => bool) public isContractHolder;
    uint256 public freshAccounts;

    /// @notice The handler's clock: every action warps to it first, so time only moves through `warp`.
    uint256 public currentTimestamp;

    uint256[TOKENS] public ghostDeposited;
    uint256[TOKENS] public ghostClaimed;
    /// @notice Per token (index TOKENS = the stray token), what was sent to the pool outside a deposit and not yet
    /// skimmed.
    uint256[TOKENS + 1] public ghostDonated;

    mapping(uint8 kind => uint256) public violations;
    mapping(uint8 kind => string) public lastViolation;

    modifier useTime() {
        vm.warp(currentTimestamp);
        _;
    }

    function _deployPool() internal {
        vm.warp(START_TIME);
        currentTimestamp = START_TIME;
        oracle = new HashrateOracle(ADMIN, QUORUM);
        wbtc = new MockERC20("Wrapped BTC", "WBTC", 8);
        usdc = new MockERC20("USD Coin", "USDC", 6);
        hook = new MintingHookToken();
        stray = new MockERC20("Stray", "STRAY", 18);
        IERC20[] memory payout = new IERC20[](TOKENS);
        payout[0] = IERC20(address(wbtc));
        payout[1] = IERC20(address(usdc));
        payout[2] = IERC20(address(hook));
        pool = new MiningPoolShare("HashShare Pool", "HSP", ADMIN, oracle, SHARES_PER_THS, MAX_REPORT_AGE, payout);
        hook.aim(pool, HOOK_BENEFICIARY);

        vm.startPrank(ADMIN);
        for (uint256 i = 0; i < REPORTERS; ++i) {
            _reporters[i] = address(uint160(0x4440 + i));
            oracle.grantRole(oracle.REPORTER_ROLE(), _reporters[i]);
        }
        oracle.setMaxChangeBps(address(pool), MAX_CHANGE_BPS);
        pool.grantRole(pool.MINTER_ROLE(), MINTER);
        pool.grantRole(pool.MINTER_ROLE(), address(hook)); // the hook holds the role: only the lock can stop it
        pool.grantRole(pool.DISTRIBUTOR_ROLE(), DISTRIBUTOR);
        pool.grantRole(pool.PAUSER_ROLE(), PAUSER);
        vm.stopPrank();

        for (uint256 i = 0; i < ACTOR_COUNT; ++i) {
            _actors.push(address(uint160(0xA0000 + i)));
        }
        for (uint256 i = 0; i < CONTRACT_HOLDERS; ++i) {
            address holder = address(new PassiveHolder());
            _contractHolders.push(holder);
            isContractHolder[holder] = true;
        }
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Views for the invariants
    // ----------------------------------------------------------------------------------------------------------------

    function poolContract() external view returns (MiningPoolShare) {
        return pool;
    }

    function oracleContract() external view returns (HashrateOracle) {
        return oracle;
    }

    function hookToken() external view returns (MintingHookToken) {
        return hook;
    }

    function payoutToken(uint256 index) public view returns (IERC20) {
        if (index == 0) return IERC20(address(wbtc));
        if (index == 1) return IERC20(address(usdc));
        return IERC20(address(hook));
    }

    function strayToken() external view returns (IERC20) {
        return IERC20(address(stray));
    }

    function reporter(uint256 index) external view returns (address) {
        return _reporters[index];
    }

    function everHolderCount() external view returns (uint256) {
        return _everHolders.length;
    }

    function everHolder(uint256 index) external view returns (address) {
        return _everHolders[index];
    }

    /// @notice Σ claimable of `payoutToken(index)` over every account that ever held shares.
    function sumClaimable(uint256 index) public view returns (uint256 sum) {
        IERC20 token = payoutToken(index);
        for (uint256 i = 0; i < _everHolders.length; ++i) {
            sum += pool.claimable(_everHolders[i], token);
        }
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Helpers
    // ----------------------------------------------------------------------------------------------------------------

    /// @dev Faucet-mints `amount` of payout token `index` to `to`.
    function _faucet(uint256 index, address to, uint256 amount) internal {
        if (index == 0) wbtc.mint(to, amount);
        else if (index == 1) usdc.mint(to, amount);
        else hook.mint(to, amount);
    }

    /// @dev An EOA actor, a contract holder, or (up to a cap) an account that never existed before.
    function _pickRecipient(uint256 seed) internal returns (address) {
        uint256 pick = seed % (ACTOR_COUNT + CONTRACT_HOLDERS + 1);
        if (pick < ACTOR_COUNT) return _actors[pick];
        if (pick < ACTOR_COUNT + CONTRACT_HOLDERS) return _contractHolders[pick - ACTOR_COUNT];
        if (freshAccounts >= MAX_FRESH_ACCOUNTS) return _actors[(seed >> 8) % ACTOR_COUNT];
        ++freshAccounts;
        return address(uint160(0xF0000 + freshAccounts));
    }

    function _addEverHolder(address account) internal {
        if (isEverHolder[account] || pool.balanceOf(account) == 0) return;
        isEverHolder[account] = true;
        _everHolders.push(account);
    }

    /// @dev Claimable of every payout token for every ever-holder, then for `extra` in the last row.
    function _snapshot(address extra) internal view returns (uint256[TOKENS][] memory rows) {
        uint256 count = _everHolders.length;
        rows = new uint256[TOKENS][](count + 1);
        for (uint256 i = 0; i < count; ++i) {
            rows[i] = _claimables(_everHolders[i]);
        }
        rows[count] = _claimables(extra);
    }

    function _claimables(address account) internal view returns (uint256[TOKENS] memory row) {
        for (uint256 t = 0; t < TOKENS; ++t) {
            row[t] = pool.claimable(account, payoutToken(t));
        }
    }

    /// @dev Whether every ever-holder's (and `extra`'s) claimable is what it was in `before`.
    function _unchanged(uint256[TOKENS][] memory before, address extra) internal view returns (bool) {
        uint256[TOKENS][] memory afterwards = _snapshot(extra);
        // The ever-holder list may have grown by `extra` since `before`: compare the common prefix and `extra`.
        uint256 common = before.length - 1;
        for (uint256 i = 0; i < common; ++i) {
            if (!_sameRow(afterwards[i], before[i])) return false;
        }
        return _sameRow(afterwards[afterwards.length - 1], before[common]);
    }

    function _sameRow(uint256[TOKENS] memory a, uint256[TOKENS] memory b) internal pure returns (bool) {
        for (uint256 t = 0; t < TOKENS; ++t) {
            if (a[t] != b[t]) return false;
        }
        return true;
    }

    /// @notice Whether `account` is a contract holder with no code to call the pool (all but the last one, which
    /// can call `setClaimer` and `claim` like an EOA).
    function cannotCall(address account) public view returns (bool) {
        return isContractHolder[account] && account != _contractHolders[CONTRACT_HOLDERS - 1];
    }

    function _violation(uint8 kind, string memory what) internal {
        ++violations[kind];
        lastViolation[kind] = what;
    }

    /// @dev Records `what` under `kind` unless `reason` is exactly `expected`.
    function _expectReason(bytes memory reason, bytes memory expected, uint8 kind, string memory what) internal {
        if (keccak256(reason) != keccak256(expected)) _violation(kind, what);
    }
}
