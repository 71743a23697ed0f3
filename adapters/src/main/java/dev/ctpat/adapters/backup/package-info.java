/** Backup repositories and their newest successful backup per system (4.12). */
package dev.ctpat.adapters.backup;
