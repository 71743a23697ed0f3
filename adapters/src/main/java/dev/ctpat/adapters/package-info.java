/**
 * Turns an evidence directory into the normalized document: the {@link
 * dev.ctpat.adapters.EvidenceAdapter} SPI, the {@link dev.ctpat.adapters.Collector} that walks
 * a directory and merges what the adapters read, and the warnings they report. Adapters for
 * each evidence family live in sub-packages; they depend on core's evidence model only, never on
 * the Rego engine.
 */
package dev.ctpat.adapters;
