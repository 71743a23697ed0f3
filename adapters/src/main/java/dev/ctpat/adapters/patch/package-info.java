/**
 * Patch state per host (4.2b, 4.10): installed Windows hotfixes ({@code Get-HotFix}, the last
 * patch day), pending security updates ({@code apt list --upgradable}, {@code dnf/yum
 * updateinfo list --security}) and osquery results (OS version, hotfixes, installed programs).
 * An output that reports an error instead of a package list yields nothing rather than "no
 * updates pending".
 */
package dev.ctpat.adapters.patch;
