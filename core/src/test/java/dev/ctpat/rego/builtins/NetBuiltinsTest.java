package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.json;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.set;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetBuiltinsTest {
  private final Family net = new Family(new NetBuiltins());

  /** A set of strings. */
  private static SetValue strings(String... members) {
    return SetValue.of(Arrays.stream(members).map(StringValue::of).toList());
  }


  @Test
  void registersOpaNetBuiltins() {
    for (String name : List.of("net.cidr_contains", "net.cidr_overlap", "net.cidr_intersects",
        "net.cidr_is_valid", "net.cidr_expand", "net.cidr_contains_matches", "net.cidr_merge")) {
      assertThat(net.builtin(name).category()).isEqualTo("net");
    }
  }

  @Property(tries = 300)
  void readsBackEveryIpv6AddressItWrites(@ForAll @Size(16) byte[] address) throws Exception {
    Assume.that(NetIp.to4(address) == null); // IPv4-mapped addresses print as IPv4
    String text = NetIp.format(address);
    assertThat(net.call("net.cidr_expand", str(text + "/128"))).isEqualTo(strings(text));
    assertThat(NetIp.parseIp(text)).isEqualTo(address);
  }

  @Nested
  class CidrContains {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.0.0/8         | 10.1.2.3           | true",
        "10.0.0.0/8         | 11.0.0.1           | false",
        "10.0.0.0/8         | 10.1.0.0/16        | true",
        "10.0.0.0/16        | 10.0.0.0/8         | false",
        "10.0.0.0/24        | 10.0.0.128/25      | true",
        "10.0.0.0/24        | 10.0.0.128/23      | false",
        "192.168.1.0/24     | 192.168.1.0/24     | true",
        "192.168.1.7/24     | 192.168.1.200      | true",
        "0.0.0.0/0          | 255.255.255.255    | true",
        "10.0.0.0/8         | ::ffff:10.1.2.3    | true",
        "2001:db8::/32      | 2001:db8:1::1      | true",
        "2001:db8::/32      | 2001:DB8:FFFF::/48 | true",
        "2001:db8::/32      | 2001:db9::/48      | false",
        "0.0.0.0/0          | ::1                | false",
        "::/0               | 1.2.3.4            | false",
        "::ffff:0:0/96      | 1.2.3.4            | true",
    })
    void testsAddressesAndWholeNetworks(String cidr, String candidate, boolean expected)
        throws Exception {
      assertThat(net.call("net.cidr_contains", str(cidr), str(candidate)))
          .isEqualTo(BooleanValue.of(expected));
      assertThat(net.call("net.cidr_overlap", str(cidr), str(candidate)))
          .isEqualTo(BooleanValue.of(expected));
    }

    @Test
    void reportsAnInvalidNetwork() {
      BuiltinException e = net.error("net.cidr_contains", str("10.0.0.0"), str("10.0.0.1"));
      assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
      assertThat(e).hasMessage("invalid CIDR address: 10.0.0.0");
    }

    @Test
    void reportsAnInvalidCandidate() {
      assertThat(net.error("net.cidr_contains", str("10.0.0.0/8"), str("10.0.0")))
          .hasMessage("not a valid textual representation of an IP address or CIDR: 10.0.0");
    }
  }

  @Nested
  class CidrIntersects {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "192.168.0.0/16  | 192.168.1.0/24  | true",
        "192.168.1.0/24  | 192.168.0.0/16  | true",
        "10.0.0.0/8      | 11.0.0.0/8      | false",
        "10.0.0.0/31     | 10.0.0.1/32     | true",
        "2001:db8::/32   | 2001:db8:1::/48 | true",
        "2001:db8::/32   | 10.0.0.0/8      | false",
        "::/0            | 0.0.0.0/0       | false",
    })
    void testsForCommonAddresses(String a, String b, boolean expected) throws Exception {
      assertThat(net.call("net.cidr_intersects", str(a), str(b)))
          .isEqualTo(BooleanValue.of(expected));
    }

    @Test
    void reportsInvalidNetworks() {
      assertThat(net.error("net.cidr_intersects", str("10.0.0.0/8"), str("10.0.0.1")))
          .hasMessage("invalid CIDR address: 10.0.0.1");
    }
  }

  @Nested
  class CidrIsValid {
    @ParameterizedTest
    @ValueSource(strings = {
        "10.0.0.0/8", "10.0.0.1/32", "0.0.0.0/0", "10.0.0.0/008", "::/0", "::/128",
        "2001:db8::/32", "2001:DB8:0:0:0:0:0:1/64", "::ffff:1.2.3.4/120", "1:2:3:4:5:6:1.2.3.4/96",
        "fe80::1:2.3.4.5/64",
    })
    void acceptsCidrs(String cidr) throws Exception {
      assertThat(net.call("net.cidr_is_valid", str(cidr))).isEqualTo(BooleanValue.TRUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "/8", "10.0.0.0", "10.0.0.0/", "10.0.0.0/33", "::/129", "10.0.0.0/-1",
        "10.0.0.0/+8", "10.0.0.0/8 ", " 10.0.0.0/8", "010.0.0.0/8", "256.0.0.0/8", "1.2.3/8",
        "1.2.3.4.5/8", "1..2.3/8", "fe80::1%eth0/64", "1:2:3:4:5:6:7:8:9/64", "::1::/64",
        "12345::/16", "1:2:3:4:5:6:7::8/64", ":1::/64", "1:/64", "1.2.3.4::/64",
        "1:2:3:4:5:6:7:1.2.3.4/64", "10.0.0.0/\u0668", "\uff11.0.0.0/8",
    })
    void rejectsEverythingElse(String cidr) throws Exception {
      assertThat(net.call("net.cidr_is_valid", str(cidr))).isEqualTo(BooleanValue.FALSE);
    }
  }

  @Nested
  class CidrExpand {
    @Test
    void listsEveryAddressOfTheNetwork() throws Exception {
      assertThat(net.call("net.cidr_expand", str("192.168.1.1/30")))
          .isEqualTo(strings("192.168.1.0", "192.168.1.1", "192.168.1.2", "192.168.1.3"));
    }

    @Test
    void stopsAtTheTopOfTheAddressSpace() throws Exception {
      assertThat(net.call("net.cidr_expand", str("255.255.255.254/31")))
          .isEqualTo(strings("255.255.255.254", "255.255.255.255"));
      assertThat(net.call("net.cidr_expand", str("10.0.0.1/32"))).isEqualTo(strings("10.0.0.1"));
    }

    @Test
    void writesIpv6AddressesCompactly() throws Exception {
      assertThat(net.call("net.cidr_expand", str("2001:DB8:0:0::/127")))
          .isEqualTo(strings("2001:db8::", "2001:db8::1"));
      assertThat(net.call("net.cidr_expand", str("1:0:0:1:0:0:0:0/128")))
          .isEqualTo(strings("1:0:0:1::"));
      assertThat(net.call("net.cidr_expand", str("1:0:1:0:1:0:1:0/128")))
          .isEqualTo(strings("1:0:1:0:1:0:1:0"));
      assertThat(net.call("net.cidr_expand", str("1:0:0:1:0:0:1:1/128")))
          .isEqualTo(strings("1::1:0:0:1:1"));
    }

    @Test
    void writesIpv4MappedAddressesAsIpv4() throws Exception {
      assertThat(net.call("net.cidr_expand", str("::ffff:1.2.3.4/127")))
          .isEqualTo(strings("1.2.3.4", "1.2.3.5"));
    }

    @Test
    void reportsInvalidNetworks() {
      assertThat(net.error("net.cidr_expand", str("1.2.3.4"))).hasMessage(
          "invalid CIDR address: 1.2.3.4");
    }
  }

  @Nested
  class CidrContainsMatches {
    private static final String ELEMENT_ERROR = "element must be string or non-empty array";

    @Test
    void matchesTwoStrings() throws Exception {
      assertThat(net.call("net.cidr_contains_matches", str("1.1.1.0/24"), str("1.1.1.128")))
          .isEqualTo(set("[\"1.1.1.0/24\", \"1.1.1.128\"]"));
    }

    @Test
    void keysArrayElementsByIndex() throws Exception {
      assertThat(net.callJson("net.cidr_contains_matches",
          "[\"10.2.0.0/16\", \"10.1.0.0/16\"]", "[\"10.1.1.1\", \"10.2.1.1\", \"10.3.1.1\"]"))
          .isEqualTo(set("[0, 1]", "[1, 0]"));
    }

    @Test
    void keysObjectEntriesByKeyAndReadsTuples() throws Exception {
      assertThat(net.callJson("net.cidr_contains_matches",
          "{\"a\": \"10.0.0.0/8\", \"b\": [\"10.1.0.0/16\", 42], \"c\": \"11.0.0.0/8\"}",
          "\"10.1.2.3\""))
          .isEqualTo(set("[\"a\", \"10.1.2.3\"]", "[\"b\", \"10.1.2.3\"]"));
    }

    @Test
    void keysSetMembersByThemselves() throws Exception {
      SetValue cidrs = set("[\"10.0.0.0/8\", \"x\"]", "\"192.168.0.0/16\"");
      SetValue candidates = set("[\"10.1.1.1\", \"y\"]", "[\"11.1.1.1\", \"z\"]");
      assertThat(net.call("net.cidr_contains_matches", cidrs, candidates))
          .isEqualTo(SetValue.of(ArrayValue.of(json("[\"10.0.0.0/8\", \"x\"]"),
              json("[\"10.1.1.1\", \"y\"]"))));
    }

    @Test
    void isEmptyWithoutMatches() throws Exception {
      assertThat(net.callJson("net.cidr_contains_matches", "[\"10.0.0.0/8\"]", "[]"))
          .isEqualTo(SetValue.EMPTY);
    }

    @Test
    void readsTheSecondOperandOnlyForEntriesOfTheFirst() throws Exception {
      assertThat(net.callJson("net.cidr_contains_matches", "[]", "[1]"))
          .isEqualTo(SetValue.EMPTY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[\"10.0.0.0/8\"] | [\"10.0.0.1\", 1] | operand 2: " + ELEMENT_ERROR,
        "[\"10.0.0.0/8\"] | [[]]              | operand 2: " + ELEMENT_ERROR,
        "{\"k\": true}    | \"10.0.0.1\"      | operand 1: " + ELEMENT_ERROR,
        "[\"10.0.0.0\"]   | \"10.0.0.1\"      | invalid CIDR address: 10.0.0.0",
    })
    void reportsBadElements(String cidrs, String candidates, String message) {
      BuiltinException e = net.errorJson("net.cidr_contains_matches", cidrs, candidates);
      assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
      assertThat(e).hasMessage(message);
    }

    @Test
    void reportsNonStringTupleHeadsAsTypeErrors() {
      BuiltinException e =
          net.errorJson("net.cidr_contains_matches", "[[1, \"x\"]]", "\"10.0.0.1\"");
      assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
      assertThat(e).hasMessage("operand 1 must be string but got number");
    }
  }

  @Nested
  class CidrMerge {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[]                                                  | ",
        "[\"10.0.0.0/25\", \"10.0.0.128/25\"]                | 10.0.0.0/24",
        "[\"10.0.0.0/24\", \"10.0.0.0/24\"]                  | 10.0.0.0/24",
        "[\"10.0.0.0/24\", \"10.0.0.7/32\"]                  | 10.0.0.0/24",
        "[\"10.0.0.0/24\", \"10.0.1.0/25\"]                  | 10.0.0.0/24 10.0.1.0/25",
        "[\"10.0.0.0/24\", \"10.0.2.0/24\"]                  | 10.0.0.0/24 10.0.2.0/24",
        "[\"10.0.1.0/24\", \"10.0.2.0/24\"]                  | 10.0.1.0/24 10.0.2.0/24",
        "[\"10.0.0.1/32\", \"10.0.0.2/31\", \"10.0.0.4/30\"] | 10.0.0.1/32 10.0.0.2/31 10.0.0.4/30",
        "[\"10.0.0.1/32\", \"10.0.0.2/32\", \"10.0.0.3/32\", \"10.0.0.4/32\"]"
            + "| 10.0.0.1/32 10.0.0.2/31 10.0.0.4/32",
        "[\"0.0.0.0/0\", \"10.0.0.0/8\"]                     | 0.0.0.0/0",
        "[\"255.255.255.255/32\", \"255.255.255.254/32\"]    | 255.255.255.254/31",
        "[\"2001:db8::/33\", \"2001:db8:8000::/33\"]         | 2001:db8::/32",
        "[\"2001:db8::/32\", \"10.0.0.0/8\"]                 | 2001:db8::/32 10.0.0.0/8",
        "[\"::/0\", \"10.0.0.0/8\", \"2001:db8::1/128\"]     | ::/0",
        "[\"::fffe:0:0/96\", \"0.0.0.0/1\"]                  | ::fffe:0:0/96 0.0.0.0/1",
    })
    void mergesIntoTheFewestCidrs(String addresses, String expected) throws Exception {
      String[] cidrs = expected == null ? new String[0] : expected.split(" ");
      assertThat(net.callJson("net.cidr_merge", addresses)).isEqualTo(strings(cidrs));
    }

    @Test
    void acceptsSets() throws Exception {
      assertThat(net.call("net.cidr_merge", strings("10.0.0.0/25", "10.0.0.128/25")))
          .isEqualTo(strings("10.0.0.0/24"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[\"10.1.2.3\"]                      | 10.1.2.3/8",
        "[\"172.16.5.4\", \"172.17.0.0/16\"] | 172.16.0.0/15",
        "[\"200.1.2.3\", \"200.1.3.0/24\"]   | 200.1.2.0/23",
        "[\"::ffff:200.1.2.3\"]              | 200.1.2.3/24",
    })
    void readsBareIpv4AddressesAsTheirClassfulNetwork(String addresses, String expected)
        throws Exception {
      assertThat(net.callJson("net.cidr_merge", addresses)).isEqualTo(strings(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[\"10.0.0.0/8\", 1]     | element must be string",
        "[\"2001:db8::1\"]       | IPv6 invalid: needs prefix length",
        "[\"10.0.0.0/8\", \"x\"] | invalid CIDR address: x",
    })
    void reportsBadElements(String addresses, String message) {
      BuiltinException e = net.errorJson("net.cidr_merge", addresses);
      assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
      assertThat(e).hasMessage(message);
    }
  }
}
