package dev.ctpat.adapters.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CSV table as spreadsheets and PowerShell's {@code Export-Csv} write it: comma, semicolon or
 * tab separated (the separator is taken from the header line, since European Excel writes
 * semicolons), RFC 4180 quoting with values that span lines, and PowerShell 5.1's
 * {@code #TYPE} line before the header. Every row keeps the line it starts on.
 */
public final class Csv {
  private final int headerLine;
  private final List<String> header;
  private final List<String> columnKeys;
  private final List<Row> rows;
  private final List<Line> problems;

  private Csv(int headerLine, List<String> header, List<Row> rows, List<Line> problems) {
    this.headerLine = headerLine;
    this.header = List.copyOf(header);
    this.columnKeys = header.stream().map(Csv::key).toList();
    this.rows = List.copyOf(rows);
    this.problems = List.copyOf(problems);
  }

  /** One data row: its raw values and the 1-based line it starts on. */
  public record Row(int line, List<String> values) {

    public Row {
      values = List.copyOf(values);
    }

    /** The stripped value in {@code column}; {@code null} when blank or the column is absent. */
    public String value(int column) {
      if (column < 0 || column >= values.size()) {
        return null;
      }
      String value = values.get(column).strip();
      return value.isEmpty() ? null : value;
    }
  }

  /**
   * Parses {@code text}. Blank lines are skipped; a row with more or fewer values than the
   * header is kept and reported in {@link #problems()}.
   *
   * @throws MalformedInputException when there is no header or a quoted value never ends
   */
  public static Csv parse(String text) throws MalformedInputException {
    Reader reader = new Reader(text);
    reader.skipPreamble();
    if (reader.atEnd()) {
      throw new MalformedInputException(1, "no CSV header line");
    }
    int headerLine = reader.line;
    reader.separator = separatorOf(reader.currentLine());
    List<String> header = reader.record();
    List<Row> rows = new ArrayList<>();
    List<Line> problems = new ArrayList<>();
    while (reader.skipBlankLines()) {
      int line = reader.line;
      List<String> values = reader.record();
      if (values.size() != header.size()) {
        problems.add(new Line(line,
            "row has " + values.size() + " values but the header has " + header.size()));
      }
      rows.add(new Row(line, values));
    }
    return new Csv(headerLine, header, rows, problems);
  }

  /**
   * Only the header of {@code text}, for detection from a file's first characters; empty
   * (no columns) when there is none.
   */
  public static Csv parseHeader(String text) {
    Reader reader = new Reader(text);
    reader.skipPreamble();
    if (reader.atEnd()) {
      return new Csv(1, List.of(), List.of(), List.of());
    }
    int headerLine = reader.line;
    String line = reader.currentLine();
    try {
      return new Csv(headerLine, new Reader(line).withSeparator(separatorOf(line)).record(),
          List.of(), List.of());
    } catch (MalformedInputException e) {
      return new Csv(headerLine, List.of(), List.of(), List.of());
    }
  }

  public int headerLine() {
    return headerLine;
  }

  public List<String> header() {
    return header;
  }

  public List<Row> rows() {
    return rows;
  }

  /** Rows whose width differs from the header's, as warnings with their lines. */
  public List<Line> problems() {
    return problems;
  }

  /**
   * The first column whose name matches one of {@code aliases}, or -1. Names match ignoring
   * case, blanks and punctuation, so {@code "Person ID"}, {@code person_id} and
   * {@code PersonId} are the same column.
   */
  public int column(String... aliases) {
    for (String alias : aliases) {
      int index = columnKeys.indexOf(key(alias));
      if (index >= 0) {
        return index;
      }
    }
    return -1;
  }

  private static String key(String name) {
    StringBuilder key = new StringBuilder();
    name.toLowerCase(Locale.ROOT).codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(key::appendCodePoint);
    return key.toString();
  }

  /** The separator that occurs most often outside quotes in the header; comma on a tie. */
  private static char separatorOf(String headerLine) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < headerLine.length(); i++) {
      char c = headerLine.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        commas += c == ',' ? 1 : 0;
        semicolons += c == ';' ? 1 : 0;
        tabs += c == '\t' ? 1 : 0;
      }
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    return tabs > commas ? '\t' : ',';
  }

  /** A cursor over the text that tracks the current line. */
  private static final class Reader {
    private final String text;
    private int pos;
    private int line = 1;
    private char separator = ',';

    Reader(String text) {
      this.text = text;
    }

    Reader withSeparator(char value) {
      separator = value;
      return this;
    }

    boolean atEnd() {
      return pos >= text.length();
    }

    String currentLine() {
      int end = text.indexOf('\n', pos);
      return text.substring(pos, end < 0 ? text.length() : end);
    }

    /** Skips blank lines and PowerShell's {@code #TYPE} line before the header. */
    void skipPreamble() {
      while (skipBlankLines() && currentLine().startsWith("#TYPE")) {
        skipLine();
      }
    }

    /** Skips blank lines; false at the end of the text. */
    boolean skipBlankLines() {
      while (!atEnd() && currentLine().isBlank()) {
        skipLine();
      }
      return !atEnd();
    }

    private void skipLine() {
      int end = text.indexOf('\n', pos);
      pos = end < 0 ? text.length() : end + 1;
      line++;
    }

    /** Reads one record and moves past its line end. */
    List<String> record() throws MalformedInputException {
      int startLine = line;
      List<String> values = new ArrayList<>();
      StringBuilder value = new StringBuilder();
      boolean quoted = false;
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        if (quoted) {
          if (c == '"') {
            if (pos < text.length() && text.charAt(pos) == '"') {
              value.append('"');
              pos++;
            } else {
              quoted = false;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            value.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == separator) {
          values.add(value.toString());
          value.setLength(0);
        } else if (c == '\n') {
          line++;
          return finish(values, value);
        } else if (c != '\r' || pos < text.length() && text.charAt(pos) != '\n') {
          value.append(c);
        }
      }
      if (quoted) {
        throw new MalformedInputException(startLine, "quoted value that starts on line "
            + startLine + " never ends");
      }
      return finish(values, value);
    }

    private static List<String> finish(List<String> values, StringBuilder last) {
      values.add(last.toString());
      return values;
    }
  }
}
