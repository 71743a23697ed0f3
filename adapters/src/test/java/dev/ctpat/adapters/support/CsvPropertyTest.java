package dev.ctpat.adapters.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any table written the way spreadsheets and Export-Csv write it (quoted where needed, comma or
 * semicolon, LF or CRLF, values with separators, quotes and line breaks) reads back to exactly
 * its values, each row at the line it starts on.
 */
class CsvPropertyTest {

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("abcXYZ019 ,;\"\n\tüß€-").ofMaxLength(12),
        Arbitraries.strings().alpha().numeric().ofMaxLength(8),
        Arbitraries.of("", " ", "\"", "\"\"", ",", ";", "a\nb", "Müller, Hans", "=1+2"));
  }

  /** A header of 2 to 5 columns followed by up to 8 rows of that width. */
  @Provide
  Arbitrary<List<List<String>>> tables() {
    return Arbitraries.integers().between(2, 5).flatMap(width ->
        values().list().ofSize(width).list().ofMaxSize(8).map(rows -> {
          List<List<String>> table = new ArrayList<>();
          List<String> header = new ArrayList<>();
          for (int i = 0; i < width; i++) {
            header.add("Column " + i);
          }
          table.add(header);
          table.addAll(rows);
          return table;
        }));
  }

  @Property(tries = 300)
  void writtenTableReadsBackToItsValuesAndLines(
      @ForAll("tables") List<List<String>> table,
      @ForAll boolean semicolon,
      @ForAll boolean crlf,
      @ForAll boolean typeLine) throws MalformedInputException {
    char separator = semicolon ? ';' : ',';
    String newline = crlf ? "\r\n" : "\n";
    StringBuilder text = new StringBuilder();
    if (typeLine) {
      text.append("#TYPE System.Management.Automation.PSCustomObject").append(newline);
    }
    int line = typeLine ? 2 : 1;
    List<Integer> lines = new ArrayList<>();
    for (List<String> row : table) {
      String record = record(row, separator);
      lines.add(line);
      line += (int) record.chars().filter(c -> c == '\n').count() + 1;
      text.append(record).append(newline);
    }

    Csv csv = Csv.parse(text.toString());

    assertThat(csv.header()).isEqualTo(table.get(0));
    assertThat(csv.headerLine()).isEqualTo(lines.get(0));
    assertThat(csv.problems()).isEmpty();
    assertThat(csv.rows()).extracting(Csv.Row::values).isEqualTo(table.subList(1, table.size()));
    assertThat(csv.rows()).extracting(Csv.Row::line).isEqualTo(lines.subList(1, lines.size()));
  }

  /** Every value quoted, as Export-Csv does, so that blank rows stay rows. */
  private static String record(List<String> values, char separator) {
    StringBuilder record = new StringBuilder();
    for (String value : values) {
      if (record.length() > 0) {
        record.append(separator);
      }
      record.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
    return record.toString();
  }

  @Property(tries = 200)
  void unquotedValuesWithoutSpecialCharactersNeedNoQuotes(
      @ForAll("plainRows") List<List<String>> rows) throws MalformedInputException {
    StringBuilder text = new StringBuilder("a,b,c\n");
    rows.forEach(row -> text.append(String.join(",", row)).append('\n'));

    Csv csv = Csv.parse(text.toString());

    assertThat(csv.rows()).extracting(Csv.Row::values).isEqualTo(rows);
  }

  @Provide
  Arbitrary<List<List<String>>> plainRows() {
    Arbitrary<String> plain = Arbitraries.strings().withChars("abc019 .-_/:ä").ofMinLength(1)
        .ofMaxLength(10).filter(s -> !s.isBlank());
    return Combinators.combine(plain, plain, plain).as(List::of).list().ofMaxSize(6);
  }
}
