/**
 * Backup repositories and their newest successful backup per system (4.12): restic snapshots
 * and borg archives, with whether the repository is encrypted.
 */
package dev.ctpat.adapters.backup;
