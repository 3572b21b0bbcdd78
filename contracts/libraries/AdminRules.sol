// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title AdminRules
/// @notice What the three HashShare contracts share about their admin (OpenZeppelin `AccessControlDefaultAdminRules`).
library AdminRules {
    /// @dev The `defaultAdminDelay()` every HashShare contract starts with: handing `DEFAULT_ADMIN_ROLE` over takes two
    /// steps at least this far apart, so holders see it coming.
    uint48 internal constant INITIAL_ADMIN_DELAY = 2 days;
}
