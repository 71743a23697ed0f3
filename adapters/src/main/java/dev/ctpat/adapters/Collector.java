package dev.ctpat.adapters;

import dev.ctpat.adapters.program.ProgramFileAdapter;
import dev.ctpat.compliance.evidence.Account;
import dev.ctpat.compliance.evidence.Backup;
import dev.ctpat.compliance.evidence.DeviceControl;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.EvidenceFile;
import dev.ctpat.compliance.evidence.Network;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.Organization;
import dev.ctpat.compliance.evidence.RemoteAccessGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Walks an evidence directory, reads every file with the adapter that recognizes it best, and
 * merges the fragments into one normalized document. One bad file never stops the others: it
 * becomes a warning naming the file (and line, where there is one) in the result and in its
 * {@code evidence_files} entry. Thread-safe; a collector holds only its adapters.
 */
public final class Collector {
  /** Larger files are skipped with a warning: no export we read comes near this size. */
  public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

  private final List<EvidenceAdapter> adapters;

  private Collector(List<EvidenceAdapter> adapters) {
    this.adapters = List.copyOf(adapters);
  }

  /** A collector with every built-in adapter. */
  public static Collector standard() {
    return new Collector(StandardAdapters.all());
  }

  /** A collector with exactly {@code adapters}, tried in order when two match equally well. */
  public static Collector of(List<? extends EvidenceAdapter> adapters) {
    return new Collector(List.copyOf(adapters));
  }

  /** Collects {@code dir} with every built-in adapter; {@code clock} stamps {@code collected_at}. */
  public static CollectionResult collect(Path dir, Clock clock) {
    return standard().collectDirectory(dir, clock);
  }

  /**
   * Collects {@code dir}. {@code organization.as_of} is the clock's UTC date unless the program
   * file sets it.
   *
   * @throws UncheckedIOException when {@code dir} itself cannot be listed
   */
  public CollectionResult collectDirectory(Path dir, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    Instant collectedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    LocalDate collectedOn = LocalDate.ofInstant(collectedAt, ZoneOffset.UTC);
    Merger merger = new Merger();
    Map<String, FileOutcome> outcomes = new LinkedHashMap<>();
    for (Path file : listFiles(dir)) {
      String path = relativePath(dir, file);
      outcomes.put(path, readOne(file, path, collectedOn, merger));
    }
    // Merging what ctpat.yaml declares can only happen once every export is in; its problems
    // belong to ctpat.yaml's own evidence_files entry.
    List<CollectionWarning> mergeWarnings = merger.mergeDeclared();
    List<CollectionWarning> warnings = new ArrayList<>();
    List<String> unrecognized = new ArrayList<>();
    List<EvidenceFile> files = new ArrayList<>();
    outcomes.forEach((path, outcome) -> {
      List<CollectionWarning> fileWarnings = new ArrayList<>(outcome.warnings());
      mergeWarnings.stream().filter(w -> w.file().equals(path)).forEach(fileWarnings::add);
      warnings.addAll(fileWarnings);
      if (outcome.adapter() == null) {
        unrecognized.add(path);
      }
      files.add(new EvidenceFile(path, outcome.adapter(), outcome.sha256(), collectedAt,
          fileWarnings.stream().map(CollectionWarning::toString).toList()));
    });
    NormalizedEvidence evidence = merger.build(collectedOn, files);
    return new CollectionResult(evidence, warnings, unrecognized);
  }

  private record FileOutcome(String adapter, String sha256, List<CollectionWarning> warnings) {}

