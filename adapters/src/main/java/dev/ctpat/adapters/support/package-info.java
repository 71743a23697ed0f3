/**
 * Small helpers shared by the adapters: a per-file reading context that makes sources and
 * warnings, line-oriented key/value parsing, and JSON with line numbers. Not part of the API
 * that embedding applications use.
 */
package dev.ctpat.adapters.support;
