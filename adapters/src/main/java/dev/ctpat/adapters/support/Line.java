package dev.ctpat.adapters.support;

/** A line of text with its 1-based number. */
public record Line(int number, String text) {}
