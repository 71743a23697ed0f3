package dev.ctpat.adapters.support;

import dev.ctpat.adapters.EvidenceInput;
import java.util.Arrays;

/**
 * An adapter for one kind of JSON export, read as a {@link LocatedJson} tree so that items can
 * point at their lines; a file that is not JSON is warned at the line of its syntax error.
 */
public abstract class JsonExportAdapter extends ExportAdapter<LocatedJson> {

  protected JsonExportAdapter(String name) {
    super(name, FileContext::parseJson);
  }

  /**
   * A content match when the first {@code chars} characters of the file hold every marker
   * (typically quoted key names), so that a large export is recognized without parsing it.
   */
  protected static Match contentMatchIfHeadContains(EvidenceInput input, int chars,
      String... markers) {
    String head = input.head(chars);
    return Arrays.stream(markers).allMatch(head::contains) ? Match.CONTENT : Match.NONE;
  }
}
