package dev.ctpat.cli;

import dev.ctpat.compliance.EntityType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values with messages that say what is expected. */
final class Converters {
  private Converters() {}

  /** {@code YYYY-MM-DD}. */
  static final class Date implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a date YYYY-MM-DD");
      }
    }
  }

  /** An entity type id such as {@code importer} or {@code highway-carrier}. */
  static final class Entity implements ITypeConverter<EntityType> {
    @Override
    public EntityType convert(String value) {
      return EntityType.fromId(value).orElseThrow(() -> new TypeConversionException(
          "'" + value + "' is not an entity type; use one of " + EntityType.ids()));
    }
  }

  /** {@code --fail-on}: must, should or never. */
  static final class Gate extends Choice<FailOn> {
    Gate() {
      super(FailOn.class);
    }
  }

  /** A constant of an enum, named in lower case (or any case). */
  private abstract static class Choice<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    Choice(Class<E> type) {
      this.type = type;
    }

    @Override
    public E convert(String value) {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equalsIgnoreCase(value)) {
          return constant;
        }
      }
      throw new TypeConversionException("'" + value + "' is not one of " + Arrays.stream(
          type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
          .collect(Collectors.joining(", ")));
    }
  }
}
