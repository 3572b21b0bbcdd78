// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title Vm
/// @notice The few cheatcodes these tests use, at the hevm address that Hardhat's Solidity test runner (EDR)
/// serves. forge-std is not a dependency of this project, so this is a minimal, signature-compatible subset.
// solhint-disable-next-line interface-starts-with-i
interface Vm {
    /// @notice Sets `msg.sender` of the next call to `sender`.
    function prank(address sender) external;

    /// @notice Sets `msg.sender` of every call until `stopPrank` to `sender`.
    function startPrank(address sender) external;

    /// @notice Ends a `startPrank`.
    function stopPrank() external;

    /// @notice Sets `block.timestamp`.
    function warp(uint256 timestamp) external;

    /// @notice Discards the current fuzz input when `condition` is false.
    function assume(bool condition) external pure;

    /// @notice The next call must revert with exactly `revertData`.
    function expectRevert(bytes calldata revertData) external;

    /// @notice The next call must revert with a selector-only error `revertData`.
    function expectRevert(bytes4 revertData) external;

    /// @notice Signs `digest` with `privateKey`.
    function sign(uint256 privateKey, bytes32 digest) external pure returns (uint8 v, bytes32 r, bytes32 s);

    /// @notice The address of `privateKey`.
    function addr(uint256 privateKey) external pure returns (address);

    /// @notice Names `account` in traces.
    function label(address account, string calldata newLabel) external;
}

/// @dev keccak256("hevm cheat code") truncated to 20 bytes, the address the runner intercepts.
address constant VM_ADDRESS = 0x7109709ECfa91a80626fF3989D68f67F5b1DD12D;
