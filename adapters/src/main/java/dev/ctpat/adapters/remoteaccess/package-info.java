/**
 * Remote-access gateways (4.9): OpenVPN server configs, OpenSSH {@code sshd_config} and
 * WireGuard interface configs. Each gateway lists its authentication methods, whether MFA is
 * enforced and its weak settings by name. Keys and certificates in these files are skipped
 * unread; only their presence is recorded.
 */
package dev.ctpat.adapters.remoteaccess;
