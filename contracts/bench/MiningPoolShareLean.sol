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

import {IHashrateOracle} from "../interfaces/IHashrateOracle.sol";
import {IMiningPoolShare} from "../interfaces/IMiningPoolShare.sol";
import {AdminRules} from "../libraries/AdminRules.sol";

/// @title MiningPoolShareLean
/// @notice BENCHMARK ONLY — not deployed. `MiningPoolShare` with the storage layout proposed in `docs/GAS.md`, kept
/// so that `bench/gas.ts` measures the proposal in the same run as the deployed contract and the ERC-1726 peer.
/// Same API, events, errors and behaviour as `MiningPoolShare`, over the SPEC's exact ranges; only the layout
/// differs:
///  1. Magnification 2^96 instead of 2^128, so revenue per share and corrections are kept modulo 2^192: a holder's
///     owed amount, magnified, stays below 2^96 · 2^96 = 2^192 because lifetime deposits of a token are capped at
///     2^96 − 1 base units (7.9e28, above the SPEC's 1e27) and the supply at 2^96 − 1 share units (7.9e28, above
///     the SPEC's 1e27), which keeps a deposit's rounding error below balance / 2^96 < 1 base unit (INV-4) and the
///     carry below supply / 2^96 < 1 base unit (INV-3).
///  2. The pause deadline (`pausedUntil`, 64 bits) lives in the top 64 bits of token 0's revenue-per-share word,
///     which every transfer and mint reads anyway: the pause check costs no extra storage read (−2,100 gas).
///  3. A token's carry (< supply < 2^96) and total deposited (< 2^96) share one slot: a deposit writes one slot
///     less (−5,000 gas).
///  4. A claim reads the holder's correction once, claimAll reads the balance once, and the claimed totals of two
///     tokens are the two 128-bit lanes of one slot.
/// @dev Accounting as in `MiningPoolShare` (INV-2…5), modulo 2^192 instead of 2^256: for each payout token `i`,
/// `rps[i]` (magnified by 2^96) and for each holder a correction `c[holder][i]`; the owed amount, magnified, is
/// `rps[i] · balance + c[holder][i]` modulo 2^192. Corrections are stored modulo 2^256 (congruent modulo 2^192).
contract MiningPoolShareLean is
    IMiningPoolShare,
    ERC20Permit,
    AccessControlDefaultAdminRules,
    ReentrancyGuardTransient
{
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
    uint256 private constant MAGNITUDE = 1 << 96;
    /// @dev Revenue per share and owed amounts are exact modulo 2^192 (the low 192 bits of a word).
    uint256 private constant WORD_BITS = 192;
    uint256 private constant WORD_MASK = (1 << WORD_BITS) - 1;
    uint256 private constant LANE_BITS = 128;
    /// @dev The supply never exceeds 2^96 − 1 share units (7.9e28, above the SPEC's 1e27): a deposit's rounding
    /// remainder, carried to the next deposit, is then below supply / 2^96 < 1 base unit (INV-3).
    uint256 private constant MAX_SUPPLY = type(uint96).max;

    struct Ledger {
        uint96 carry; // rounding remainder of the magnified deposits, below the supply it was divided by
        uint96 totalDeposited; // below 2^96 (checked), so every owed amount, magnified, is below 2^192
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

    /// @dev Low 192 bits: revenue per share of token i, magnified by 2^96, modulo 2^192. Top 64 bits of word 0:
    /// `pausedUntil` (read by every transfer and mint together with token 0's revenue per share).
    uint256[MAX_PAYOUT_TOKENS] private _words;
    Ledger[MAX_PAYOUT_TOKENS] private _ledgers;
    /// @dev Apart from the ledgers so that two tokens' totals share a slot: claimAll writes it once cold, then warm.
    /// @dev totalClaimed of token i in lane i % 2 (128 bits) of slot i / 2: claimAll writes each slot once.
    uint256[2] private _claimedPairs;
    mapping(address holder => uint256[MAX_PAYOUT_TOKENS]) private _corrections;
    mapping(IERC20 token => uint256[SOURCE_COUNT]) private _revenueBySource;
    mapping(IERC20 token => mapping(uint8 source => mapping(uint64 epoch => bool))) private _funded;
    mapping(address holder => Claimer) private _claimers;

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
    /// @dev Keeps INV-1: after the mint, totalSupply ≤ reported hashrate × sharesPerTHs. The re-entrancy lock keeps
    /// INV-2: a deposit's supply cannot change between its read and its credit.
    function mint(address to, uint256 shares) external onlyRole(MINTER_ROLE) nonReentrant {
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

        Ledger memory ledger = _ledgers[index];
        // Checked: lifetime deposits of a token stay below 2^96, which keeps every owed amount exact (see @dev).
        uint96 deposited = SafeCast.toUint96(ledger.totalDeposited + received);
        _revenueBySource[token][source] += received;

        uint256 carry = ledger.carry;
        uint256 increment;
        unchecked {
            // received < 2^96, so received · 2^96 < 2^192.
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
            // Modulo 2^192 by design (see @dev); the top 64 bits (word 0: pausedUntil) are kept as they are.
            uint256 word = _words[index];
            _words[index] = (word & ~WORD_MASK) | ((word + increment) & WORD_MASK);
        }
        // carry < supply ≤ 2^96 − 1.
        _ledgers[index] = Ledger(uint96(carry), deposited);
        emit RevenueDeposited(address(token), source, epoch, received);
    }

    /// @inheritdoc IMiningPoolShare
    function isEpochFunded(IERC20 token, uint8 source, uint64 epoch) external view returns (bool) {
        return _funded[token][source][epoch];
    }

    /// @inheritdoc IMiningPoolShare
    function claimable(address account, IERC20 token) external view returns (uint256) {
        uint256 index = _indexOf(token);
        return _owed(account, index, _words[index] & WORD_MASK) / MAGNITUDE;
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
            uint256 owed = _ledgers[index].totalDeposited - _totalClaimedOf(index);
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
        return _totalClaimedOf(_indexOf(token));
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
        uint64 until = _pausedUntilOf(_words[0]);
        if (block.timestamp < until) revert EnforcedPause();
        // The first pause (until = 0) can start at any time.
        if (until != 0 && block.timestamp < uint256(until) + PAUSE_COOLDOWN)
            revert PauseCooldown(until + PAUSE_COOLDOWN);
        _setPausedUntil(SafeCast.toUint64(block.timestamp + MAX_PAUSE_DURATION));
        emit Paused(msg.sender);
    }

    /// @inheritdoc IMiningPoolShare
    function unpause() external onlyRole(PAUSER_ROLE) {
        if (block.timestamp >= _pausedUntilOf(_words[0])) revert ExpectedPause();
        // block.timestamp < pausedUntil < 2^64.
        _setPausedUntil(uint64(block.timestamp));
        emit Unpaused(msg.sender);
    }

    /// @inheritdoc IMiningPoolShare
    function paused() public view returns (bool) {
        return block.timestamp < _pausedUntilOf(_words[0]);
    }

    /// @inheritdoc IMiningPoolShare
    function pausedUntil() external view returns (uint64) {
        return _pausedUntilOf(_words[0]);
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
        uint256 word0 = _words[0];
        if (block.timestamp < _pausedUntilOf(word0)) revert EnforcedPause();
        if (to == address(this)) revert ERC20InvalidReceiver(to);
        super._update(from, to, value);
        if (from == to || value == 0) return;
        uint256 count = _tokenCount;
        for (uint256 i = 0; i < count; ++i) {
            uint256 rps = (i == 0 ? word0 : _words[i]) & WORD_MASK;
            if (rps == 0) continue;
            unchecked {
                // Modulo 2^256, hence modulo 2^192 (see contract @dev): only differences of owed amounts matter.
                uint256 moved = rps * value;
                if (from != address(0)) _corrections[from][i] += moved;
                if (to != address(0)) _corrections[to][i] -= moved;
            }
        }
    }

    /// @dev Pays `account`'s claimable `token` to `recipient` (INV-7: no pause, role or oracle check).
    function _claim(address account, uint256 index, IERC20 token, address recipient) private returns (uint256) {
        return _claimWith(account, balanceOf(account), index, token, recipient);
    }

    /// @dev `_claim` with the account's balance already read (claimAll reads it once for every token).
    function _claimWith(
        address account,
        uint256 balance,
        uint256 index,
        IERC20 token,
        address recipient
    ) private returns (uint256 amount) {
        amount = _settle(account, index, balance);
        if (amount == 0) return 0;
        unchecked {
            // amount ≤ totalDeposited − totalClaimed < 2^96 (INV-2): lane (index % 2) never carries into the next.
            _claimedPairs[index / 2] += amount << (LANE_BITS * (index % 2));
        }
        emit RevenueClaimed(account, address(token), recipient, amount);
        token.safeTransfer(recipient, amount);
    }

    function _claimAll(address account, address recipient) private returns (uint256[] memory amounts) {
        uint256 count = _tokenCount;
        amounts = new uint256[](count);
        uint256 balance = balanceOf(account);
        for (uint256 i = 0; i < count; ++i) {
            amounts[i] = _claimWith(account, balance, i, _tokenAt(i), recipient);
        }
    }

    /// @dev Lowers `account`'s correction of token `index` by what it is owed, and returns that amount.
    function _settle(address account, uint256 index, uint256 balance) private returns (uint256 amount) {
        uint256 correction = _corrections[account][index];
        unchecked {
            // Modulo 2^192 by design (see contract @dev); amount < 2^96, so amount · 2^96 < 2^192.
            amount = (((_words[index] & WORD_MASK) * balance + correction) & WORD_MASK) / MAGNITUDE;
            if (amount != 0) _corrections[account][index] = correction - amount * MAGNITUDE;
        }
    }

    function _checkClaimer(address holder, address recipient) private view {
        if (msg.sender != _claimers[holder].claimer) revert NotClaimer(msg.sender, holder);
        if (recipient == address(0)) revert InvalidRecipient(recipient);
    }

    function _requireNotPaused() private view {
        if (block.timestamp < _pausedUntilOf(_words[0])) revert EnforcedPause();
    }

    function _totalClaimedOf(uint256 index) private view returns (uint256) {
        return uint128(_claimedPairs[index / 2] >> (LANE_BITS * (index % 2)));
    }

    function _pausedUntilOf(uint256 word0) private pure returns (uint64) {
        return uint64(word0 >> WORD_BITS);
    }

    function _setPausedUntil(uint64 until) private {
        _words[0] = (_words[0] & WORD_MASK) | (uint256(until) << WORD_BITS);
    }

    /// @dev The account's owed revenue, magnified: rps · balance + correction, modulo 2^192 (exact, see @dev).
    function _owed(address account, uint256 index, uint256 rps) private view returns (uint256) {
        unchecked {
            return (rps * balanceOf(account) + _corrections[account][index]) & WORD_MASK;
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
