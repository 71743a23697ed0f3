package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The UUID builtins. {@code uuid.rfc4122(k)} makes a random (version 4) UUID, the same one for the
 * same {@code k} throughout a query. {@code uuid.parse} reads the textual forms Google's Go uuid
 * package accepts and describes the UUID as OPA does: version and variant always, and for
 * versions 1 and 2 the time, clock sequence and node (plus domain and id for version 2).
 */
final class UuidBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "uuid";
  private static final SecureRandom RANDOM = new SecureRandom();
  /** 100-nanosecond intervals from the Gregorian reform (1582-10-15) to the Unix epoch. */
  private static final long GREGORIAN_TO_UNIX_100NS = 122_192_928_000_000_000L;

  /** The per-query memo key: one UUID per distinct argument. */
  private record RandomUuidKey(Value key) {}

  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(Builtin.function(CATEGORY, "uuid.rfc4122", Types.fn(Types.STRING, Types.STRING),
        (ctx, args) -> {
          Operands.string(args, 0);
          return ctx.memo(new RandomUuidKey(args.get(0)), UuidBuiltins::randomUuid);
        }).asNondeterministic());
    out.accept(Builtin.function(CATEGORY, "uuid.parse",
        Types.fn(Types.objectOf(Types.STRING, Types.ANY), Types.STRING),
        (ctx, args) -> {
          byte[] uuid = parse(Operands.string(args, 0));
          return uuid == null ? null : describe(uuid);
        }));
  }

  private static Value randomUuid() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40);
    b[8] = (byte) ((b[8] & 0x3f) | 0x80);
    return StringValue.of(format(b));
  }

  private static String format(byte[] b) {
    String hex = HexFormat.of().formatHex(b);
    return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
        + hex.substring(16, 20) + "-" + hex.substring(20);
  }

  /**
   * The 16 bytes of a UUID written as {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}, optionally
   * wrapped in braces (any two characters, as Go's parser does not check them) or prefixed with
   * {@code urn:uuid:}, or as 32 bare hex digits; null for anything else.
   */
  static byte[] parse(String s) {
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    int start;
    switch (in.length) {
      case 32 -> {
        return hexBytes(in, new int[] {0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30});
      }
      case 36 -> start = 0;
      case 38 -> start = 1;
      case 45 -> {
        if (!new String(in, 0, 9, StandardCharsets.UTF_8).equalsIgnoreCase("urn:uuid:")) {
          return null;
        }
        start = 9;
      }
      default -> {
        return null;
      }
    }
    if (in[start + 8] != '-' || in[start + 13] != '-' || in[start + 18] != '-'
        || in[start + 23] != '-') {
      return null;
    }
    int[] offsets = {0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34};
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] += start;
    }
    return hexBytes(in, offsets);
  }

  private static byte[] hexBytes(byte[] in, int[] offsets) {
    byte[] out = new byte[16];
    for (int i = 0; i < 16; i++) {
      int hi = Character.digit(in[offsets[i]], 16);
      int lo = Character.digit(in[offsets[i] + 1], 16);
      if (hi < 0 || lo < 0) {
        return null;
      }
      out[i] = (byte) (hi << 4 | lo);
    }
    return out;
  }

  private static Value describe(byte[] u) {
    int version = (u[6] & 0xff) >> 4;
    ObjectValue.Builder b = ObjectValue.builder()
        .put("version", NumberValue.of(version))
        .put("variant", StringValue.of(variant(u[8] & 0xff)));
    if (version == 1 || version == 2) {
      b.put("time", NumberValue.of(unixNanos(u)));
      b.put("clocksequence", NumberValue.of(((u[8] & 0xff) << 8 | (u[9] & 0xff)) & 0x3fff));
      b.put("nodeid", StringValue.of(HexFormat.ofDelimiter("-").formatHex(u, 10, 16)));
      b.put("macvariables", StringValue.of(macVariables(u[10] & 0xff)));
      if (version == 2) {
        b.put("id", NumberValue.of(readUnsigned(u, 0, 4)));
        b.put("domain", StringValue.of(domain(u[9] & 0xff)));
      }
    }
    return b.build();
  }

  private static String variant(int b) {
    if ((b & 0xc0) == 0x80) {
      return "RFC4122";
    } else if ((b & 0xe0) == 0xe0) {
      return "Future";
    } else if ((b & 0xe0) == 0xc0) {
      return "Microsoft";
    }
    return "Reserved";
  }

  /** The 60-bit timestamp of a version 1 or 2 UUID, as nanoseconds since the Unix epoch. */
  private static long unixNanos(byte[] u) {
    long t = readUnsigned(u, 0, 4) | readUnsigned(u, 4, 2) << 32
        | (readUnsigned(u, 6, 2) & 0xfff) << 48;
    long since = t - GREGORIAN_TO_UNIX_100NS;
    return since / 10_000_000 * 1_000_000_000 + since % 10_000_000 * 100;
  }

  /** Whether the node id is locally administered and whether it is a multicast address. */
  private static String macVariables(int first) {
    boolean local = (first & 0b10) != 0;
    boolean multicast = (first & 0b01) != 0;
    return (local ? "local" : "global") + ":" + (multicast ? "multicast" : "unicast");
  }

  private static String domain(int d) {
    return switch (d) {
      case 0 -> "Person";
      case 1 -> "Group";
      case 2 -> "Org";
      default -> "Domain" + d;
    };
  }

  private static long readUnsigned(byte[] b, int from, int len) {
    long v = 0;
    for (int i = from; i < from + len; i++) {
      v = v << 8 | (b[i] & 0xff);
    }
    return v;
  }
}
