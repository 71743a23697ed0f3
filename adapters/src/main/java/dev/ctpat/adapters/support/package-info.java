/**
 * Small helpers shared by the adapters: base classes for adapters of JSON and CSV exports, a
 * per-file reading context that parses the file and makes sources and warnings, line-oriented
 * key/value parsing, JSON with line numbers, CSV with line numbers and column aliases, the date
 * and value spellings of PowerShell and other tools, and host names taken from file paths. Not
 * part of the API that embedding applications use.
 */
package dev.ctpat.adapters.support;
