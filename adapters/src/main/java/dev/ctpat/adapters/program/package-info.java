/**
 * The {@code ctpat.yaml} program file: organization profile, written policies and procedures,
 * the program's records (tests, trainings, reviews, inventories, sanitization), waivers and
 * threshold overrides, and the technical facts no export carries (network, device control, and
 * attributes of accounts, backups, gateways and hosts). Its keys mirror the normalized document; see
 * {@code examples/ctpat.example.yaml}.
 */
package dev.ctpat.adapters.program;
