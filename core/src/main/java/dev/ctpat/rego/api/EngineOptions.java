package dev.ctpat.rego.api;

import dev.ctpat.rego.syntax.RegoVersion;
import dev.ctpat.rego.value.Value;
import java.time.Clock;
import java.util.Set;

/** The evaluation settings a prepared policy was built with. */
record EngineOptions(
    RegoVersion version,
    boolean strict,
    PrintSink printSink,
    Clock clock,
    EvalLimits limits,
    Set<String> capabilities,
    Value runtime,
    boolean optimize,
    CoverageRecorder coverage) {}
