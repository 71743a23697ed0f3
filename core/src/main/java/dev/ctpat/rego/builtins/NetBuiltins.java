package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.NetIp.Network;
import dev.ctpat.rego.types.Type;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * OPA's {@code net.cidr_*} builtins over IPv4 and IPv6 CIDRs, with the address semantics of Go's
 * {@code net} package (see {@link NetIp}). None of them touches the network.
 */
final class NetBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "net";
  private static final Type S = Types.STRING;
  private static final Type CIDR_OR_TUPLE = Types.anyOf(S, Types.arrayOf(Types.ANY));
  /** A CIDR, or a collection of CIDRs or of arrays whose first element is one. */
  private static final Type MATCH_OPERAND = Types.anyOf(S, Types.arrayOf(CIDR_OR_TUPLE),
      Types.setOf(CIDR_OR_TUPLE), Types.objectOf(S, CIDR_OR_TUPLE));

  /** How often {@code net.cidr_expand} checks the query's budget. */
  private static final int EXPAND_CHECK_INTERVAL = 4096;
  /** ::ffff:0.0.0.0, where IPv4 addresses sit in the IPv6 space. */
  private static final BigInteger IPV4_BASE = BigInteger.valueOf(0xffffL).shiftLeft(32);
  private static final BigInteger IPV4_END = IPV4_BASE.add(BigInteger.ONE.shiftLeft(32));

  @Override
  public void register(Consumer<Builtin> out) {
    BuiltinFunction contains =
        (ctx, args) -> BooleanValue.of(contains(args.get(0), args.get(1)));
    out.accept(Builtin.function(CATEGORY, "net.cidr_contains", Types.fn(Types.BOOLEAN, S, S),
        contains));
    // Deprecated alias of net.cidr_contains.
    out.accept(Builtin.function(CATEGORY, "net.cidr_overlap", Types.fn(Types.BOOLEAN, S, S),
        contains));
    out.accept(Builtin.function(CATEGORY, "net.cidr_intersects", Types.fn(Types.BOOLEAN, S, S),
        (ctx, args) -> BooleanValue.of(intersects(
            Network.parseCidr(Operands.string(args, 0)),
            Network.parseCidr(Operands.string(args, 1))))));
    out.accept(Builtin.function(CATEGORY, "net.cidr_is_valid", Types.fn(Types.BOOLEAN, S),
        (ctx, args) -> BooleanValue.of(
            Network.tryParseCidr(Operands.string(args, 0)) != null)));
    out.accept(Builtin.function(CATEGORY, "net.cidr_expand", Types.fn(Types.setOf(S), S),
        (ctx, args) -> expand(ctx, Network.parseCidr(Operands.string(args, 0)))));
    out.accept(Builtin.function(CATEGORY, "net.cidr_contains_matches",
        Types.fn(Types.setOf(Types.tuple(Types.ANY, Types.ANY)), MATCH_OPERAND, MATCH_OPERAND),
        (ctx, args) -> containsMatches(args.get(0), args.get(1))));
    out.accept(Builtin.function(CATEGORY, "net.cidr_merge",
        Types.fn(Types.setOf(S), Types.anyOf(Types.arrayOf(Types.anyOf(S)), Types.setOf(S))),
        (ctx, args) -> merge(Operands.arrayOrSet(args, 0))));
  }

  /** OPA reports a non-string CIDR as operand 1, whichever operand it is. */
  private static String string(Value v) throws BuiltinException {
    if (v instanceof StringValue s) {
      return s.value();
    }
    throw Operands.typeError(1, v, "string");
  }

  /** Whether a CIDR contains an address, or all of another CIDR. */
  private static boolean contains(Value cidr, Value cidrOrIp) throws BuiltinException {
    Network network = Network.parseCidr(string(cidr));
    String text = string(cidrOrIp);
    byte[] ip = NetIp.parseIp(text);
    if (ip != null) {
      return network.contains(ip);
    }
    Network other = Network.tryParseCidr(text);
    if (other == null) {
      throw BuiltinException.error(
          "not a valid textual representation of an IP address or CIDR: " + text);
    }
    return network.contains(other.ip()) && network.contains(other.lastIp());
  }

  private static boolean intersects(Network a, Network b) {
    return a.contains(b.ip()) || b.contains(a.ip());
  }

  /** Every address of the network, counting up until the address leaves it. */
  private static Value expand(BuiltinContext ctx, Network network) {
    SetValue.Builder hosts = SetValue.builder();
    byte[] ip = network.ip().clone();
    for (long n = 0; network.contains(ip); n++) {
      if (n % EXPAND_CHECK_INTERVAL == 0) {
        ctx.checkLimits();
      }
      hosts.add(StringValue.of(NetIp.format(ip)));
      increment(ip);
    }
    return hosts.build();
  }

  /** Adds one, wrapping around at the top like Go's {@code incIP}. */
  private static void increment(byte[] ip) {
    for (int i = ip.length - 1; i >= 0; i--) {
      ip[i]++;
      if (ip[i] != 0) {
        return;
      }
    }
  }

  /** Receives one CIDR of a {@code net.cidr_contains_matches} operand and its key. */
  @FunctionalInterface
  private interface MatchVisitor {
    void visit(Value cidr, Value key) throws BuiltinException;
  }

  /**
   * The [key1, key2] pairs where the CIDR under key1 of the first operand contains the one under
   * key2 of the second. Keys are array indexes, set members or object keys; a lone string is its
   * own key. As in OPA, the second operand is read once per entry of the first.
   */
  private static Value containsMatches(Value cidrs, Value candidates) throws BuiltinException {
    SetValue.Builder matches = SetValue.builder();
    forEachEntry(cidrs, 1, (cidr, key) -> forEachEntry(candidates, 2, (candidate, key2) -> {
      if (contains(cidr, candidate)) {
        matches.add(ArrayValue.of(key, key2));
      }
    }));
    return matches.build();
  }

  private static void forEachEntry(Value operand, int position, MatchVisitor visitor)
      throws BuiltinException {
    if (operand instanceof StringValue) {
      visitor.visit(operand, operand);
    } else if (operand instanceof ArrayValue a) {
      for (int i = 0; i < a.size(); i++) {
        visitor.visit(matchCidr(a.get(i), position), NumberValue.of(i));
      }
    } else if (operand instanceof SetValue s) {
      for (Value member : s.sorted()) {
        visitor.visit(matchCidr(member, position), member);
      }
    } else if (operand instanceof ObjectValue o) {
      for (Value key : o.sortedKeys()) {
        visitor.visit(matchCidr(o.get(key), position), key);
      }
    }
  }

  /** A collection element: a CIDR string, or an array whose first element is the CIDR. */
  private static Value matchCidr(Value element, int position) throws BuiltinException {
    if (element instanceof StringValue) {
      return element;
    }
    if (element instanceof ArrayValue a && !a.isEmpty()) {
      return a.get(0);
    }
    throw BuiltinException.error(
        "operand %d: element must be string or non-empty array", position);
  }

  /**
   * An address range of {@code net.cidr_merge} in the IPv6 space (IPv4 mapped into it), with the
   * text of the network it came from, or {@code null} once it has been merged with another.
   */
  private record Range(BigInteger first, BigInteger last, String network) {
    static final Comparator<Range> ORDER =
        Comparator.comparing(Range::last).thenComparing(Range::first);
  }

  /**
   * The smallest set of CIDRs covering the given networks and addresses. Bare IPv4 addresses
   * stand for their classful network (10.1.2.3 for 10.1.2.3/8), as in OPA; a network that merges
   * with nothing is returned as written.
   */
  private static Value merge(List<Value> addresses) throws BuiltinException {
    List<Range> ranges = new ArrayList<>();
    for (Value v : addresses) {
      if (!(v instanceof StringValue s)) {
        throw BuiltinException.error("element must be string");
      }
      ranges.add(range(mergeNetwork(s.value())));
    }
    ranges.sort(Range.ORDER);
    // From the top down, fold each range into the one below it when they touch or overlap.
    List<Range> merged = new ArrayList<>();
    Range current = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
    for (int i = ranges.size() - 2; i >= 0; i--) {
      Range below = ranges.get(i);
      if (predecessor(current.first()).compareTo(below.last()) <= 0) {
        current = new Range(below.first().min(current.first()), current.last(), null);
      } else {
        merged.add(current);
        current = below;
      }
    }
    if (current != null) {
      merged.add(current);
    }
    SetValue.Builder result = SetValue.builder();
    for (Range r : merged) {
      if (r.network() != null) {
        result.add(StringValue.of(r.network()));
      } else {
        addBlocks(r.first(), r.last(), result);
      }
    }
    return result.build();
  }

  private static Network mergeNetwork(String text) throws BuiltinException {
    byte[] ip = NetIp.parseIp(text);
    if (ip == null) {
      return Network.parseCidr(text);
    }
    byte[] v4 = NetIp.to4(ip);
    if (v4 == null) {
      throw BuiltinException.error("IPv6 invalid: needs prefix length");
    }
    int first = v4[0] & 0xff;
    int classfulPrefix = first < 0x80 ? 8 : first < 0xc0 ? 16 : 24;
    return new Network(ip, NetIp.cidrMask(classfulPrefix, 32));
  }

  private static Range range(Network n) {
    byte[] masked = NetIp.mask(n.ip(), n.mask());
    byte[] first16 = masked.length == NetIp.IPV4_LENGTH ? NetIp.toIpv6(masked) : masked;
    BigInteger first = new BigInteger(1, first16);
    int hostBits = n.mask().length * 8 - n.prefixLength();
    BigInteger last = first.or(BigInteger.ONE.shiftLeft(hostBits).subtract(BigInteger.ONE));
    return new Range(first, last, n.toString());
  }

  /** The address before {@code x}; as in OPA, :: and 0.0.0.0 have none and stay put. */
  private static BigInteger predecessor(BigInteger x) {
    return x.signum() == 0 || x.equals(IPV4_BASE) ? x : x.subtract(BigInteger.ONE);
  }

  /** Covers [first, last] with the fewest aligned blocks, largest first from the bottom. */
  private static void addBlocks(BigInteger first, BigInteger last, SetValue.Builder out) {
    BigInteger start = first;
    while (start.compareTo(last) <= 0) {
      int size = start.signum() == 0 ? 128 : start.getLowestSetBit();
      while (start.add(BigInteger.ONE.shiftLeft(size)).subtract(BigInteger.ONE)
          .compareTo(last) > 0) {
        size--;
      }
      out.add(StringValue.of(blockText(start, 128 - size)));
      start = start.add(BigInteger.ONE.shiftLeft(size));
    }
  }

  /** A block of the IPv6 space as Go prints it: IPv4 blocks in IPv4 notation. */
  private static String blockText(BigInteger start, int prefix) {
    byte[] raw = start.toByteArray();
    byte[] ip = new byte[NetIp.IPV6_LENGTH];
    int length = Math.min(raw.length, ip.length);
    System.arraycopy(raw, raw.length - length, ip, ip.length - length, length);
    boolean ipv4 = start.compareTo(IPV4_BASE) >= 0 && start.compareTo(IPV4_END) < 0;
    return NetIp.format(ip) + "/" + (ipv4 ? prefix - 96 : prefix);
  }
}
