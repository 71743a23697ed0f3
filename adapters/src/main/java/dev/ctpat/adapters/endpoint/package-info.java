/**
 * Per-host protection state (4.2, 4.10, 4.12): anti-malware status. Hosts are merged by name
 * across files by the collector.
 */
package dev.ctpat.adapters.endpoint;
