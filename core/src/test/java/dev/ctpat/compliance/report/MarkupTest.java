package dev.ctpat.compliance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class MarkupTest {
  private static String xml(Markup m) throws IOException {
    StringBuilder sb = new StringBuilder();
    m.write(sb, Markup.Dialect.XML);
    return sb.toString();
  }

  private static String html(Markup m) throws IOException {
    StringBuilder sb = new StringBuilder();
    m.write(sb, Markup.Dialect.HTML);
    return sb.toString();
  }

  @Test
  void escapesTextAndAttributes() throws IOException {
    Markup p = Markup.element("p", "title", "a \"b\" <c> & d\ne").text("x < y & \"z\"");

    assertThat(xml(p))
        .isEqualTo("<p title=\"a &quot;b&quot; &lt;c&gt; &amp; d&#10;e\">x &lt; y &amp; \"z\"</p>");
  }

  @Test
  void replacesCharactersXmlForbidsAndKeepsSurrogatePairs() throws IOException {
    assertThat(xml(Markup.element("p").text("a\u0000b\u001Fc\uFFFEd\uD800e\uD83D\uDE00f")))
        .isEqualTo("<p>a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uD83D\uDE00f</p>");
  }

  @Test
  void emptyElementsSelfCloseInXmlButOnlyVoidOnesInHtml() throws IOException {
    Markup div = Markup.element("div");
    div.child("td");
    div.child("hr");

    assertThat(xml(div)).isEqualTo("<div>\n  <td/>\n  <hr/>\n</div>");
    assertThat(html(div)).isEqualTo("<div>\n  <td></td>\n  <hr/>\n</div>");
  }

  @Test
  void elementsWithTextOrInlineChildrenStayOnOneLine() throws IOException {
    Markup div = Markup.element("div");
    div.child("p").text("See ").leaf("code", "a.txt").text(".");
    div.child("td").leaf("span", "Pass");

    assertThat(xml(div)).isEqualTo(
        "<div>\n  <p>See <code>a.txt</code>.</p>\n  <td><span>Pass</span></td>\n</div>");
  }

  @Test
  void nullAttributeValuesAreLeftOut() throws IOException {
    assertThat(xml(Markup.element("tr", "id", null, "class", "x"))).isEqualTo("<tr class=\"x\"/>");
  }

  @Test
  void rawTextMustNeedNoEscaping() {
    assertThatThrownBy(() -> Markup.element("style").raw("a < b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Markup.element("x", "odd"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
