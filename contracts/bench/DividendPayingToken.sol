// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title DividendPayingToken
/// @notice BENCHMARK ONLY — not deployed, not part of HashShare's API, and never to be used with real funds.
/// The common ERC-1726 ("dividend-paying token") design, for two ERC-20 payout tokens, kept only so that
/// `bench/gas.ts` can measure `MiningPoolShare` against the usual way of paying revenue to an ERC-20's holders
/// in the same run. It is that design and nothing more: no hashrate backing (a minter mints), no pause, no
/// re-entrancy guard, no per-source or per-epoch books, no `totalClaimed`, no rounding carry.
/// @dev Per payout token i, `magnifiedDividendPerShare[i]` (magnified by 2^128) and, per holder, one `int256`
/// magnified correction, so that the holder's withdrawable amount is
/// `(magnifiedDividendPerShare[i] · balance + correction) / 2^128`. OpenZeppelin's `ERC20._update` is overridden
/// to move `magnifiedDividendPerShare[i] · value` between the corrections of sender and receiver; a withdrawal
/// lowers the correction by the amount withdrawn, magnified (the correction also plays the part of the
/// reference implementation's `withdrawnDividends`, which would cost a second slot per holder and token).
/// All arithmetic is checked, as in the reference implementation. What this costs in range and exactness:
///  - the rounding remainder of each distribution (< supply / 2^128 base units) is never paid to anyone;
///  - `magnifiedDividendPerShare[i] · value` must fit an `int256`: a transfer or mint of `value` units reverts
///    once a token's revenue per share unit exceeds 2^127 / value base units (e.g. 1e27 base units distributed
///    while the supply was one share unit, then a mint of 1.7e11 units, 1.7e-7 share).
contract DividendPayingToken is ERC20, AccessControl {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using SafeCast for int256;

    /// @notice Role that may mint shares (as in `MiningPoolShare`, so the bench drives both alike).
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    /// @notice Role that may distribute revenue.
    bytes32 public constant DISTRIBUTOR_ROLE = keccak256("DISTRIBUTOR_ROLE");

    uint256 private constant MAGNITUDE = 2 ** 128;
    uint256 private constant TOKEN_COUNT = 2;

    IERC20 private immutable _token0;
    IERC20 private immutable _token1;

    uint256[TOKEN_COUNT] private _magnifiedDividendPerShare;
    mapping(address holder => int256[TOKEN_COUNT]) private _magnifiedDividendCorrections;

    /// @notice `amount` of `token` was distributed to the holders by `from`.
    event DividendsDistributed(address indexed from, address indexed token, uint256 amount);
    /// @notice `to` withdrew `amount` of `token`.
    event DividendWithdrawn(address indexed to, address indexed token, uint256 amount);

    /// @notice The token is not one of the two payout tokens.
    error NotPayoutToken(address token);
    /// @notice A payout token is the zero address, the share itself, or listed twice.
    error InvalidPayoutToken(address token);
    /// @notice The amount distributed is zero.
    error ZeroAmount();
    /// @notice There are no shares to distribute to.
    error NoSharesOutstanding();

    /// @param name_ ERC-20 name.
    /// @param symbol_ ERC-20 symbol.
    /// @param admin Receives `DEFAULT_ADMIN_ROLE` only; the minter and distributor roles are granted explicitly.
    /// @param payoutTokens_ The two distinct payout tokens, neither of them the share itself.
    constructor(
        string memory name_,
        string memory symbol_,
        address admin,
        IERC20[TOKEN_COUNT] memory payoutTokens_
    ) ERC20(name_, symbol_) {
        for (uint256 i = 0; i < TOKEN_COUNT; ++i) {
            address token = address(payoutTokens_[i]);
            if (token == address(0) || token == address(this)) revert InvalidPayoutToken(token);
        }
        if (address(payoutTokens_[0]) == address(payoutTokens_[1]))
            revert InvalidPayoutToken(address(payoutTokens_[1]));
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _token0 = payoutTokens_[0];
        _token1 = payoutTokens_[1];
    }

    /// @notice Mints `amount` shares to `to`. Minter only.
    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }

    /// @notice Pulls `amount` of `token` from the caller and credits it to the holders pro rata. Distributor only.
    function distributeDividends(IERC20 token, uint256 amount) external onlyRole(DISTRIBUTOR_ROLE) {
        uint256 index = _indexOf(token);
        uint256 supply = totalSupply();
        if (supply == 0) revert NoSharesOutstanding();
        if (amount == 0) revert ZeroAmount();
        token.safeTransferFrom(msg.sender, address(this), amount);
        _magnifiedDividendPerShare[index] += (amount * MAGNITUDE) / supply;
        emit DividendsDistributed(msg.sender, address(token), amount);
    }

    /// @notice Sends the caller's withdrawable `token` to the caller; returns the amount (0 sends nothing).
    function withdrawDividend(IERC20 token) external returns (uint256) {
        return _withdraw(_indexOf(token), token);
    }

    /// @notice Withdraws both payout tokens for the caller; amounts in `payoutTokens()` order.
    function withdrawAllDividends() external returns (uint256[] memory amounts) {
        amounts = new uint256[](TOKEN_COUNT);
        amounts[0] = _withdraw(0, _token0);
        amounts[1] = _withdraw(1, _token1);
    }

    /// @notice What `holder` can withdraw of `token` now.
    function withdrawableDividendOf(address holder, IERC20 token) external view returns (uint256) {
        return _withdrawable(holder, _indexOf(token));
    }

    /// @notice The two payout tokens.
    function payoutTokens() external view returns (IERC20[] memory tokens) {
        tokens = new IERC20[](TOKEN_COUNT);
        tokens[0] = _token0;
        tokens[1] = _token1;
    }

    /// @dev Moves `magnifiedDividendPerShare · value` between the corrections, so transfers and mints leave every
    /// withdrawable amount unchanged.
    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        for (uint256 i = 0; i < TOKEN_COUNT; ++i) {
            int256 correction = (_magnifiedDividendPerShare[i] * value).toInt256();
            if (from != address(0)) _magnifiedDividendCorrections[from][i] += correction;
            if (to != address(0)) _magnifiedDividendCorrections[to][i] -= correction;
        }
    }

    function _withdraw(uint256 index, IERC20 token) private returns (uint256 amount) {
        amount = _withdrawable(msg.sender, index);
        if (amount == 0) return 0;
        _magnifiedDividendCorrections[msg.sender][index] -= (amount * MAGNITUDE).toInt256();
        emit DividendWithdrawn(msg.sender, address(token), amount);
        token.safeTransfer(msg.sender, amount);
    }

    function _withdrawable(address holder, uint256 index) private view returns (uint256) {
        int256 accumulated = (_magnifiedDividendPerShare[index] * balanceOf(holder)).toInt256();
        return (accumulated + _magnifiedDividendCorrections[holder][index]).toUint256() / MAGNITUDE;
    }

    function _indexOf(IERC20 token) private view returns (uint256) {
        if (address(token) == address(_token0)) return 0;
        if (address(token) == address(_token1)) return 1;
        revert NotPayoutToken(address(token));
    }
}
