package dev.ctpat.compliance.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Network-level evidence: perimeter firewalls, external exposure and access control. */
@JsonInclude(Include.NON_NULL)
public record Network(
    List<PerimeterFirewall> perimeterFirewalls,
    ExternalExposure externalExposure,
    AccessControl accessControl) {

  public Network {
    perimeterFirewalls = Immutables.list(perimeterFirewalls);
  }

  /** A perimeter firewall (4.2a). */
  public record PerimeterFirewall(
      String name,
      String product,
      InboundAction defaultInboundAction,
      Source source) {

    public PerimeterFirewall {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(source, "source");
    }
  }

  /** Default action for inbound traffic. */
  public enum InboundAction {
    DENY, ALLOW;

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Result of an external port scan of the public addresses (4.9). */
  public record ExternalExposure(
      LocalDate scannedOn, List<OpenService> openServices, Source source) {

    public ExternalExposure {
      Objects.requireNonNull(scannedOn, "scannedOn");
      openServices = List.copyOf(openServices);
      Objects.requireNonNull(source, "source");
    }
  }

  /** A service reachable from the internet. */
  public record OpenService(String address, int port, String service) {

    public OpenService {
      Objects.requireNonNull(address, "address");
    }
  }

  /**
   * Network access control (4.10).
   *
   * @param unmanagedDevicesBlocked NAC or conditional access blocks unenrolled devices
   * @param method e.g. {@code conditional_access}, {@code nac_8021x}
   */
  public record AccessControl(Boolean unmanagedDevicesBlocked, String method, Source source) {

    public AccessControl {
      Objects.requireNonNull(source, "source");
    }
  }
}
