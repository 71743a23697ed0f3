/**
 * Disk encryption per host (4.10, 4.12): BitLocker ({@code manage-bde -status},
 * {@code Get-BitLockerVolume}), LUKS ({@code lsblk -f}, {@code cryptsetup status}) and FileVault
 * ({@code fdesetup status}). A host counts as encrypted only when every volume in the export is
 * fully encrypted and protected; each one that is not is named in a warning. Recovery passwords
 * and key protectors are never read.
 */
package dev.ctpat.adapters.encryption;
