/**
 * Per-host protection state (4.2, 4.10): anti-malware (Microsoft Defender, ClamAV) and host
 * firewalls (Windows Firewall profiles, ufw, nftables, firewalld). Hosts are merged by name
 * across files by the collector; text exports that do not name their host take it from the
 * file's name or folder.
 */
package dev.ctpat.adapters.endpoint;
