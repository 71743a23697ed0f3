package dev.ctpat.compliance.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in report formats by name: {@code markdown}, {@code html}, {@code sarif},
 * {@code junit} and {@code oscal}. The plain {@code text} and {@code json} formats of
 * {@code ctpat assess} are the facade's own ({@code ReportJson}) and are not listed here; a
 * caller that accepts {@code --format html,json} handles those two itself and asks this class
 * for the rest.
 */
public final class ReportFormats {
  private static final Map<String, ReportRenderer> BUILT_IN = index(List.of(
      new MarkdownRenderer(), new HtmlRenderer(), new SarifRenderer(), new JunitRenderer(),
      new OscalRenderer()));

  private ReportFormats() {}

  /** Every built-in renderer by format name, in a fixed order. */
  public static Map<String, ReportRenderer> all() {
    return BUILT_IN;
  }

  /** The names of the built-in formats, in a fixed order. */
  public static Set<String> names() {
    return BUILT_IN.keySet();
  }

  /** The renderer for a format name, if there is one. */
  public static Optional<ReportRenderer> find(String format) {
    return Optional.ofNullable(BUILT_IN.get(format));
  }

  /**
   * The renderer for a format name.
   *
   * @throws IllegalArgumentException naming the known formats when there is none
   */
  public static ReportRenderer get(String format) {
    return find(format).orElseThrow(() -> new IllegalArgumentException(
        "unknown report format \"" + format + "\"; known: " + String.join(", ", names())));
  }

  /**
   * The renderers for a comma-separated list such as {@code html,sarif}, in the order given.
   *
   * @throws IllegalArgumentException when the list is empty, names an unknown format or names
   *     one twice
   */
  public static List<ReportRenderer> parseList(String formats) {
    List<ReportRenderer> out = new ArrayList<>();
    for (String name : formats.split(",", -1)) {
      String format = name.strip();
      if (format.isEmpty()) {
        throw new IllegalArgumentException("empty format name in \"" + formats + "\"");
      }
      ReportRenderer renderer = get(format);
      if (out.contains(renderer)) {
        throw new IllegalArgumentException("format " + format + " is given twice");
      }
      out.add(renderer);
    }
    return List.copyOf(out);
  }

  private static Map<String, ReportRenderer> index(List<ReportRenderer> renderers) {
    Map<String, ReportRenderer> map = new LinkedHashMap<>();
    renderers.forEach(r -> map.put(r.format(), r));
    return Collections.unmodifiableMap(map);
  }
}
