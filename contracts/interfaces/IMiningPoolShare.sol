// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";

import {IHashrateOracle} from "./IHashrateOracle.sol";

/// @title IMiningPoolShare
/// @notice A mining pool's share token: an ERC-20 (with ERC-2612 permit) minted only against oracle-reported
/// hashrate, whose holders are paid the pool's daily revenue pro rata, in up to four payout tokens.
/// @dev Assumptions: payout tokens are not rebasing and do not change balances outside transfers. Fee-on-transfer
/// payout tokens are credited with what actually arrives. Revenue is tracked per share with a 2^128 magnification
/// and a per-token carry of the rounding remainder, so nothing is lost (INV-3) and deposits cost O(1) whatever the
/// number of holders. Fee-on-transfer tokens must take their fee out of the amount sent, never on top of it.
/// `DEFAULT_ADMIN_ROLE` follows OpenZeppelin's `AccessControlDefaultAdminRules` (two-step handover with a delay
/// starting at 2 days). Shares can never be sent or minted to the pool itself: OpenZeppelin's
/// `ERC20InvalidReceiver(pool)`. Pauses are bounded (INV-7): at most `MAX_PAUSE_DURATION` each, `PAUSE_COOLDOWN`
/// apart, and they never stop a claim.
interface IMiningPoolShare is IERC20Metadata, IERC20Permit {
    /// @notice `amount` of `token` (what actually arrived) was credited to every current holder pro rata.
    /// @param source 0 = bitcoin mining, 1 = AI compute.
    event RevenueDeposited(address indexed token, uint8 indexed source, uint64 indexed epoch, uint256 amount);

    /// @notice `account` claimed `amount` of `token`, sent to `recipient`.
    event RevenueClaimed(address indexed account, address indexed token, address recipient, uint256 amount);

    /// @notice `holder` (or, for a contract holder that has not chosen, the admin) named `claimer` as the one who may
    /// claim its revenue (`address(0)`: nobody but the holder).
    event ClaimerSet(address indexed holder, address indexed claimer);

    /// @notice The admin sent `amount` of `token` that no holder can be owed to `to`.
    event Skimmed(address indexed token, address indexed to, uint256 amount);

    /// @notice `account` paused mint, deposit and transfers (never claims), for at most `MAX_PAUSE_DURATION`.
    event Paused(address account);

    /// @notice `account` ended the pause early.
    event Unpaused(address account);

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

    /// @notice The oracle given to the constructor is the zero address (a zero admin is OpenZeppelin's
    /// `AccessControlInvalidDefaultAdmin(address(0))`).
    error ZeroAddress();

    /// @notice `sharesPerTHs` must be non-zero.
    error InvalidSharesPerTHs();

    /// @notice Claimed revenue or skimmed tokens cannot be sent to the zero address.
    error InvalidRecipient(address recipient);

    /// @notice `caller` is not the claimer `holder` (or the admin, for a contract holder) named.
    error NotClaimer(address caller, address holder);

    /// @notice The admin can name a claimer only for a holder that is a contract.
    error HolderNotContract(address holder);

    /// @notice The holder named its claimer itself; its choice wins over the admin's.
    error ClaimerSetByHolder(address holder);

    /// @notice The call is refused while the pool is paused.
    error EnforcedPause();

    /// @notice `unpause` was called while the pool is not paused.
    error ExpectedPause();

    /// @notice A new pause can start only `PAUSE_COOLDOWN` after the previous one ended: at `availableAt`.
    error PauseCooldown(uint64 availableAt);

    /// @notice Role that may mint shares within the hashrate backing.
    function MINTER_ROLE() external view returns (bytes32);

    /// @notice Role that may deposit revenue.
    function DISTRIBUTOR_ROLE() external view returns (bytes32);

    /// @notice Role that may pause and unpause mint, deposit and transfers (never claims).
    function PAUSER_ROLE() external view returns (bytes32);

    /// @notice The longest a pause lasts: 7 days (INV-7).
    function MAX_PAUSE_DURATION() external view returns (uint64);

    /// @notice How long after a pause ends the next can start: 1 day, so holders always get a window to exit.
    function PAUSE_COOLDOWN() external view returns (uint64);

    /// @notice Shares that can still be minted: reported hashrate × sharesPerTHs − totalSupply; 0 when the report
    /// is stale or below the supply.
    /// @dev The backing saturates at 2^128 − 1 share units, the supply cap that keeps rounding below one base unit
    /// per holder (INV-3); an extreme report never makes this revert.
    function mintableShares() external view returns (uint256);

    /// @notice Mints `shares` to `to` within the hashrate backing (INV-1). Minter only; not while paused; under the
    /// same re-entrancy lock as deposits and claims, so a payout token's hook can never mint mid-deposit (INV-2).
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

    /// @notice Names who may claim the caller's revenue (`address(0)` clears). Once a holder has called this, its
    /// choice stands: the admin can no longer name a claimer for it (INV-9).
    function setClaimer(address claimer) external;

    /// @notice Names who may claim the revenue of `holder`, a contract that has not named one itself (for an AMM
    /// pair, a vault or a bridge that cannot call `claim`). Admin only (INV-9).
    function setClaimerFor(address holder, address claimer) external;

    /// @notice Who may claim `holder`'s revenue besides the holder (`address(0)`: nobody).
    function claimerOf(address holder) external view returns (address);

    /// @notice Sends `holder`'s claimable `token` to `recipient`; only by `claimerOf(holder)`, never to
    /// `address(0)`. Works while paused (INV-7, INV-9). Emits `RevenueClaimed(holder, token, recipient, amount)`.
    function claimOnBehalf(address holder, IERC20 token, address recipient) external returns (uint256);

    /// @notice `claimOnBehalf` for every payout token; amounts in `payoutTokens()` order.
    function claimAllOnBehalf(address holder, address recipient) external returns (uint256[] memory);

    /// @notice Sends `to` what no holder can ever be owed of `token`: for a payout token, its balance above
    /// `totalDeposited − totalClaimed`; for any other token, the whole balance. Returns the amount sent (0 sends
    /// nothing and emits nothing). Admin only; works while paused. Keeps INV-3 and INV-9: afterwards a payout
    /// token's balance is exactly `totalDeposited − totalClaimed`.
    function skim(IERC20 token, address to) external returns (uint256);

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

    /// @notice Stops mint, deposit and transfers — never claims — until `unpause()` or `MAX_PAUSE_DURATION` later,
    /// whichever comes first. Pauser only; not while paused (`EnforcedPause`) nor within `PAUSE_COOLDOWN` of the
    /// previous pause's end (`PauseCooldown`).
    function pause() external;

    /// @notice Ends the pause now. Pauser only; only while paused (`ExpectedPause`).
    function unpause() external;

    /// @notice Whether the pool is paused: `block.timestamp < pausedUntil()`.
    function paused() external view returns (bool);

    /// @notice When the current or last pause ends (0 before the first pause).
    function pausedUntil() external view returns (uint64);
}
