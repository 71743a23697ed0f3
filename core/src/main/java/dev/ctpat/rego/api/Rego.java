package dev.ctpat.rego.api;

import dev.ctpat.rego.builtins.Builtin;
import dev.ctpat.rego.builtins.BuiltinRegistry;
import dev.ctpat.rego.compile.CompiledPolicy;
import dev.ctpat.rego.compile.Compiler;
import dev.ctpat.rego.syntax.Module;
import dev.ctpat.rego.syntax.ParseException;
import dev.ctpat.rego.syntax.Parser;
import dev.ctpat.rego.syntax.RegoVersion;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.Value;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The entry point: collects modules, data and options, then compiles them once into an
 * immutable, thread-safe {@link PreparedPolicy}.
 *
 * <pre>{@code
 * PreparedPolicy policy = Rego.builder()
 *     .module("authz.rego", source)
 *     .data(Json.parse(dataJson))
 *     .build();
 * QueryResult r = policy.query("data.authz.allow", input);
 * }</pre>
 */
public final class Rego {
  private Rego() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Options and inputs of a compile; every setter fails fast on a bad argument. */
  public static final class Builder {
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<Module> parsed = new ArrayList<>();
    private Value data = ObjectValue.EMPTY;
    private RegoVersion version = RegoVersion.V1;
    private boolean strict;
    private PrintSink printSink = PrintSink.NONE;
    private Clock clock = Clock.systemUTC();
    private final List<Builtin> extraBuiltins = new ArrayList<>();
    private EvalLimits limits = EvalLimits.DEFAULT;
    private final Set<String> capabilities = new TreeSet<>();
    private Value runtime = ObjectValue.EMPTY;
    private boolean optimize = true;
    private CoverageRecorder coverage;

    private Builder() {}

    /** Adds a module's source; the file name appears in errors and locations. */
    public Builder module(String file, String source) {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(source, "source");
      if (sources.putIfAbsent(file, source) != null) {
        throw new IllegalArgumentException("module " + file + " was already added");
      }
      return this;
    }

    /** Adds an already parsed module. */
    public Builder module(Module module) {
      parsed.add(Objects.requireNonNull(module, "module"));
      return this;
    }

    /** The base document under {@code data}; must be an object. */
    public Builder data(Value data) {
      Objects.requireNonNull(data, "data");
      if (!(data instanceof ObjectValue)) {
        throw new IllegalArgumentException("data must be an object but was " + data.typeName());
      }
      this.data = data;
      return this;
    }

    /** The syntax of modules given as source: {@link RegoVersion#V1} unless set. */
    public Builder regoVersion(RegoVersion version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /** When true, builtin errors fail the query instead of making the expression undefined. */
    public Builder strictBuiltinErrors(boolean strict) {
      this.strict = strict;
      return this;
    }

    public Builder printSink(PrintSink sink) {
      this.printSink = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /** The clock behind {@code time.now_ns}; read once per query. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Adds a custom builtin, or replaces a standard one of the same name. */
    public Builder builtin(Builtin builtin) {
      extraBuiltins.add(Objects.requireNonNull(builtin, "builtin"));
      return this;
    }

    public Builder limits(EvalLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Enables a capability that is off by default, e.g. {@code "net"} for {@code http.send} and
     * {@code net.lookup_ip_addr}.
     */
    public Builder enableCapability(String capability) {
      capabilities.add(Objects.requireNonNull(capability, "capability"));
      return this;
    }

    /** The value {@code opa.runtime()} returns. */
    public Builder runtime(Value runtime) {
      this.runtime = Objects.requireNonNull(runtime, "runtime");
      return this;
    }

    /** Records which rule definitions succeed while queries run (rule coverage). */
    public Builder coverage(CoverageRecorder recorder) {
      this.coverage = Objects.requireNonNull(recorder, "recorder");
      return this;
    }

    /**
     * Turns off rule indexes, comprehension indexes and per-query caches. Results must not
     * change; this exists so that tests can check exactly that. Slower.
     */
    public Builder withoutOptimizations() {
      this.optimize = false;
      return this;
    }

    /**
     * Parses and compiles everything added.
     *
     * @throws RegoException with every parse and compile error found
     */
    public PreparedPolicy build() {
      List<Module> modules = new ArrayList<>(parsed);
      List<RegoError> errors = new ArrayList<>();
      Parser.ParserOptions options = new Parser.ParserOptions(version);
      sources.forEach((file, source) -> {
        try {
          modules.add(Parser.parseModule(file, source, options));
        } catch (ParseException e) {
          e.errors().forEach(
              se -> errors.add(new RegoError(ParseException.CODE, se.message(), se.location())));
        }
      });
      if (!errors.isEmpty()) {
        throw new RegoException(errors);
      }
      BuiltinRegistry registry = BuiltinRegistry.standard().with(extraBuiltins);
      CompiledPolicy compiled = Compiler.compile(modules, registry);
      EngineOptions engine = new EngineOptions(version, strict, printSink, clock, limits,
          Set.copyOf(capabilities), runtime, optimize, coverage);
      return new DefaultPreparedPolicy(compiled, data, engine);
    }
  }
}
