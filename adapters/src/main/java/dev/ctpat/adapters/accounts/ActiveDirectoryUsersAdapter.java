package dev.ctpat.adapters.accounts;

import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.CultureDates;
import dev.ctpat.adapters.support.Csv;
import dev.ctpat.adapters.support.CsvExportAdapter;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.Numbers;
import dev.ctpat.compliance.evidence.Account;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code Get-ADUser -Filter * -Properties ... | Export-Csv} from PowerShell 5.1 (with its
 * {@code #TYPE} line) or 7, in any culture. Columns used: {@code SamAccountName} (required),
 * {@code Enabled}, {@code EmployeeID}/{@code EmployeeNumber} (the person), {@code
 * lastLogonTimestamp} (preferred: an exact UTC file time) or {@code LastLogonDate} (the
 * exporting machine's local time, read as UTC), {@code MemberOf} joined with {@code ;}, {@code
 * adminCount} and {@code ServicePrincipalName}. Export-Csv writes an unjoined {@code MemberOf}
 * as a type name, which leaves the groups unknown.
 */
public final class ActiveDirectoryUsersAdapter extends CsvExportAdapter {
  public static final String NAME = "ad-users";

  /** The groups that AdminSDHolder protects, i.e. the built-in privileged groups. */
  private static final Set<String> PRIVILEGED_GROUPS = Set.of("domain admins", "enterprise admins",
      "schema admins", "administrators", "account operators", "server operators",
      "backup operators", "print operators", "key admins", "enterprise key admins", "replicator",
      "domain controllers");

  /** File time of the Unix epoch, in 100 ns units since 1601. */
  private static final long FILETIME_EPOCH = 116_444_736_000_000_000L;

  public ActiveDirectoryUsersAdapter() {
    super(NAME);
  }

  @Override
  public Match detect(EvidenceInput input) {
    String head = input.head(4096).toLowerCase(Locale.ROOT);
    boolean typeLine = head.startsWith("#type microsoft.activedirectory.management.aduser");
    return typeLine || head.contains("samaccountname") && head.contains("enabled")
        ? Match.CONTENT : Match.NONE;
  }

  @Override
  protected NormalizedEvidence.Builder read(Csv csv, EvidenceInput input, FileContext context) {
    Columns columns = new Columns(csv);
    if (columns.id < 0) {
      context.warn(csv.headerLine(), "no SamAccountName column; nothing read");
      return NormalizedEvidence.builder();
    }
    if (columns.person < 0) {
      context.warn(csv.headerLine(),
          "no EmployeeID or EmployeeNumber column: the accounts are not linked to people");
    }
    CultureDates.Order dateOrder = CultureDates.orderOf(
        csv.rows().stream().map(r -> r.value(columns.lastLogonDate)).toList());
    List<Account> accounts = new ArrayList<>();
    boolean warnedGroups = false;
    for (Csv.Row row : csv.rows()) {
      String id = row.value(columns.id);
      if (id == null) {
        context.warn(row.line(), "row without SamAccountName; skipped");
        continue;
      }
      List<String> groups = columns.memberOf < 0 ? null : groups(row.value(columns.memberOf));
      if (groups == null && columns.memberOf >= 0 && !warnedGroups) {
        context.warn(row.line(), "MemberOf holds a type name, not groups: join it with "
            + "@{n='MemberOf';e={$_.MemberOf -join ';'}} to record group membership");
        warnedGroups = true;
      }
      accounts.add(new Account(id, "ad", bool(row, columns.enabled, context),
          row.value(columns.person), null, service(row, columns),
          privileged(groups, row.value(columns.adminCount)),
          lastLogon(row, columns, dateOrder, context), null, groups, null,
          context.source(row.line())));
    }
    return NormalizedEvidence.builder().addAccounts(accounts);
  }

  /** Column indices, -1 when absent. */
  private static final class Columns {
    final int id;
    final int enabled;
    final int person;
    final int lastLogonTimestamp;
    final int lastLogonDate;
    final int memberOf;
    final int adminCount;
    final int spn;

    Columns(Csv csv) {
      id = csv.column("SamAccountName");
      enabled = csv.column("Enabled");
      person = csv.column("EmployeeID", "EmployeeNumber");
      lastLogonTimestamp = csv.column("lastLogonTimestamp");
      lastLogonDate = csv.column("LastLogonDate");
      memberOf = csv.column("MemberOf", "Groups");
      adminCount = csv.column("adminCount");
      spn = csv.column("ServicePrincipalName", "ServicePrincipalNames");
    }
  }

  private static Boolean bool(Csv.Row row, int column, FileContext context) {
    String text = row.value(column);
    Boolean value = Numbers.parseBoolean(text);
    if (text != null && value == null) {
      context.warn(row.line(), "Enabled is '" + text + "', not True or False");
    }
    return value;
  }

  /** The group names (the CN of each DN); {@code null} when the value is a type name. */
  private static List<String> groups(String memberOf) {
    if (memberOf == null) {
      return List.of();
    }
    if (memberOf.startsWith("Microsoft.ActiveDirectory.")) {
      return null;
    }
    List<String> groups = new ArrayList<>();
    for (String dn : memberOf.split(";")) {
      if (!dn.isBlank()) {
        groups.add(commonName(dn.strip()));
      }
    }
    return groups;
  }

  /** {@code CN=Domain Admins,CN=Users,DC=corp} to {@code Domain Admins}, honouring {@code \,}. */
  private static String commonName(String dn) {
    if (!dn.regionMatches(true, 0, "CN=", 0, 3)) {
      return dn;
    }
    StringBuilder name = new StringBuilder();
    for (int i = 3; i < dn.length(); i++) {
      char c = dn.charAt(i);
      if (c == '\\' && i + 1 < dn.length()) {
        name.append(dn.charAt(++i));
      } else if (c == ',') {
        break;
      } else {
        name.append(c);
      }
    }
    return name.toString();
  }

  /** A service principal name marks a service account; its absence proves nothing. */
  private static Boolean service(Csv.Row row, Columns columns) {
    return columns.spn >= 0 && row.value(columns.spn) != null ? Boolean.TRUE : null;
  }

  private static Boolean privileged(List<String> groups, String adminCount) {
    if ("1".equals(adminCount)) {
      return true;
    }
    if (groups == null) {
      return null;
    }
    return groups.stream().anyMatch(g -> PRIVILEGED_GROUPS.contains(g.toLowerCase(Locale.ROOT)));
  }

  private static Instant lastLogon(Csv.Row row, Columns columns, CultureDates.Order order,
      FileContext context) {
    String fileTime = row.value(columns.lastLogonTimestamp);
    if (fileTime != null && fileTime.matches("\\d{1,19}")) {
      long ticks = Long.parseLong(fileTime);
      // 0 and Long.MAX_VALUE are how AD says "never".
      return ticks <= FILETIME_EPOCH || ticks == Long.MAX_VALUE ? null
          : Instant.ofEpochSecond((ticks - FILETIME_EPOCH) / 10_000_000L);
    }
    String text = row.value(columns.lastLogonDate);
    if (text == null) {
      return null;
    }
    LocalDateTime local = CultureDates.parse(text, order);
    if (local == null) {
      context.warn(row.line(), "LastLogonDate '" + text + "' is not a date in a known format, "
          + "or is ambiguous between day and month");
      return null;
    }
    return local.toInstant(ZoneOffset.UTC);
  }
}
