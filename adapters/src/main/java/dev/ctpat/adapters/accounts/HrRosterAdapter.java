package dev.ctpat.adapters.accounts;

import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.CultureDates;
import dev.ctpat.adapters.support.Csv;
import dev.ctpat.adapters.support.CsvExportAdapter;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.Person;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an HR roster CSV (an HRIS export or a spreadsheet) into {@code personnel}. Columns, by
 * any of their aliases (matched ignoring case, blanks and punctuation): {@code person_id}
 * (required), {@code name}, {@code status}, {@code separated_on}, {@code role},
 * {@code department}; adapters/README.md lists the aliases. Without a status column, a person
 * with a separation date on or before the collection day is separated.
 */
public final class HrRosterAdapter extends CsvExportAdapter {
  public static final String NAME = "hr-roster";

  private static final String[] PERSON_ID = {"person_id", "employee_id", "employee_number", "emp_id",
      "personnel_number", "worker_id", "staff_id"};
  private static final String[] NAME_COLUMN = {"name", "full_name", "employee_name", "display_name"};
  private static final String[] STATUS = {"status", "employment_status", "employee_status"};
  private static final String[] SEPARATED_ON = {"separated_on", "separation_date", "termination_date",
      "terminated_on", "end_date", "leaving_date", "exit_date", "last_day"};
  private static final String[] ROLE = {"role", "job_title", "title", "position", "job"};
  private static final String[] DEPARTMENT = {"department", "dept", "division"};

  private static final Set<String> ACTIVE_WORDS = Set.of("active", "employed", "current",
      "on leave", "leave", "a");
  private static final Set<String> SEPARATED_WORDS = Set.of("separated", "terminated", "inactive",
      "former", "left", "leaver", "resigned", "retired", "t");

  public HrRosterAdapter() {
    super(NAME);
  }

  @Override
  public Match detect(EvidenceInput input) {
    Csv csv = header(input);
    boolean hasPerson = csv.column(PERSON_ID) >= 0;
    boolean hasStatus = csv.column(STATUS) >= 0 || csv.column(SEPARATED_ON) >= 0;
    return hasPerson && hasStatus ? Match.CONTENT : Match.NONE;
  }

  @Override
  protected NormalizedEvidence.Builder read(Csv csv, EvidenceInput input, FileContext context) {
    int idColumn = csv.column(PERSON_ID);
    if (idColumn < 0) {
      context.warn(csv.headerLine(),
          "no person id column (person_id or employee_id); nothing read");
      return NormalizedEvidence.builder();
    }
    int separatedColumn = csv.column(SEPARATED_ON);
    CultureDates.Order order = CultureDates.orderOf(
        csv.rows().stream().map(r -> r.value(separatedColumn)).toList());
    List<Person> people = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Csv.Row row : csv.rows()) {
      String id = row.value(idColumn);
      if (id == null) {
        context.warn(row.line(), "row without a person id; skipped");
        continue;
      }
      if (!seen.add(id)) {
        context.warn(row.line(), "person " + id + " is listed again");
      }
      LocalDate separatedOn = date(row, separatedColumn, order, context);
      Person.Status status = status(row, csv.column(STATUS), separatedOn, input, context);
      if (status == null) {
        continue;
      }
      people.add(new Person(id, row.value(csv.column(NAME_COLUMN)), status, separatedOn,
          row.value(csv.column(ROLE)), row.value(csv.column(DEPARTMENT)),
          context.source(row.line())));
    }
    return NormalizedEvidence.builder().addPersonnel(people);
  }

  private static LocalDate date(Csv.Row row, int column, CultureDates.Order order,
      FileContext context) {
    String text = row.value(column);
    if (text == null) {
      return null;
    }
    LocalDateTime date = CultureDates.parse(text, order);
    if (date == null) {
      context.warn(row.line(), "separation date '" + text
          + "' is not a date in a known format, or is ambiguous between day and month");
      return null;
    }
    return date.toLocalDate();
  }

  /** The status column's word, else the separation date; {@code null} (warned) when unknown. */
  private static Person.Status status(Csv.Row row, int column, LocalDate separatedOn,
      EvidenceInput input, FileContext context) {
    String word = row.value(column);
    boolean pastSeparation = separatedOn != null
        && (input.collectedOn() == null || !separatedOn.isAfter(input.collectedOn()));
    if (word == null) {
      if (column >= 0 && separatedOn == null) {
        context.warn(row.line(), "no status and no separation date; skipped");
        return null;
      }
      return pastSeparation ? Person.Status.SEPARATED : Person.Status.ACTIVE;
    }
    String folded = word.toLowerCase(Locale.ROOT);
    if (SEPARATED_WORDS.contains(folded)) {
      return Person.Status.SEPARATED;
    }
    if (ACTIVE_WORDS.contains(folded)) {
      if (pastSeparation) {
        context.warn(row.line(), "status is '" + word + "' but the separation date "
            + separatedOn + " has passed");
      }
      return Person.Status.ACTIVE;
    }
    context.warn(row.line(), "unknown status '" + word + "'; skipped");
    return null;
  }
}
