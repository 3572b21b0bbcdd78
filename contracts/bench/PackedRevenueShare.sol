// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20Pausable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Pausable.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @title PackedRevenueShare
/// @notice BENCHMARK ONLY — not deployed, not part of HashShare's API, and never to be used with real funds.
/// It is the faster, precision-limited layout of `MiningPoolShare`'s revenue ledger, kept only so that
/// `bench/gas.ts` can measure both layouts in the same run. It has `MiningPoolShare`'s deposit / claim /
/// claimAll / claimable semantics (credit what arrived, carry the rounding remainder, `EpochAlreadyFunded`,
/// source 0/1 totals) for exactly two payout tokens, with a role-gated `mint` instead of the oracle and sale.
/// @dev Layout (one storage slot per line; lane 0 = bits 0..127, lane 1 = bits 128..255, each modulo 2^128):
///  - `_revenuePerShare`: revenue per share of token 0 | token 1, magnified by 2^k0 | 2^k1.
///  - `_corrections[holder]`: the holder's correction for token 0 | token 1.
///  - `_claimed`: totalClaimed of token 0 | token 1 (the only ledger slot a claim or claimAll writes).
///  - `_ledgers[i]`: carry (lane 0) | totalDeposited (lane 1) of token i (the ledger slot a deposit writes).
/// A holder's owed amount of token i, magnified, is `rps_i · balance + c_i` modulo 2^128; transfers and mints
/// move `rps_i · value` between the two corrections (INV-5, exact); a claim lowers `c_i` by `amount · 2^k_i`.
/// A share transfer therefore touches 3 slots beyond the ERC-20 ones (rps, and one correction slot per
/// account) where `MiningPoolShare` touches 6 (2 rps, 2 × 2 corrections).
///
/// PRECISION LIMITS (k = `magnitudeBits(token)`, chosen per token at construction; numbers below for k = 64):
///  1. Exact only while every holder's owed amount of a token stays below 2^(128−k) base units (its magnified
///     value must fit one 128-bit lane). Enforced, never silent: a deposit that would take the token's
///     outstanding revenue (totalDeposited − totalClaimed, which bounds every holder's owed amount) to
///     2^(128−k) or more reverts with `PayoutLimitExceeded`. For k = 64 the cap is 2^64 − 1 ≈ 1.84e19 base
///     units: 1.84e11 tokens at 8 decimals (WBTC), 1.84e13 at 6 (USDC), but only 18.44 tokens at 18 decimals.
///  2. A deposit credits `⌊(amount · 2^k + carry) / supply⌋` per share and keeps the remainder (< supply) as
///     the carry, so up to supply / 2^k base units of each token sit undistributed until a later deposit of that
///     token (credited then to the holders of that time). For k = 64: a 1e24 share supply (a million shares)
///     carries < 1e24 / 2^64 ≈ 54,210.1 base units = 0.00054210 WBTC, 0.054210 USDC, 5.4e-14 of an 18-decimal
///     token; a 1e27 supply (a billion shares) carries < 1e27 / 2^64 ≈ 54,210,108.6 base units = 0.54210109 WBTC,
///     54.210109 USDC, 5.4e-11 of an 18-decimal token. Hence INV-3's bound widens by supply / 2^k base units, and
///     INV-4 holds to within balance / 2^k + 1 base units per deposit instead of 1 (≈ ±54,211 base units for a
///     holder of 1e24 share units; within 1 only for holders of fewer than 2^64 units ≈ 18.4 shares).
/// The supply is capped at 2^128 − 1 share units (`SupplyLimitExceeded`) so the carry fits its lane.
/// k only moves one limit against the other: outstanding cap / carry bound = 2^128 / supply, whatever k.
/// k = 72 suits 6/8-decimal tokens (cap 7.2e16 base units = 7.2e8 WBTC / 7.2e10 USDC; carry < 212 / 211,759
/// base units at 1e24 / 1e27 shares); an 18-decimal token needs k ≤ 38 (cap 2^90 ≈ 1.24e27 base units,
/// carry < 3.6e12 / 3.6e15 base units = 3.6e-6 / 0.0036 tokens at 1e24 / 1e27 shares). `MiningPoolShare`
/// (k = 128 in 256-bit words) has neither limit in its range: owed < 2^128 and carry < supply / 2^128 < 1.
contract PackedRevenueShare is ERC20Pausable, AccessControl, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice Role that may mint shares.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    /// @notice Role that may deposit revenue.
    bytes32 public constant DISTRIBUTOR_ROLE = keccak256("DISTRIBUTOR_ROLE");
    /// @notice Role that may pause and unpause mint, deposit and transfers (never claims).
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    uint8 private constant SOURCE_COUNT = 2;
    uint8 private constant MAX_MAGNITUDE_BITS = 127;
    uint256 private constant LANE_BITS = 128;

    IERC20 private immutable _token0;
    IERC20 private immutable _token1;
    uint8 private immutable _bits0;
    uint8 private immutable _bits1;

    uint256 private _revenuePerShare;
    uint256 private _claimed;
    uint256[2] private _ledgers;
    mapping(address holder => uint256) private _corrections;
    uint256[SOURCE_COUNT][2] private _revenueBySource;
    mapping(IERC20 token => mapping(uint8 source => mapping(uint64 epoch => bool))) private _funded;

    /// @notice Same as `IMiningPoolShare.RevenueDeposited`.
    event RevenueDeposited(address indexed token, uint8 indexed source, uint64 indexed epoch, uint256 amount);
    /// @notice Same as `IMiningPoolShare.RevenueClaimed`.
    event RevenueClaimed(address indexed account, address indexed token, address recipient, uint256 amount);

    /// @notice This (token, source, epoch) was already funded (INV-6).
    error EpochAlreadyFunded(address token, uint8 source, uint64 epoch);
    /// @notice The token is not one of the two payout tokens.
    error NotPayoutToken(address token);
    /// @notice The revenue source is neither 0 (mining) nor 1 (AI).
    error UnknownRevenueSource(uint8 source);
    /// @notice The amount is zero, or nothing arrived.
    error ZeroAmount();
    /// @notice There are no shares to credit a deposit to.
    error NoSharesOutstanding();
    /// @notice A payout token is the zero address, the share itself, or listed twice.
    error InvalidPayoutToken(address token);
    /// @notice The admin is the zero address.
    error ZeroAddress();
    /// @notice A magnification exponent is above 127.
    error InvalidMagnitudeBits(uint8 bits);
    /// @notice The deposit would take the token's unclaimed revenue to `outstanding`, above `limit`
    /// (= 2^(128−k) − 1 base units), where owed amounts would no longer fit a 128-bit lane.
    error PayoutLimitExceeded(address token, uint256 outstanding, uint256 limit);
    /// @notice The mint would take the supply above 2^128 − 1 share units, where the carry would not fit its lane.
    error SupplyLimitExceeded(uint256 supply);

    /// @param name_ ERC-20 name.
    /// @param symbol_ ERC-20 symbol.
    /// @param admin Receives `DEFAULT_ADMIN_ROLE` only; operational roles are granted explicitly.
    /// @param payoutTokens_ The two distinct payout tokens (lane 0, lane 1), neither of them the share itself.
    /// @param magnitudeBits_ k per token: revenue per share is magnified by 2^k (see the limits above).
    constructor(
        string memory name_,
        string memory symbol_,
        address admin,
        IERC20[2] memory payoutTokens_,
        uint8[2] memory magnitudeBits_
    ) ERC20(name_, symbol_) {
        if (admin == address(0)) revert ZeroAddress();
        for (uint256 i = 0; i < 2; ++i) {
            address token = address(payoutTokens_[i]);
            if (token == address(0) || token == address(this)) revert InvalidPayoutToken(token);
            if (magnitudeBits_[i] > MAX_MAGNITUDE_BITS) revert InvalidMagnitudeBits(magnitudeBits_[i]);
        }
        if (address(payoutTokens_[0]) == address(payoutTokens_[1]))
            revert InvalidPayoutToken(address(payoutTokens_[1]));
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _token0 = payoutTokens_[0];
        _token1 = payoutTokens_[1];
        _bits0 = magnitudeBits_[0];
        _bits1 = magnitudeBits_[1];
    }

    /// @notice Mints `shares` to `to`. Minter only; not while paused (no hashrate backing: benchmark only).
    function mint(address to, uint256 shares) external onlyRole(MINTER_ROLE) {
        if (shares == 0) revert ZeroAmount();
        _mint(to, shares);
    }

    /// @notice Pulls `amount` of `token` and credits every current holder pro rata, O(1) whatever the number of
    /// holders; credits what arrived and carries the remainder (INV-3, within precision limit 2).
    /// Distributor only; not while paused; each (token, source, epoch) at most once (INV-6).
    function depositRevenue(
        IERC20 token,
        uint256 amount,
        uint8 source,
        uint64 epoch
    ) external onlyRole(DISTRIBUTOR_ROLE) whenNotPaused nonReentrant {
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

        _revenueBySource[index][source] += received;
        _credit(index, token, received, supply);
        emit RevenueDeposited(address(token), source, epoch, received);
    }

    /// @notice Whether (token, source, epoch) has been funded.
    function isEpochFunded(IERC20 token, uint8 source, uint64 epoch) external view returns (bool) {
        return _funded[token][source][epoch];
    }

    /// @notice Revenue of `token` that `account` can claim now.
    function claimable(address account, IERC20 token) external view returns (uint256) {
        uint256 index = _indexOf(token);
        uint256 shift = index * LANE_BITS;
        return
            _owedMagnified(_revenuePerShare >> shift, balanceOf(account), _corrections[account] >> shift) >>
            _bitsOf(index);
    }

    /// @notice Sends the caller's claimable `token` to the caller; returns the amount (0 sends nothing).
    /// Works while paused (INV-7).
    function claim(IERC20 token) external nonReentrant returns (uint256 amount) {
        uint256 index = _indexOf(token);
        uint256 shift = index * LANE_BITS;
        uint256 bits = _bitsOf(index);
        uint256 correction = _corrections[msg.sender];
        amount = _owedMagnified(_revenuePerShare >> shift, balanceOf(msg.sender), correction >> shift) >> bits;
        if (amount == 0) return 0;
        unchecked {
            // amount ≤ outstanding < 2^(128−k) (limit 1), so amount · 2^k < 2^128 stays in lane i, and
            // totalClaimed_i + amount ≤ totalDeposited_i < 2^128 never carries into the next lane.
            _corrections[msg.sender] = _subLanes(correction, (amount << bits) << shift);
            _claimed += amount << shift;
        }
        emit RevenueClaimed(msg.sender, address(token), msg.sender, amount);
        token.safeTransfer(msg.sender, amount);
    }

    /// @notice Claims both payout tokens for the caller; amounts in `payoutTokens()` order. One read of the
    /// revenue per share, one write of the caller's corrections and one of the claimed totals.
    function claimAll() external nonReentrant returns (uint256[] memory amounts) {
        amounts = new uint256[](2);
        uint256 rps = _revenuePerShare;
        uint256 correction = _corrections[msg.sender];
        uint256 balance = balanceOf(msg.sender);
        uint256 bits0 = _bits0;
        uint256 bits1 = _bits1;
        uint256 amount0 = _owedMagnified(rps, balance, correction) >> bits0;
        uint256 amount1 = _owedMagnified(rps >> LANE_BITS, balance, correction >> LANE_BITS) >> bits1;
        if (amount0 == 0 && amount1 == 0) return amounts;
        unchecked {
            // As in `claim`, for both lanes at once.
            _corrections[msg.sender] = _subLanes(correction, (amount0 << bits0) | ((amount1 << bits1) << LANE_BITS));
            _claimed += amount0 | (amount1 << LANE_BITS);
        }
        amounts[0] = amount0;
        amounts[1] = amount1;
        if (amount0 != 0) {
            emit RevenueClaimed(msg.sender, address(_token0), msg.sender, amount0);
            _token0.safeTransfer(msg.sender, amount0);
        }
        if (amount1 != 0) {
            emit RevenueClaimed(msg.sender, address(_token1), msg.sender, amount1);
            _token1.safeTransfer(msg.sender, amount1);
        }
    }

    /// @notice The two payout tokens, in lane order.
    function payoutTokens() external view returns (IERC20[] memory tokens) {
        tokens = new IERC20[](2);
        tokens[0] = _token0;
        tokens[1] = _token1;
    }

    /// @notice k for `token`: its revenue per share is magnified by 2^k.
    function magnitudeBits(IERC20 token) external view returns (uint8) {
        return uint8(_bitsOf(_indexOf(token)));
    }

    /// @notice The most unclaimed revenue of `token` the pool accepts: 2^(128−k) − 1 base units (limit 1).
    function payoutLimit(IERC20 token) external view returns (uint256) {
        return (1 << (LANE_BITS - _bitsOf(_indexOf(token)))) - 1;
    }

    /// @notice The rounding remainder of `token` awaiting the next deposit, magnified by 2^k (limit 2).
    function carry(IERC20 token) external view returns (uint256) {
        return uint128(_ledgers[_indexOf(token)]);
    }

    /// @notice Everything of `token` credited so far (what arrived).
    function totalDeposited(IERC20 token) external view returns (uint256) {
        return _ledgers[_indexOf(token)] >> LANE_BITS;
    }

    /// @notice Everything of `token` claimed so far.
    function totalClaimed(IERC20 token) external view returns (uint256) {
        return uint128(_claimed >> (_indexOf(token) * LANE_BITS));
    }

    /// @notice Everything of `token` credited from `source` so far.
    function revenueBySource(IERC20 token, uint8 source) external view returns (uint256) {
        uint256 index = _indexOf(token);
        if (source >= SOURCE_COUNT) revert UnknownRevenueSource(source);
        return _revenueBySource[index][source];
    }

    /// @notice Stops mint, deposit and transfers (never claims). Pauser only.
    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    /// @notice Resumes mint, deposit and transfers. Pauser only.
    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    /// @dev The single hook of transfers and mints. Keeps INV-5 exactly: moving `value` shares moves
    /// `rps_i · value` (mod 2^128) of magnified owed revenue between the two correction lanes of each token.
    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (from == address(0) && totalSupply() > type(uint128).max) revert SupplyLimitExceeded(totalSupply());
        if (from == to || value == 0) return;
        uint256 rps = _revenuePerShare;
        if (rps == 0) return;
        uint256 moved;
        unchecked {
            // Each lane modulo 2^128 by design (see @dev): only differences of owed amounts matter.
            moved = uint256(uint128(uint128(rps) * value)) | (((rps >> LANE_BITS) * value) << LANE_BITS);
        }
        if (from != address(0)) _corrections[from] = _addLanes(_corrections[from], moved);
        if (to != address(0)) _corrections[to] = _subLanes(_corrections[to], moved);
    }

    /// @dev Adds `received` to the token's ledger and its revenue per share, carrying the remainder (INV-3).
    function _credit(uint256 index, IERC20 token, uint256 received, uint256 supply) private {
        uint256 shift = index * LANE_BITS;
        uint256 bits = _bitsOf(index);
        uint256 ledger = _ledgers[index];
        uint256 deposited = SafeCast.toUint128((ledger >> LANE_BITS) + received);
        // Limit 1: every owed amount ≤ outstanding < 2^(128−k), so its magnified value fits a 128-bit lane.
        uint256 outstanding = deposited - uint128(_claimed >> shift);
        uint256 limit = (1 << (LANE_BITS - bits)) - 1;
        if (outstanding > limit) revert PayoutLimitExceeded(address(token), outstanding, limit);

        unchecked {
            // received ≤ outstanding < 2^(128−k), so received · 2^k < 2^128; the carry is below the supply, itself
            // below 2^128 (SupplyLimitExceeded): the sum is below 2^129, and the new carry below the supply.
            uint256 magnified = (received << bits) + uint128(ledger);
            uint256 increment = magnified / supply;
            _ledgers[index] = (deposited << LANE_BITS) | (magnified % supply);
            // Lane i of the revenue per share grows by the increment modulo 2^128 by design (see @dev).
            _revenuePerShare = _addLanes(_revenuePerShare, uint256(uint128(increment)) << shift);
        }
    }

    /// @dev Lane 0 of `rps · balance + correction`, modulo 2^128: the owed amount magnified, exact by limit 1.
    function _owedMagnified(uint256 rps, uint256 balance, uint256 correction) private pure returns (uint256) {
        unchecked {
            // Wraps modulo 2^256, of which only the low 128 bits are kept: exact modulo 2^128.
            return uint128(uint128(rps) * balance + correction);
        }
    }

    /// @dev Lane-wise x + y, each 128-bit lane modulo 2^128 (no carry from lane 0 into lane 1).
    function _addLanes(uint256 x, uint256 y) private pure returns (uint256) {
        unchecked {
            // Lane 0: the low 128 bits of a sum depend only on the low 128 bits of its terms. Lane 1: the sum of
            // the high halves, shifted back, loses exactly its bits above 2^128.
            return uint256(uint128(x + y)) | (((x >> LANE_BITS) + (y >> LANE_BITS)) << LANE_BITS);
        }
    }

    /// @dev Lane-wise x − y, each 128-bit lane modulo 2^128 (no borrow from lane 1 into lane 0).
    function _subLanes(uint256 x, uint256 y) private pure returns (uint256) {
        unchecked {
            // As in `_addLanes`: modular wrap-around is intended and confined to each lane.
            return uint256(uint128(x - y)) | (((x >> LANE_BITS) - (y >> LANE_BITS)) << LANE_BITS);
        }
    }

    function _bitsOf(uint256 index) private view returns (uint256) {
        return index == 0 ? _bits0 : _bits1;
    }

    function _indexOf(IERC20 token) private view returns (uint256) {
        if (address(token) == address(_token0)) return 0;
        if (address(token) == address(_token1)) return 1;
        revert NotPayoutToken(address(token));
    }
}
