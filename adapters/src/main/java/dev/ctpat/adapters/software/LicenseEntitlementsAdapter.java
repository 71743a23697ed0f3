package dev.ctpat.adapters.software;

import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.CultureDates;
import dev.ctpat.adapters.support.Csv;
import dev.ctpat.adapters.support.CsvExportAdapter;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.Numbers;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.SoftwareComponent;
import dev.ctpat.compliance.evidence.SoftwareComponent.LicenseStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the licence-entitlement register (CSV from procurement or a licence-management tool):
 * one software entry per row with the seats owned as {@code entitlements}. Columns, by any of
 * their aliases (adapters/README.md): {@code product} (required), {@code vendor},
 * {@code version}, {@code seats} (required), {@code purchased_from}, {@code license_type},
 * {@code installations}, {@code expires_on}. A row is licensed unless its term ended before the
 * collection day. The normalized document has no field for where a licence was bought, so a
 * row without {@code purchased_from} is reported as a warning: an authorised channel cannot be
 * shown for it.
 */
public final class LicenseEntitlementsAdapter extends CsvExportAdapter {
  public static final String NAME = "license-entitlements";

  private static final String[] PRODUCT = {"product", "product_name", "software", "title", "application"};
  private static final String[] VENDOR = {"vendor", "publisher", "manufacturer"};
  private static final String[] VERSION = {"version", "edition"};
  private static final String[] SEATS = {"seats", "licenses", "licences", "license_count", "quantity",
      "qty", "entitlements"};
  private static final String[] PURCHASED_FROM = {"purchased_from", "source_of_purchase",
      "purchase_source", "bought_from", "reseller", "channel"};
  private static final String[] LICENSE_TYPE = {"license_type", "licence_type", "license_model",
      "license"};
  private static final String[] INSTALLATIONS = {"installations", "installed", "in_use", "deployed"};
  private static final String[] EXPIRES_ON = {"expires_on", "expiry", "expiry_date", "expiration_date",
      "valid_until", "end_date"};

  public LicenseEntitlementsAdapter() {
    super(NAME);
  }

  @Override
  public Match detect(EvidenceInput input) {
    Csv header = header(input);
    return header.column(PRODUCT) >= 0 && header.column(SEATS) >= 0 ? Match.CONTENT : Match.NONE;
  }

  @Override
  protected NormalizedEvidence.Builder read(Csv csv, EvidenceInput input, FileContext context) {
    int product = csv.column(PRODUCT);
    if (product < 0) {
      context.warn(csv.headerLine(), "no product column; nothing read");
      return NormalizedEvidence.builder();
    }
    int expires = csv.column(EXPIRES_ON);
    CultureDates.Order order =
        CultureDates.orderOf(csv.rows().stream().map(r -> r.value(expires)).toList());
    List<SoftwareComponent> software = new ArrayList<>();
    for (Csv.Row row : csv.rows()) {
      String name = row.value(product);
      if (name == null) {
        context.warn(row.line(), "row without a product; skipped");
        continue;
      }
      if (row.value(csv.column(PURCHASED_FROM)) == null) {
        context.warn(row.line(), name + ": no source of purchase, so an authorised channel "
            + "cannot be shown");
      }
      software.add(new SoftwareComponent(name, row.value(csv.column(VERSION)),
          row.value(csv.column(VENDOR)), row.value(csv.column(LICENSE_TYPE)),
          status(name, row, expires, order, input, context),
          count(row, csv.column(INSTALLATIONS), "installations", context),
          count(row, csv.column(SEATS), "seats", context), context.source(row.line())));
    }
    return NormalizedEvidence.builder().addSoftware(software);
  }

  private static LicenseStatus status(String name, Csv.Row row, int column,
      CultureDates.Order order, EvidenceInput input, FileContext context) {
    String text = row.value(column);
    if (text == null) {
      return LicenseStatus.LICENSED;
    }
    LocalDateTime expires = CultureDates.parse(text, order);
    if (expires == null) {
      context.warn(row.line(), name + ": expiry '" + text + "' is not a date in a known format, "
          + "or is ambiguous between day and month");
      return LicenseStatus.UNKNOWN;
    }
    LocalDate today = input.collectedOn();
    if (today == null) {
      return LicenseStatus.UNKNOWN;
    }
    if (expires.toLocalDate().isBefore(today)) {
      context.warn(row.line(), name + ": the licence expired on " + expires.toLocalDate());
      return LicenseStatus.UNLICENSED;
    }
    return LicenseStatus.LICENSED;
  }

  private static Integer count(Csv.Row row, int column, String what, FileContext context) {
    String text = row.value(column);
    if (text == null) {
      return null;
    }
    // 1,000 and 1.000 are a thousand; 2.5 is not a count.
    String digits = text.matches("\\d{1,3}([.,]\\d{3})+") ? text.replaceAll("[.,]", "") : text;
    Integer value = Numbers.parseInt(digits);
    if (value == null || value < 0) {
      context.warn(row.line(), what + " '" + text + "' is not a whole number");
      return null;
    }
    return value;
  }
}
