package dev.ctpat.adapters.password;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.LocatedJson;
import dev.ctpat.compliance.evidence.PasswordPolicy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one Active Directory password policy object as {@code ConvertTo-Json} writes it, for the
 * default domain policy and for fine-grained policies, which share their property names.
 *
 * <p>A {@code TimeSpan} is an object in Windows PowerShell 5.1 ({@code {"Ticks": ..., "Days":
 * 42, ..., "TotalDays": 42.0}}) and may be a string ({@code "42.00:00:00"}) when converted by
 * PowerShell 7 or by a {@code Select-Object} with {@code ToString()}. A zero
 * {@code MaxPasswordAge}, and {@code TimeSpan.MaxValue} (AD's "never"), mean passwords never
 * expire; a {@code LockoutDuration} of {@code TimeSpan.MaxValue} (locked until an administrator
 * unlocks) is not a number of minutes and stays {@code null}.
 */
final class AdPasswordPolicies {
  private static final BigInteger TICKS_PER_MINUTE = BigInteger.valueOf(600_000_000L);
  private static final BigInteger TICKS_PER_DAY = TICKS_PER_MINUTE.multiply(BigInteger.valueOf(1440));
  /** Anything from about 29 000 years on is one of AD's "never" spellings. */
  private static final BigInteger NEVER = TICKS_PER_DAY.multiply(BigInteger.valueOf(10_000_000));
  private static final Pattern TIME_SPAN =
      Pattern.compile("(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,7}))?");

  private AdPasswordPolicies() {}

  /** The policy in {@code node}, sourced at the line of its {@code {}. */
  static PasswordPolicy read(JsonNode node, String scope, LocatedJson json, FileContext context) {
    int line = json.line(node);
    BigInteger maxAge = ticks(node, "MaxPasswordAge", line, context);
    BigInteger lockout = ticks(node, "LockoutDuration", line, context);
    return new PasswordPolicy(scope, "ad",
        LocatedJson.integer(node, "MinPasswordLength"),
        LocatedJson.bool(node, "ComplexityEnabled"),
        maxAge == null || maxAge.signum() == 0 || isNever(maxAge) ? null : days(maxAge),
        LocatedJson.integer(node, "PasswordHistoryCount"),
        LocatedJson.integer(node, "LockoutThreshold"),
        lockout == null || isNever(lockout) ? null : minutes(lockout),
        null,
        context.source(line));
  }

  /** A TimeSpan property in ticks (100 ns); {@code null} when absent or unreadable (warned). */
  private static BigInteger ticks(JsonNode policy, String field, int line, FileContext context) {
    JsonNode value = policy.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    BigInteger ticks = value.isObject() ? objectTicks(value) : textTicks(value);
    if (ticks == null) {
      context.warn(line, field + " is not a time span");
    }
    return ticks == null ? null : ticks.abs();
  }

  /** 5.1's TimeSpan object: {@code Ticks} is exact; {@code TotalDays} is the fallback. */
  private static BigInteger objectTicks(JsonNode span) {
    JsonNode ticks = span.get("Ticks");
    if (ticks != null && ticks.isIntegralNumber()) {
      return ticks.bigIntegerValue();
    }
    JsonNode totalDays = span.get("TotalDays");
    if (totalDays != null && totalDays.isNumber()) {
      return totalDays.decimalValue().multiply(new BigDecimal(TICKS_PER_DAY))
          .setScale(0, RoundingMode.HALF_UP).toBigInteger();
    }
    return null;
  }

  /** {@code [-][d.]hh:mm:ss[.fffffff]}, or a plain number of days. */
  private static BigInteger textTicks(JsonNode span) {
    if (span.isIntegralNumber()) {
      return span.bigIntegerValue().multiply(TICKS_PER_DAY);
    }
    Matcher m = TIME_SPAN.matcher(span.asText().strip());
    if (!m.matches()) {
      return null;
    }
    long seconds = (m.group(2) == null ? 0 : Long.parseLong(m.group(2))) * 86_400
        + Long.parseLong(m.group(3)) * 3600 + Long.parseLong(m.group(4)) * 60
        + Long.parseLong(m.group(5));
    String fraction = m.group(6) == null ? "0" : (m.group(6) + "000000").substring(0, 7);
    return BigInteger.valueOf(seconds).multiply(BigInteger.valueOf(10_000_000))
        .add(new BigInteger(fraction));
  }

  private static boolean isNever(BigInteger ticks) {
    return ticks.compareTo(NEVER) >= 0;
  }

  /** Whole days, rounded down: a 41.5-day maximum age is not a 42-day one. */
  private static int days(BigInteger ticks) {
    return ticks.divide(TICKS_PER_DAY).intValueExact();
  }

  /** Whole minutes, rounded up so that a short lockout never reads as none. */
  private static int minutes(BigInteger ticks) {
    BigInteger[] qr = ticks.divideAndRemainder(TICKS_PER_MINUTE);
    return qr[0].add(qr[1].signum() == 0 ? BigInteger.ZERO : BigInteger.ONE).intValueExact();
  }
}
