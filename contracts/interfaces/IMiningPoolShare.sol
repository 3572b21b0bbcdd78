// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IHashrateOracle} from "./IHashrateOracle.sol";

/// @title IMiningPoolShare
/// @notice A mining pool's share token: an ERC-20 (with ERC-2612 permit) minted only against oracle-reported
/// hashrate, whose holders are paid the pool's daily revenue pro rata, in up to four payout tokens.
/// @dev Assumptions: payout tokens are not rebasing and do not change balances outside transfers. Fee-on-transfer
/// payout tokens are credited with what actually arrives. Revenue is tracked per share with a 2^128 magnification
/// and a per-token carry of the rounding remainder, so nothing is lost (INV-3) and deposits cost O(1) whatever the
/// number of holders.
interface IMiningPoolShare {
    /// @notice `amount` of `token` (what actually arrived) was credited to every current holder pro rata.
    /// @param source 0 = bitcoin mining, 1 = AI compute.
    event RevenueDeposited(address indexed token, uint8 indexed source, uint64 indexed epoch, uint256 amount);

    /// @notice `account` claimed `amount` of `token`, sent to `recipient`.
    event RevenueClaimed(address indexed account, address indexed token, address recipient, uint256 amount);

    /// @notice The mint would take the supply above the reported hashrate times `sharesPerTHs` (INV-1).
    error ExceedsHashrateBacking(uint256 requested, uint256 available);

    /// @notice The pool's latest hashrate report is older than `maxReportAge` seconds (or there is none).
    error StaleHashrateReport(uint64 updatedAt, uint64 maxReportAge);

    /// @notice This (token, source, epoch) was already funded (INV-6).
    error EpochAlreadyFunded(address token, uint8 source, uint64 epoch);

    /// @notice The token is not one of the pool's payout tokens.
    error NotPayoutToken(address token);

    /// @notice The revenue source is neither 0 (mining) nor 1 (AI).
    error UnknownRevenueSource(uint8 source);

    /// @notice The amount is zero, or nothing arrived.
    error ZeroAmount();

    /// @notice There are no shares to credit a deposit to: nothing would be claimable, so nothing is taken.
    error NoSharesOutstanding();

    /// @notice A pool needs 1 to 4 payout tokens.
    error InvalidPayoutTokenCount(uint256 count);

    /// @notice A payout token is the zero address, the share itself, or listed twice.
    error InvalidPayoutToken(address token);

    /// @notice A constructor address (admin or oracle) is the zero address.
    error ZeroAddress();

    /// @notice `sharesPerTHs` must be non-zero.
    error InvalidSharesPerTHs();

    /// @notice Claimed revenue cannot be sent to the zero address.
    error InvalidRecipient(address recipient);

    /// @notice Role that may mint shares within the hashrate backing.
    function MINTER_ROLE() external view returns (bytes32);

    /// @notice Role that may deposit revenue.
    function DISTRIBUTOR_ROLE() external view returns (bytes32);

    /// @notice Role that may pause and unpause mint, deposit and transfers (never claims).
    function PAUSER_ROLE() external view returns (bytes32);

    /// @notice Shares that can still be minted: reported hashrate × sharesPerTHs − totalSupply; 0 when the report
    /// is stale or below the supply.
    /// @dev The backing saturates at 2^128 − 1 share units, the supply cap that keeps rounding below one base unit
    /// per holder (INV-3); an extreme report never makes this revert.
    function mintableShares() external view returns (uint256);

    /// @notice Mints `shares` to `to` within the hashrate backing (INV-1). Minter only; not while paused.
    function mint(address to, uint256 shares) external;

    /// @notice Pulls `amount` of `token` from the caller and credits every current holder pro rata (INV-4).
    /// Distributor only; not while paused; each (token, source, epoch) at most once (INV-6).
    /// @param token A payout token.
    /// @param amount The amount to pull; what actually arrives is credited.
    /// @param source 0 = mining, 1 = AI.
    /// @param epoch The revenue epoch (the simulator uses the day number).
    function depositRevenue(IERC20 token, uint256 amount, uint8 source, uint64 epoch) external;

    /// @notice Whether (token, source, epoch) has been funded.
    function isEpochFunded(IERC20 token, uint8 source, uint64 epoch) external view returns (bool);

    /// @notice Revenue of `token` that `account` can claim now.
    function claimable(address account, IERC20 token) external view returns (uint256);

    /// @notice Sends the caller's claimable `token` to the caller; returns the amount (0 sends nothing).
    /// Works while paused and whatever the oracle says (INV-7).
    function claim(IERC20 token) external returns (uint256);

    /// @notice Sends the caller's claimable `token` to `recipient`; returns the amount (0 sends nothing).
    function claimTo(IERC20 token, address recipient) external returns (uint256);

    /// @notice Claims every payout token for the caller; amounts in `payoutTokens()` order.
    function claimAll() external returns (uint256[] memory);

    /// @notice The pool's payout tokens, in the order given at construction.
    function payoutTokens() external view returns (IERC20[] memory);

    /// @notice Everything of `token` credited so far (what arrived).
    function totalDeposited(IERC20 token) external view returns (uint256);

    /// @notice Everything of `token` claimed so far.
    function totalClaimed(IERC20 token) external view returns (uint256);

    /// @notice Everything of `token` credited from `source` so far.
    function revenueBySource(IERC20 token, uint8 source) external view returns (uint256);

    /// @notice The oracle whose reports back the supply.
    function oracle() external view returns (IHashrateOracle);

    /// @notice Share base units (18 decimals) backed by 1 TH/s.
    function sharesPerTHs() external view returns (uint256);

    /// @notice Seconds a hashrate report stays valid for minting.
    function maxReportAge() external view returns (uint64);
}
