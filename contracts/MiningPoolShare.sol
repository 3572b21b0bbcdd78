// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

// solhint-disable-next-line max-line-length
import {AccessControlDefaultAdminRules} from "@openzeppelin/contracts/access/extensions/AccessControlDefaultAdminRules.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IHashrateOracle} from "./interfaces/IHashrateOracle.sol";
import {IMiningPoolShare} from "./interfaces/IMiningPoolShare.sol";
import {AdminRules} from "./libraries/AdminRules.sol";

/// @title MiningPoolShare
/// @notice ERC-20 share of a mining pool, minted against oracle-reported hashrate and paid revenue pro rata.
/// @dev Accounting (INV-2…5): for each payout token `i`, a cumulative revenue per share `rps[i]` magnified by
/// 2^128, and for each holder a correction `c[holder][i]`, so that the holder's owed amount, magnified, is
/// `rps[i] · balance + c[holder][i]`. Transfers and mints move `rps[i] · value` between the two corrections, which
/// leaves every owed amount unchanged (INV-5); a claim lowers the correction by the claimed amount, magnified.
/// All of this arithmetic is done modulo 2^256 on purpose: the true owed amount of any holder is below
/// 2^128 base units (totals are uint128), so its magnified value is below 2^256 and the modular result is exact
/// even when `rps` or a correction wraps. A deposit adds `(amount · 2^128 + carry) / supply` to `rps[i]` and keeps
/// the remainder as `carry`, so rounding never loses revenue: it is carried into the next deposit (INV-3).
/// Claims take no pause, role or oracle check (INV-7), and a holder's revenue can also be claimed by the claimer it or,
/// for a contract that has not chosen, the admin named (INV-9).
contract MiningPoolShare is IMiningPoolShare, ERC20Permit, AccessControlDefaultAdminRules, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @inheritdoc IMiningPoolShare
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    /// @inheritdoc IMiningPoolShare
    bytes32 public constant DISTRIBUTOR_ROLE = keccak256("DISTRIBUTOR_ROLE");
    /// @inheritdoc IMiningPoolShare
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
    /// @inheritdoc IMiningPoolShare
    uint64 public constant MAX_PAUSE_DURATION = 7 days;
    /// @inheritdoc IMiningPoolShare
    uint64 public constant PAUSE_COOLDOWN = 1 days;

    uint8 private constant SOURCE_COUNT = 2;
    uint256 private constant MAX_PAYOUT_TOKENS = 4;
    uint256 private constant MAGNITUDE = 1 << 128;
    /// @dev The supply never exceeds 2^128 − 1 share units (3.4e20 shares, far above any real pool): a deposit's
    /// rounding remainder, carried to the next deposit, is then below supply / 2^128 < 1 base unit (INV-3).
    uint256 private constant MAX_SUPPLY = type(uint128).max;

    /// @dev Two slots: the revenue per share, and the two totals a deposit updates together. The carry fits in 128
    /// bits because it stays below the supply, which never exceeds `MAX_SUPPLY` = 2^128 − 1.
    struct Ledger {
        uint256 revenuePerShare; // magnified by 2^128, modulo 2^256
        uint128 carry; // rounding remainder of the magnified deposits, below the supply it was divided by
        uint128 totalDeposited;
    }

    struct Claimer {
        address claimer;
        bool setByHolder;
    }

    IHashrateOracle private immutable _oracle;
    uint256 private immutable _sharesPerTHs;
    uint64 private immutable _maxReportAge;
    uint256 private immutable _tokenCount;
    IERC20 private immutable _token0;
    IERC20 private immutable _token1;
    IERC20 private immutable _token2;
    IERC20 private immutable _token3;

    Ledger[MAX_PAYOUT_TOKENS] private _ledgers;
    /// @dev Apart from the ledgers so that two tokens' totals share a slot: claimAll writes it once cold, then warm.
    uint128[MAX_PAYOUT_TOKENS] private _totalClaimed;
    mapping(address holder => uint256[MAX_PAYOUT_TOKENS]) private _corrections;
    mapping(IERC20 token => uint256[SOURCE_COUNT]) private _revenueBySource;
    mapping(IERC20 token => mapping(uint8 source => mapping(uint64 epoch => bool))) private _funded;
    mapping(address holder => Claimer) private _claimers;
    uint64 private _pausedUntil;

    /// @param name_ ERC-20 name (also the EIP-712 domain name for permits).
    /// @param symbol_ ERC-20 symbol.
    /// @param admin Receives `DEFAULT_ADMIN_ROLE` only (handed over in two steps with a delay starting at 2 days);
    /// operational roles are granted explicitly.
    /// @param oracle_ The hashrate oracle whose reports for this pool back the supply.
    /// @param sharesPerTHs_ Share base units (18 decimals) backed by 1 TH/s.
    /// @param maxReportAge_ Seconds a report stays valid for minting.
    /// @param payoutTokens_ 1 to 4 distinct payout tokens, none of them the share itself.
    constructor(
        string memory name_,
        string memory symbol_,
        address admin,
        IHashrateOracle oracle_,
        uint256 sharesPerTHs_,
        uint64 maxReportAge_,
        IERC20[] memory payoutTokens_
    ) ERC20(name_, symbol_) ERC20Permit(name_) AccessControlDefaultAdminRules(AdminRules.INITIAL_ADMIN_DELAY, admin) {
        if (address(oracle_) == address(0)) revert ZeroAddress();
        if (sharesPerTHs_ == 0) revert InvalidSharesPerTHs();
        uint256 count = payoutTokens_.length;
        if (count == 0 || count > MAX_PAYOUT_TOKENS) revert InvalidPayoutTokenCount(count);
        for (uint256 i = 0; i < count; ++i) {
            address token = address(payoutTokens_[i]);
            if (token == address(0) || token == address(this)) revert InvalidPayoutToken(token);
            for (uint256 j = 0; j < i; ++j) {
                if (address(payoutTokens_[j]) == token) revert InvalidPayoutToken(token);
            }
        }
        _oracle = oracle_;
        _sharesPerTHs = sharesPerTHs_;
        _maxReportAge = maxReportAge_;
        _tokenCount = count;
        _token0 = payoutTokens_[0];
        _token1 = count > 1 ? payoutTokens_[1] : IERC20(address(0));
        _token2 = count > 2 ? payoutTokens_[2] : IERC20(address(0));
        _token3 = count > 3 ? payoutTokens_[3] : IERC20(address(0));
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Backing (INV-1)
    // ----------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IMiningPoolShare
    function mintableShares() public view returns (uint256) {
        (uint256 backing, uint64 updatedAt) = _backing();
        if (!_isFresh(updatedAt)) return 0;
        uint256 supply = totalSupply();
        return backing > supply ? backing - supply : 0;
    }

    /// @inheritdoc IMiningPoolShare
    /// @dev Keeps INV-1: after the mint, totalSupply ≤ reported hashrate × sharesPerTHs. Shares the re-entrancy lock
    /// of deposits and claims, which keeps INV-2: no mint while a deposit or a claim holds the lock, so a deposit's
    /// supply cannot change between its read and its credit. Checking the lock is enough: the only call `mint` makes
    /// is to the oracle's `view` (a static call), so nothing can run inside a mint.
    function mint(address to, uint256 shares) external onlyRole(MINTER_ROLE) {
        if (_reentrancyGuardEntered()) revert ReentrancyGuardReentrantCall();
        if (shares == 0) revert ZeroAmount();
        (uint256 backing, uint64 updatedAt) = _backing();
        if (!_isFresh(updatedAt)) revert StaleHashrateReport(updatedAt, _maxReportAge);
        uint256 supply = totalSupply();
        uint256 available = backing > supply ? backing - supply : 0;
        if (shares > available) revert ExceedsHashrateBacking(shares, available);
        _mint(to, shares);
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Revenue
    // ----------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IMiningPoolShare
    /// @dev O(1) whatever the number of holders. Credits what arrived (fee-on-transfer tokens) and carries the
    /// rounding remainder (INV-3). The reentrancy guard stops a token hook from claiming mid-transfer, which would
    /// make the balance difference understate what arrived.
    function depositRevenue(
        IERC20 token,
        uint256 amount,
        uint8 source,
        uint64 epoch
    ) external onlyRole(DISTRIBUTOR_ROLE) nonReentrant {
        _requireNotPaused();
        uint256 index = _indexOf(token);
        if (source >= SOURCE_COUNT) revert UnknownRevenueSource(source);
        if (amount == 0) revert ZeroAmount();
        if (_funded[token][source][epoch]) revert EpochAlreadyFunded(address(token), source, epoch);
        uint256 supply = totalSupply();
        if (supply == 0) revert NoSharesOutstanding();

        _funded[token][source][epoch] = true;
        uint256 balanceBefore = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = token.balanceOf(address(this)) - balanceBefore;
        if (received == 0) revert ZeroAmount();

        Ledger storage ledger = _ledgers[index];
        // Checked: lifetime deposits of a token stay below 2^128, which keeps every owed amount exact (see @dev).
        uint128 deposited = SafeCast.toUint128(ledger.totalDeposited + received);
        _revenueBySource[token][source] += received;

        uint256 carry = ledger.carry;
        uint256 increment;
        unchecked {
            // received < 2^128, so received · 2^128 < 2^256.
            uint256 magnified = received * MAGNITUDE;
            increment = magnified / supply;
            uint256 remainder = magnified % supply;
            // carry < supply: it was left below the supply of an earlier deposit, and the supply never falls
            // (shares are never burned). remainder < supply too: add them without overflow and move at most one
            // more unit per share into the increment.
            if (remainder >= supply - carry) {
                increment += 1;
                carry = remainder - (supply - carry);
            } else {
                carry += remainder;
            }
            // Modulo 2^256 by design (see @dev).
            ledger.revenuePerShare += increment;
            // carry < supply ≤ MAX_SUPPLY < 2^128. One write for both totals of the slot.
            (ledger.carry, ledger.totalDeposited) = (uint128(carry), deposited);
        }
        emit RevenueDeposited(address(token), source, epoch, received);
    }

    /// @inheritdoc IMiningPoolShare
    function isEpochFunded(IERC20 token, uint8 source, uint64 epoch) external view returns (bool) {
        return _funded[token][source][epoch];
    }

    /// @inheritdoc IMiningPoolShare
    function claimable(address account, IERC20 token) external view returns (uint256) {
        uint256 index = _indexOf(token);
        return _owed(account, index, _ledgers[index].revenuePerShare) / MAGNITUDE;
    }

    /// @inheritdoc IMiningPoolShare
    /// @dev INV-7: no role, pause or oracle check stands between a holder and its revenue.
    function claim(IERC20 token) external nonReentrant returns (uint256) {
        return _claim(msg.sender, _indexOf(token), token, msg.sender);
    }

    /// @inheritdoc IMiningPoolShare
    function claimTo(IERC20 token, address recipient) external nonReentrant returns (uint256) {
        if (recipient == address(0)) revert InvalidRecipient(recipient);
        return _claim(msg.sender, _indexOf(token), token, recipient);
    }

    /// @inheritdoc IMiningPoolShare
    function claimAll() external nonReentrant returns (uint256[] memory) {
        return _claimAll(msg.sender, msg.sender);
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Claims on behalf (INV-9)
    // ----------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IMiningPoolShare
    function setClaimer(address claimer) external {
        _claimers[msg.sender] = Claimer(claimer, true);
        emit ClaimerSet(msg.sender, claimer);
    }

    /// @inheritdoc IMiningPoolShare
    function setClaimerFor(address holder, address claimer) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (holder.code.length == 0) revert HolderNotContract(holder);
        if (_claimers[holder].setByHolder) revert ClaimerSetByHolder(holder);
        _claimers[holder].claimer = claimer;
        emit ClaimerSet(holder, claimer);
    }

    /// @inheritdoc IMiningPoolShare
    function claimerOf(address holder) external view returns (address) {
        return _claimers[holder].claimer;
    }

    /// @inheritdoc IMiningPoolShare
    function claimOnBehalf(address holder, IERC20 token, address recipient) external nonReentrant returns (uint256) {
        _checkClaimer(holder, recipient);
        return _claim(holder, _indexOf(token), token, recipient);
    }

    /// @inheritdoc IMiningPoolShare
    function claimAllOnBehalf(address holder, address recipient) external nonReentrant returns (uint256[] memory) {
        _checkClaimer(holder, recipient);
        return _claimAll(holder, recipient);
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Recovery
    // ----------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IMiningPoolShare
    /// @dev Keeps INV-3 and INV-9: a payout token keeps exactly `totalDeposited − totalClaimed`, what holders can be
    /// owed (Σ claimable never exceeds it, INV-2).
    function skim(
        IERC20 token,
        address to
    ) external onlyRole(DEFAULT_ADMIN_ROLE) nonReentrant returns (uint256 amount) {
        if (to == address(0)) revert InvalidRecipient(to);
        uint256 balance = token.balanceOf(address(this));
        amount = balance;
        (bool payout, uint256 index) = _tryIndexOf(token);
        if (payout) {
            uint256 owed = _ledgers[index].totalDeposited - _totalClaimed[index];
            amount = balance > owed ? balance - owed : 0;
        }
        if (amount == 0) return 0;
        emit Skimmed(address(token), to, amount);
        token.safeTransfer(to, amount);
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Views
    // ----------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IMiningPoolShare
    function payoutTokens() external view returns (IERC20[] memory tokens) {
        uint256 count = _tokenCount;
        tokens = new IERC20[](count);
        for (uint256 i = 0; i < count; ++i) {
            tokens[i] = _tokenAt(i);
        }
    }

    /// @inheritdoc IMiningPoolShare
    function totalDeposited(IERC20 token) external view returns (uint256) {
        return _ledgers[_indexOf(token)].totalDeposited;
    }

    /// @inheritdoc IMiningPoolShare
    function totalClaimed(IERC20 token) external view returns (uint256) {
        return _totalClaimed[_indexOf(token)];
    }

    /// @inheritdoc IMiningPoolShare
    function revenueBySource(IERC20 token, uint8 source) external view returns (uint256) {
        _indexOf(token);
        if (source >= SOURCE_COUNT) revert UnknownRevenueSource(source);
        return _revenueBySource[token][source];
    }

    /// @inheritdoc IMiningPoolShare
    function oracle() external view returns (IHashrateOracle) {
        return _oracle;
    }

    /// @inheritdoc IMiningPoolShare
    function sharesPerTHs() external view returns (uint256) {
        return _sharesPerTHs;
    }

    /// @inheritdoc IMiningPoolShare
    function maxReportAge() external view returns (uint64) {
        return _maxReportAge;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Pause (bounded, INV-7)
    // ----------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IMiningPoolShare
    /// @dev Keeps INV-7: every pause ends within `MAX_PAUSE_DURATION`, and the next one starts no earlier than
    /// `PAUSE_COOLDOWN` after that, so a pauser can never stop transfers for good.
    function pause() external onlyRole(PAUSER_ROLE) {
        uint64 until = _pausedUntil;
        if (block.timestamp < until) revert EnforcedPause();
        // The first pause (until = 0) can start at any time.
        if (until != 0 && block.timestamp < uint256(until) + PAUSE_COOLDOWN)
            revert PauseCooldown(until + PAUSE_COOLDOWN);
        _pausedUntil = SafeCast.toUint64(block.timestamp + MAX_PAUSE_DURATION);
        emit Paused(msg.sender);
    }

    /// @inheritdoc IMiningPoolShare
    function unpause() external onlyRole(PAUSER_ROLE) {
        if (block.timestamp >= _pausedUntil) revert ExpectedPause();
        // block.timestamp < _pausedUntil < 2^64.
        _pausedUntil = uint64(block.timestamp);
        emit Unpaused(msg.sender);
    }

    /// @inheritdoc IMiningPoolShare
    function paused() public view returns (bool) {
        return block.timestamp < _pausedUntil;
    }

    /// @inheritdoc IMiningPoolShare
    function pausedUntil() external view returns (uint64) {
        return _pausedUntil;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // ERC-2612
    // ----------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IERC20Permit
    function nonces(address owner) public view override(ERC20Permit, IERC20Permit) returns (uint256) {
        return super.nonces(owner);
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Internals
    // ----------------------------------------------------------------------------------------------------------------

    /// @dev The single hook of transfers and mints. Refuses them while paused (one storage read) and refuses the pool
    /// itself as a receiver (INV-9: shares held by the pool could never be claimed for). Keeps INV-5: moving `value`
    /// shares moves `rps · value` of magnified owed revenue between the two corrections, so no account's claimable
    /// changes.
    function _update(address from, address to, uint256 value) internal override {
        _requireNotPaused();
        if (to == address(this)) revert ERC20InvalidReceiver(to);
        super._update(from, to, value);
        if (from == to || value == 0) return;
        uint256 count = _tokenCount;
        // Shares are never burned, so `to` is never address(0); a mint has no sender to correct.
        uint256[MAX_PAYOUT_TOKENS] storage toCorrections = _corrections[to];
        if (from == address(0)) {
            for (uint256 i = 0; i < count; ++i) {
                uint256 rps = _ledgers[i].revenuePerShare;
                // Modulo 2^256 by design (see contract @dev): only differences of owed amounts matter.
                unchecked {
                    if (rps != 0) toCorrections[i] -= rps * value;
                }
            }
            return;
        }
        uint256[MAX_PAYOUT_TOKENS] storage fromCorrections = _corrections[from];
        for (uint256 i = 0; i < count; ++i) {
            uint256 rps = _ledgers[i].revenuePerShare;
            if (rps == 0) continue;
            unchecked {
                // Modulo 2^256 by design (see contract @dev).
                uint256 moved = rps * value;
                fromCorrections[i] += moved;
                toCorrections[i] -= moved;
            }
        }
    }

    /// @dev Pays `account`'s claimable `token` to `recipient` (INV-7: no pause, role or oracle check).
    function _claim(address account, uint256 index, IERC20 token, address recipient) private returns (uint256) {
        return _claimFrom(_corrections[account], balanceOf(account), account, index, token, recipient);
    }

    function _claimAll(address account, address recipient) private returns (uint256[] memory amounts) {
        uint256 count = _tokenCount;
        uint256[MAX_PAYOUT_TOKENS] storage corrections = _corrections[account];
        uint256 balance = balanceOf(account);
        amounts = new uint256[](count);
        for (uint256 i = 0; i < count; ++i) {
            amounts[i] = _claimFrom(corrections, balance, account, i, _tokenAt(i), recipient);
        }
    }

    /// @dev Pays what `account` (holding `balance`, with `corrections`) is owed of the payout token at `index`.
    function _claimFrom(
        uint256[MAX_PAYOUT_TOKENS] storage corrections,
        uint256 balance,
        address account,
        uint256 index,
        IERC20 token,
        address recipient
    ) private returns (uint256 amount) {
        uint256 correction = corrections[index];
        unchecked {
            // The owed amount, magnified, modulo 2^256 (exact, see contract @dev).
            amount = (_ledgers[index].revenuePerShare * balance + correction) / MAGNITUDE;
        }
        if (amount == 0) return 0;
        unchecked {
            // amount ≤ totalDeposited − totalClaimed < 2^128 (INV-2), so neither line overflows.
            corrections[index] = correction - amount * MAGNITUDE;
            _totalClaimed[index] += uint128(amount);
        }
        emit RevenueClaimed(account, address(token), recipient, amount);
        token.safeTransfer(recipient, amount);
    }

    function _checkClaimer(address holder, address recipient) private view {
        if (msg.sender != _claimers[holder].claimer) revert NotClaimer(msg.sender, holder);
        if (recipient == address(0)) revert InvalidRecipient(recipient);
    }

    function _requireNotPaused() private view {
        if (block.timestamp < _pausedUntil) revert EnforcedPause();
    }

    /// @dev The account's owed revenue, magnified: rps · balance + correction, modulo 2^256 (exact, see @dev).
    function _owed(address account, uint256 index, uint256 rps) private view returns (uint256) {
        unchecked {
            return rps * balanceOf(account) + _corrections[account][index];
        }
    }

    function _backing() private view returns (uint256 backing, uint64 updatedAt) {
        uint256 hashrateTHs;
        (hashrateTHs, , updatedAt) = _oracle.latestHashrate(address(this));
        // An extreme report saturates rather than reverting, at the supply cap that keeps INV-3's bound.
        (bool ok, uint256 product) = Math.tryMul(hashrateTHs, _sharesPerTHs);
        backing = ok && product < MAX_SUPPLY ? product : MAX_SUPPLY;
    }

    function _isFresh(uint64 updatedAt) private view returns (bool) {
        return updatedAt != 0 && block.timestamp <= uint256(updatedAt) + _maxReportAge;
    }

    function _indexOf(IERC20 token) private view returns (uint256 index) {
        bool payout;
        (payout, index) = _tryIndexOf(token);
        if (!payout) revert NotPayoutToken(address(token));
    }

    function _tryIndexOf(IERC20 token) private view returns (bool, uint256) {
        if (address(token) == address(_token0)) return (true, 0);
        if (address(token) == address(_token1) && _tokenCount > 1) return (true, 1);
        if (address(token) == address(_token2) && _tokenCount > 2) return (true, 2);
        if (address(token) == address(_token3) && _tokenCount > 3) return (true, 3);
        return (false, 0);
    }

    function _tokenAt(uint256 index) private view returns (IERC20) {
        if (index == 0) return _token0;
        if (index == 1) return _token1;
        if (index == 2) return _token2;
        return _token3;
    }
}
