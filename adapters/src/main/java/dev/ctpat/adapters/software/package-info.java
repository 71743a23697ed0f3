/**
 * Installed and declared software and its licences (4.11): SBOMs (SPDX 2.x and CycloneDX
 * 1.4-1.6 JSON), the licence-entitlement register (CSV), and Windows activation state
 * ({@code slmgr /dli}, {@code SoftwareLicensingProduct}). An SBOM component counts as licensed
 * only when its licence is an SPDX licence-list identifier or expression; anything else stays
 * unknown rather than guessed.
 */
package dev.ctpat.adapters.software;
