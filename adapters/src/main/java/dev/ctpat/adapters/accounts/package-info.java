/**
 * Accounts and people (4.7, 4.8): Active Directory user exports, the HR roster, and Linux
 * {@code /etc/passwd} with {@code lastlog}. Accounts never carry a password or hash: the
 * password fields of passwd-style files are only checked for being empty or misplaced, and a
 * {@code /etc/shadow} copy is recognized but never read.
 */
package dev.ctpat.adapters.accounts;
