package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.value.BooleanValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashBuiltinsTest {
  private final Family family = new Family(new HashBuiltins());

  @Test
  void registersOpasHashBuiltinsOnly() {
    assertThat(family.builtins()).containsOnlyKeys("crypto.md5", "crypto.sha1", "crypto.sha256",
        "crypto.hmac.md5", "crypto.hmac.sha1", "crypto.hmac.sha256", "crypto.hmac.sha512",
        "crypto.hmac.equal");
  }

  @ParameterizedTest
  @CsvSource({
      "crypto.md5,'',d41d8cd98f00b204e9800998ecf8427e",
      "crypto.md5,foo,acbd18db4cc2f85cedef654fccc4a4d8",
      "crypto.md5,åäöçß🥲♙Ω,773728a952c877ed0cc9305d50dece17",
      "crypto.sha1,'',da39a3ee5e6b4b0d3255bfef95601890afd80709",
      "crypto.sha1,foo,0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a33",
      "crypto.sha1,åäöçß🥲♙Ω,e39f3cab4d4257e23ffc355d8b5b72f4a9a7fd03",
      "crypto.sha256,'',e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "crypto.sha256,foo,2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
      "crypto.sha256,åäöçß🥲♙Ω,5a529e5c7987895c4105059ad6a2a3cf5fe50e5bb5c05bb869d63644a0c382fa"})
  void digestsTheUtf8BytesAsLowercaseHex(String name, String input, String digest)
      throws Exception {
    assertThat(family.call(name, str(input))).isEqualTo(str(digest));
  }

  @ParameterizedTest
  @CsvSource({
      "crypto.hmac.md5,foo,bar,31b6db9e5eb4addb42f1a6ca07367adc",
      "crypto.hmac.md5,åäöçß🥲♙Ω,秘密の,20a8743c2157ac60b7e8b79c83651b8d",
      "crypto.hmac.sha1,foo,bar,85d155c55ed286a300bd1cf124de08d87e914f3a",
      "crypto.hmac.sha1,åäöçß🥲♙Ω,秘密の,81759c39013935fcf0de833d44c8018d7c1455dd",
      "crypto.hmac.sha256,foo,bar,"
          + "147933218aaabc0b8b10a2b3a5c34684c8d94341bcf10a4736dc7270f7741851",
      "crypto.hmac.sha256,åäöçß🥲♙Ω,秘密の,"
          + "eb90daeb76d4b2571fbdaf94bbb240809faa8fed93ec0c260dd38c3fdf8d963a",
      "crypto.hmac.sha512,foo,bar,24257d7210582a65c731ec55159c8184cc24c02489453e58587f71f44c23a2d6"
          + "1b4b72154a89d17b2d49448a8452ea066f4fc56a2bcead45c088572ffccdb3d8",
      "crypto.hmac.sha512,åäöçß🥲♙Ω,秘密の,192f5afded233d6e21427aa26ed267ac118cfa2971013d91cbed530"
          + "c0b208d78138b83dfe1d6cc3553d7bd518f22a481402c723028e1279d1ffbe8f11ea6b125"})
  void hmacsTheMessageWithTheKey(String name, String message, String key, String mac)
      throws Exception {
    assertThat(family.call(name, str(message), str(key))).isEqualTo(str(mac));
  }

  @ParameterizedTest
  @CsvSource({
      "crypto.hmac.md5,4acb10ca3965a14a080297db0921950c",
      "crypto.hmac.sha1,a3cc770fc033e2cb419d42b64e0081a3bd3be30e",
      "crypto.hmac.sha256,0c0d98f7e3d9d45e72e8877bc1b104327efb9c07b18f2ffeced76d81307f1fff"})
  void acceptsAnEmptyKeyAsGoDoes(String name, String mac) throws Exception {
    assertThat(family.call(name, str("foo"), str(""))).isEqualTo(str(mac));
  }

  @ParameterizedTest
  @CsvSource({"abc,abc,true", "abc,abd,false", "abc,abcd,false", "'','',true", "é,é,true"})
  void hmacEqualComparesTheStrings(String a, String b, boolean equal) throws Exception {
    assertThat(family.call("crypto.hmac.equal", str(a), str(b)))
        .isEqualTo(BooleanValue.of(equal));
  }
}
