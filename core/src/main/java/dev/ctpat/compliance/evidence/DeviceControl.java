package dev.ctpat.compliance.evidence;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/** Removable-media control (4.10). */
public record DeviceControl(RemovableMedia removableMedia, Boolean autorunDisabled, Source source) {

  public DeviceControl {
    Objects.requireNonNull(source, "source");
  }

  /** Policy for removable storage media. */
  public enum RemovableMedia {
    BLOCKED, READ_ONLY, SCANNED, ALLOWED;

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
