/**
 * Password and lockout policies (4.8b) from Windows ({@code secedit /export}, {@code net
 * accounts} in several languages), Linux ({@code login.defs}, {@code pwquality.conf},
 * {@code faillock.conf}) and AWS IAM. Each file yields one {@code password_policies} entry in the
 * fixed units: days, minutes, 0 = no lockout, {@code null} max age = never expires.
 */
package dev.ctpat.adapters.password;
