/**
 * The {@code ctpat.yaml} program file: organization profile, written policies and procedures,
 * the program's records (tests, trainings, reviews, inventories, sanitization), waivers and
 * threshold overrides. Its keys mirror the normalized document; see
 * {@code examples/ctpat.example.yaml}.
 */
package dev.ctpat.adapters.program;
