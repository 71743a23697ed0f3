package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Type;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Consumer;

/**
 * OPA's {@code time.*} builtins. Times are nanoseconds since the Unix epoch in a signed 64-bit
 * range (1677 to 2262), optionally paired with a zone name ({@code [ns, "Europe/Paris"]}) and, for
 * {@code time.format}, a Go layout. Calendar arithmetic follows Go's {@code time} package, which
 * OPA exposes directly.
 */
final class TimeBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "time";
  private static final Type N = Types.NUMBER;
  private static final Type S = Types.STRING;
  /** A timestamp: ns, or [ns, zone]. */
  private static final Type TIMESTAMP = Types.anyOf(N, Types.tuple(N, S));
  private static final String TIMESTAMP_EXPECTATION =
      "either number (ns) or [number (ns), string (tz)]";

  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000);
  private static final int SECONDS_PER_DAY = 86_400;
  /** Seconds well outside the nanosecond range, where BigInteger arithmetic can stop. */
  private static final BigInteger MIN_SECOND =
      BigInteger.valueOf(Long.MIN_VALUE / 1_000_000_000 - 1);
  private static final BigInteger MAX_SECOND =
      BigInteger.valueOf(Long.MAX_VALUE / 1_000_000_000 + 1);

  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(Builtin.function(CATEGORY, "time.now_ns", Types.fn(N),
        (ctx, args) -> nanos(ctx.now())).asNondeterministic());
    out.accept(Builtin.function(CATEGORY, "time.parse_ns", Types.fn(N, S, S),
        (ctx, args) -> safeNanos(TimeGoParser.parse(
            TimeGoLayout.resolve(Operands.string(args, 0)), Operands.string(args, 1)))));
    out.accept(Builtin.function(CATEGORY, "time.parse_rfc3339_ns", Types.fn(N, S),
        (ctx, args) -> safeNanos(
            TimeGoParser.parse(TimeGoLayout.RFC3339, Operands.string(args, 0)))));
    out.accept(Builtin.function(CATEGORY, "time.parse_duration_ns", Types.fn(N, S),
        (ctx, args) -> NumberValue.of(TimeGoDuration.parse(Operands.string(args, 0)))));
    out.accept(Builtin.function(CATEGORY, "time.format",
        Types.fn(S, Types.anyOf(N, Types.tuple(N, S), Types.tuple(N, S, S))),
        (ctx, args) -> format(moment(args.get(0)))));
    out.accept(Builtin.function(CATEGORY, "time.date", Types.fn(Types.tuple(N, N, N), TIMESTAMP),
        (ctx, args) -> date(moment(args.get(0)).time())));
    out.accept(Builtin.function(CATEGORY, "time.clock", Types.fn(Types.tuple(N, N, N), TIMESTAMP),
        (ctx, args) -> clock(moment(args.get(0)).time())));
    out.accept(Builtin.function(CATEGORY, "time.weekday", Types.fn(S, TIMESTAMP),
        (ctx, args) -> StringValue.of(TimeGoLayout.weekdayName(
            moment(args.get(0)).time().getDayOfWeek().getValue() % 7))));
    out.accept(Builtin.function(CATEGORY, "time.add_date", Types.fn(N, N, N, N, N),
        (ctx, args) -> addDate(moment(args.get(0)).time(),
            integer(args, 1), integer(args, 2), integer(args, 3))));
    out.accept(Builtin.function(CATEGORY, "time.diff",
        Types.fn(Types.tuple(N, N, N, N, N, N), TIMESTAMP, TIMESTAMP),
        (ctx, args) -> diff(moment(args.get(0)).time(), moment(args.get(1)).time())));
  }

  /** A timestamp argument: the time in its zone, and the layout it came with, if any. */
  private record Moment(ZonedDateTime time, TimeLocation location, String layout) {}

  /**
   * Reads ns, [ns, zone] or [ns, zone, layout]. OPA reports every problem here as one with
   * operand 1, whichever argument it is.
   */
  private static Moment moment(Value v) throws BuiltinException {
    Value ns = v;
    TimeLocation location = TimeLocation.UTC;
    String layout = "";
    if (v instanceof ArrayValue a) {
      if (a.isEmpty()) {
        throw Operands.typeError(1, v, TIMESTAMP_EXPECTATION);
      }
      ns = a.get(0);
      if (!(ns instanceof NumberValue)) {
        throw Operands.typeError(1, ns, "number");
      }
      if (a.size() > 1) {
        location = TimeLocation.load(string(a.get(1)));
      }
      if (a.size() > 2) {
        layout = string(a.get(2));
      }
    } else if (!(v instanceof NumberValue)) {
      throw Operands.typeError(1, v, TIMESTAMP_EXPECTATION);
    }
    long nanos = timestamp((NumberValue) ns);
    Instant instant = Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    return new Moment(instant.atZone(location.zone()), location, layout);
  }

  private static String string(Value v) throws BuiltinException {
    if (v instanceof StringValue s) {
      return s.value();
    }
    throw Operands.typeError(1, v, "string");
  }

  /** Nanoseconds must be an integer that fits in 64 bits, which is all OPA can represent. */
  private static long timestamp(NumberValue n) throws BuiltinException {
    if (!n.isLong()) {
      throw BuiltinException.error("timestamp too big");
    }
    return n.longValueExact();
  }

  /** OPA's integer operands: any integer Go's 64-bit int holds. */
  private static long integer(List<Value> args, int index) throws BuiltinException {
    NumberValue n = Operands.number(args, index);
    if (!n.isLong()) {
      throw BuiltinException.typeError("operand " + (index + 1)
          + " must be integer number but got floating-point number");
    }
    return n.longValueExact();
  }

  private static NumberValue nanos(Instant t) {
    return NumberValue.of(BigInteger.valueOf(t.getEpochSecond()).multiply(NANOS_PER_SECOND)
        .add(BigInteger.valueOf(t.getNano())));
  }

  /** The instant in nanoseconds, or OPA's error when that does not fit in 64 bits. */
  private static NumberValue safeNanos(Instant t) throws BuiltinException {
    NumberValue n = nanos(t);
    if (!n.isLong()) {
      throw outOfRange();
    }
    return n;
  }

  private static BuiltinException outOfRange() {
    return BuiltinException.error("time outside of valid range");
  }

  private static Value format(Moment m) {
    String layout = m.layout().isEmpty()
        ? TimeGoLayout.RFC3339_NANO : TimeGoLayout.resolve(m.layout());
    ZonedDateTime t = m.time();
    return StringValue.of(TimeGoLayout.format(t, m.location().abbreviation(t), layout));
  }

  private static Value date(ZonedDateTime t) {
    return ArrayValue.of(NumberValue.of(t.getYear()), NumberValue.of(t.getMonthValue()),
        NumberValue.of(t.getDayOfMonth()));
  }

  private static Value clock(ZonedDateTime t) {
    return ArrayValue.of(NumberValue.of(t.getHour()), NumberValue.of(t.getMinute()),
        NumberValue.of(t.getSecond()));
  }

  /**
   * Go's {@code AddDate}: the fields are added, then normalized, so that October 32 becomes
   * November 1 and adding a month to January 31 gives March 2 or 3.
   */
  private static Value addDate(ZonedDateTime t, long years, long months, long days)
      throws BuiltinException {
    BigInteger totalMonths = BigInteger.valueOf(t.getYear()).add(BigInteger.valueOf(years))
        .multiply(BigInteger.valueOf(12))
        .add(BigInteger.valueOf(t.getMonthValue() - 1))
        .add(BigInteger.valueOf(months));
    BigInteger[] yearAndMonth = floorDivMod(totalMonths, 12);
    BigInteger epochDay = epochDay(yearAndMonth[0], yearAndMonth[1].intValue() + 1)
        .add(BigInteger.valueOf(t.getDayOfMonth() - 1L))
        .add(BigInteger.valueOf(days));
    BigInteger seconds = epochDay.multiply(BigInteger.valueOf(SECONDS_PER_DAY))
        .add(BigInteger.valueOf(t.toLocalTime().toSecondOfDay()));
    if (seconds.compareTo(MIN_SECOND) < 0 || seconds.compareTo(MAX_SECOND) > 0) {
      throw outOfRange();
    }
    // The time is in UTC: time.add_date takes bare nanoseconds, so no zone offset applies.
    return safeNanos(Instant.ofEpochSecond(seconds.longValueExact(), t.getNano()));
  }

  /** The day number of the first of a month, for years far beyond java.time's range. */
  private static BigInteger epochDay(BigInteger year, int month) {
    // The Gregorian calendar repeats every 400 years, which have 146097 days.
    BigInteger cycles = floorDivMod(year.subtract(BigInteger.valueOf(2000)), 400)[0];
    int yearInCycle = year.subtract(cycles.multiply(BigInteger.valueOf(400))).intValueExact();
    return cycles.multiply(BigInteger.valueOf(146_097))
        .add(BigInteger.valueOf(LocalDate.of(yearInCycle, month, 1).toEpochDay()));
  }

  private static BigInteger[] floorDivMod(BigInteger x, int divisor) {
    BigInteger d = BigInteger.valueOf(divisor);
    BigInteger[] qr = x.divideAndRemainder(d);
    if (qr[1].signum() < 0) {
      qr[0] = qr[0].subtract(BigInteger.ONE);
      qr[1] = qr[1].add(d);
    }
    return qr;
  }

  /**
   * The calendar difference between two times as [years, months, days, hours, minutes, seconds],
   * both read in the first time's zone, earlier from later.
   */
  private static Value diff(ZonedDateTime first, ZonedDateTime second) {
    ZonedDateTime t1 = first;
    ZonedDateTime t2 = second.withZoneSameInstant(first.getZone());
    if (t1.isAfter(t2)) {
      ZonedDateTime swap = t1;
      t1 = t2;
      t2 = swap;
    }
    int years = t2.getYear() - t1.getYear();
    int months = t2.getMonthValue() - t1.getMonthValue();
    int days = t2.getDayOfMonth() - t1.getDayOfMonth();
    int hours = t2.getHour() - t1.getHour();
    int minutes = t2.getMinute() - t1.getMinute();
    int seconds = t2.getSecond() - t1.getSecond();
    if (seconds < 0) {
      seconds += 60;
      minutes--;
    }
    if (minutes < 0) {
      minutes += 60;
      hours--;
    }
    if (hours < 0) {
      hours += 24;
      days--;
    }
    if (days < 0) {
      days += YearMonth.of(t1.getYear(), t1.getMonthValue()).lengthOfMonth();
      months--;
    }
    if (months < 0) {
      months += 12;
      years--;
    }
    return ArrayValue.of(NumberValue.of(years), NumberValue.of(months), NumberValue.of(days),
        NumberValue.of(hours), NumberValue.of(minutes), NumberValue.of(seconds));
  }
}