  private FileOutcome readOne(Path file, String path, LocalDate collectedOn, Merger merger) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        return new FileOutcome(null, null, List.of(new CollectionWarning(path, null,
            "file is " + size / (1024 * 1024) + " MB, larger than the 50 MB limit; skipped")));
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return new FileOutcome(null, null,
          List.of(new CollectionWarning(path, null, "cannot read file: " + e.getMessage())));
    }
    String sha256 = sha256(bytes);
    TextDecoder.Decoded decoded;
    try {
      decoded = TextDecoder.decode(bytes);
    } catch (TextDecoder.BinaryContentException e) {
      return new FileOutcome(null, sha256, List.of(new CollectionWarning(path, null, e.getMessage())));
    }
    List<CollectionWarning> warnings = new ArrayList<>();
    decoded.note().ifPresent(note -> warnings.add(new CollectionWarning(path, null, note)));
    EvidenceInput input = new EvidenceInput(path, decoded.text(), collectedOn);
    EvidenceAdapter adapter = bestAdapter(input);
    if (adapter == null) {
      return new FileOutcome(null, sha256, warnings);
    }
    try {
      AdapterResult result = adapter.read(input);
      warnings.addAll(result.warnings());
      warnings.addAll(merger.add(path, adapter.name(), result.evidence()));
    } catch (RuntimeException e) {
      // An adapter bug must not cost the user the rest of the evidence; report it like bad input.
      warnings.add(new CollectionWarning(path, null,
          adapter.name() + " could not read the file (" + e.getClass().getSimpleName() + ")"));
    }
    return new FileOutcome(adapter.name(), sha256, warnings);
  }

  private EvidenceAdapter bestAdapter(EvidenceInput input) {
    EvidenceAdapter byName = null;
    for (EvidenceAdapter adapter : adapters) {
      EvidenceAdapter.Match match = adapter.detect(input);
      if (match == EvidenceAdapter.Match.CONTENT) {
        return adapter;
      }
      if (match == EvidenceAdapter.Match.NAME && byName == null) {
        byName = adapter;
      }
    }
    return byName;
  }

  private static List<Path> listFiles(Path dir) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          boolean hidden = !d.equals(dir) && d.getFileName().toString().startsWith(".");
          return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && !f.getFileName().toString().startsWith(".")) {
            files.add(f);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list evidence directory " + dir, e);
    }
    files.sort(Comparator.comparing(f -> relativePath(dir, f)));
    return files;
  }

  private static String relativePath(Path dir, Path file) {
    return dir.relativize(file).toString().replace('\\', '/');
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * Merges fragments: lists are concatenated in file order, endpoints are merged per host
   * (case-insensitive) part by part, accounts per system and name field by field (so that
   * {@code /etc/passwd} and {@code lastlog} make one account), and the single-valued parts
   * (organization, program, network, device control, thresholds) keep the first file that sets
   * them. What {@code ctpat.yaml} declares in those parts (and in backups and remote access) is
   * merged last, by {@link DeclaredFactsMerge}: it fills what the exports left {@code null} and
   * never overrides a measured value, whatever the file order.
   */
  private static final class Merger {
    private final NormalizedEvidence.Builder builder = NormalizedEvidence.builder();
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private boolean sawEndpoints;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private boolean sawAccounts;
    private Organization organization;
    private String organizationFile;
    private String programFile;
    private List<Backup> backups;
    private List<RemoteAccessGateway> remoteAccess;
    private Network network;
    private DeviceControl deviceControl;
    private boolean hasThresholds;
    private final DeclaredFactsMerge declared = new DeclaredFactsMerge();

    List<CollectionWarning> add(String path, String adapter, NormalizedEvidence e) {
      List<CollectionWarning> warnings = new ArrayList<>();
      if (e.organization() != null) {
        if (organization == null) {
          organization = e.organization();
          organizationFile = path;
        } else {
          warnings.add(duplicate(path, "organization", organizationFile));
        }
      }
      if (e.program() != null) {
        if (programFile == null) {
          builder.program(e.program());
          programFile = path;
        } else {
          warnings.add(duplicate(path, "program", programFile));
        }
      }
      if (e.thresholds() != null && !hasThresholds) {
        builder.thresholds(e.thresholds());
        hasThresholds = true;
      }
      if (ProgramFileAdapter.NAME.equals(adapter)) {
        declared.add(e);
      } else {
        addMeasured(e);
      }
      addLists(e);
      return warnings;
    }

    private static CollectionWarning duplicate(String path, String what, String first) {
      return new CollectionWarning(path, null,
          what + " is already set by " + first + "; this file's " + what + " is ignored");
    }

    /** The parts that ctpat.yaml may also declare, as measured by an export. */
    private void addMeasured(NormalizedEvidence e) {
      network = network != null ? network : e.network();
      deviceControl = deviceControl != null ? deviceControl : e.deviceControl();
      if (e.remoteAccess() != null) {
        remoteAccess = remoteAccess == null ? new ArrayList<>() : remoteAccess;
        remoteAccess.addAll(e.remoteAccess());
      }
      if (e.backups() != null) {
        backups = backups == null ? new ArrayList<>() : backups;
        backups.addAll(e.backups());
      }
      if (e.accounts() != null) {
        sawAccounts = true;
        e.accounts().forEach(account -> accounts.merge(
            account.system().toLowerCase(Locale.ROOT) + '\u0000' + account.id(), account,
            Merger::mergeAccount));
      }
      if (e.endpoints() != null) {
        sawEndpoints = true;
        e.endpoints().forEach(endpoint -> endpoints.merge(
            endpoint.hostname().toLowerCase(Locale.ROOT), endpoint, Merger::mergeHost));
      }
    }

    /** The lists no export and no declaration need to merge: concatenated in file order. */
    private void addLists(NormalizedEvidence e) {
      if (e.passwordPolicies() != null) builder.addPasswordPolicies(e.passwordPolicies());
      if (e.vulnerabilities() != null) builder.addVulnerabilities(e.vulnerabilities());
      if (e.software() != null) builder.addSoftware(e.software());
      if (e.personnel() != null) builder.addPersonnel(e.personnel());
      if (e.systems() != null) builder.addSystems(e.systems());
      if (e.waivers() != null) builder.addWaivers(e.waivers());
    }

    /** Merges the ctpat.yaml declarations into the measured records; call once, before build. */
    List<CollectionWarning> mergeDeclared() {
      builder.network(declared.network(network));
      builder.deviceControl(declared.deviceControl(deviceControl));
      addIfPresent(declared.accounts(sawAccounts ? List.copyOf(accounts.values()) : null),
          builder::addAccounts);
      addIfPresent(declared.endpoints(sawEndpoints ? List.copyOf(endpoints.values()) : null),
          builder::addEndpoints);
      addIfPresent(declared.backups(backups), builder::addBackups);
      addIfPresent(declared.remoteAccess(remoteAccess), builder::addRemoteAccess);
      return declared.warnings();
    }

    private static <T> void addIfPresent(List<T> items, Consumer<List<T>> add) {
      if (items != null) {
        add.accept(items);
      }
    }

    /** Fills what {@code first} does not know from {@code second}; the first source wins. */
    private static Endpoint mergeHost(Endpoint first, Endpoint second) {
      return new Endpoint(first.hostname(),
          first.os() != null ? first.os() : second.os(),
          first.osVersion() != null ? first.osVersion() : second.osVersion(),
          first.role() != null ? first.role() : second.role(),
          first.ownerType() != null ? first.ownerType() : second.ownerType(),
          first.mdmEnrolled() != null ? first.mdmEnrolled() : second.mdmEnrolled(),
          first.mdmCompliant() != null ? first.mdmCompliant() : second.mdmCompliant(),
          first.patches() != null ? first.patches() : second.patches(),
          first.antimalware() != null ? first.antimalware() : second.antimalware(),
          first.firewall() != null ? first.firewall() : second.firewall(),
          first.diskEncryption() != null ? first.diskEncryption() : second.diskEncryption(),
          first.source());
    }

    /**
     * Fills what {@code first} does not know from {@code second}. The source is that of the
     * record which says whether the account is enabled (the inventory, e.g. passwd, rather
     * than a login log), else the first.
     */
    private static Account mergeAccount(Account first, Account second) {
      return new Account(first.id(), first.system(),
          first.enabled() != null ? first.enabled() : second.enabled(),
          first.personId() != null ? first.personId() : second.personId(),
          first.shared() != null ? first.shared() : second.shared(),
          first.service() != null ? first.service() : second.service(),
          first.privileged() != null ? first.privileged() : second.privileged(),
          first.lastLogon() != null ? first.lastLogon() : second.lastLogon(),
          first.mfaEnrolled() != null ? first.mfaEnrolled() : second.mfaEnrolled(),
          first.groups() != null ? first.groups() : second.groups(),
          first.exception() != null ? first.exception() : second.exception(),
          first.enabled() == null && second.enabled() != null ? second.source() : first.source());
    }

    NormalizedEvidence build(LocalDate today, List<EvidenceFile> files) {
      if (organization == null) {
        builder.organization(new Organization(null, null, today, null));
      } else {
        builder.organization(organization.asOf() != null ? organization : organization.withAsOf(today));
      }
      return builder.addEvidenceFiles(files).build();
    }
  }
}
