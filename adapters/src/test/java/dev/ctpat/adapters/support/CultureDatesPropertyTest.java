package dev.ctpat.adapters.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A column of dates written in one culture never reads back to a wrong date, and reads back
 * completely whenever the column shows which of day and month comes first.
 */
class CultureDatesPropertyTest {

  private static final List<DateTimeFormatter> CULTURES = List.of(
      DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US),
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.UK),
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss", Locale.GERMANY),
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT),
      DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US));

  @Provide
  Arbitrary<List<LocalDateTime>> columns() {
    return Arbitraries.longs().between(0, 100L * 365 * 86_400)
        .map(s -> LocalDateTime.of(2000, 1, 1, 0, 0).plusSeconds(s))
        .list().ofMinSize(1).ofMaxSize(6);
  }

  @Property(tries = 500)
  void columnNeverReadsBackWrongAndReadsBackFullyWhenDecidable(
      @ForAll("columns") List<LocalDateTime> column,
      @ForAll("cultures") int culture) {
    DateTimeFormatter format = CULTURES.get(culture);
    boolean dateOnly = culture == 4;
    boolean unambiguousCulture = culture == 2 || culture == 3;
    List<String> written = column.stream().map(format::format).toList();

    CultureDates.Order order = CultureDates.orderOf(written);

    for (int i = 0; i < column.size(); i++) {
      LocalDateTime read = CultureDates.parse(written.get(i), order);
      LocalDateTime expected =
          dateOnly ? column.get(i).toLocalDate().atStartOfDay() : column.get(i);
      if (order != CultureDates.Order.UNKNOWN || unambiguousCulture) {
        assertThat(read).as(written.get(i)).isEqualTo(expected);
      } else if (read != null) {
        assertThat(read).as(written.get(i)).isEqualTo(expected);
      }
    }
  }

  @Provide
  Arbitrary<Integer> cultures() {
    return Arbitraries.integers().between(0, CULTURES.size() - 1);
  }
}
