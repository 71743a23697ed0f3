package dev.ctpat.compliance.evidence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The one JSON mapping of the evidence model: snake_case names, dates as {@code YYYY-MM-DD},
 * timestamps as RFC 3339 UTC ({@code 2026-11-26T23:10:00Z}), unknown values as {@code null}.
 * Reading rejects unknown properties so that a document that drifts from the schema fails loudly.
 */
public final class EvidenceJson {
  private static final ObjectMapper MAPPER = newMapper();

  private EvidenceJson() {}

  /** A mapper configured for the evidence model; a fresh copy, so callers may reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER.copy();
  }

  /** The document as pretty-printed JSON. */
  public static String write(NormalizedEvidence evidence) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(evidence);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a normalized document.
   *
   * @throws IOException when the JSON is malformed or does not fit the model; the message names
   *     the line and column
   */
  public static NormalizedEvidence read(String json) throws IOException {
    return MAPPER.readValue(json, NormalizedEvidence.class);
  }

  private static ObjectMapper newMapper() {
    SimpleModule time = new SimpleModule("ctpat-evidence-time")
        .addSerializer(LocalDate.class, new LocalDateSerializer())
        .addDeserializer(LocalDate.class, new LocalDateDeserializer())
        .addSerializer(Instant.class, new InstantSerializer())
        .addDeserializer(Instant.class, new InstantDeserializer());
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .addModule(time)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .build();
  }

  private static final class LocalDateSerializer extends JsonSerializer<LocalDate> {
    @Override
    public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  private static final class LocalDateDeserializer extends JsonDeserializer<LocalDate> {
    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a YYYY-MM-DD date");
      }
    }
  }

  /** Writes UTC with a {@code Z}; {@link Instant#toString} adds fractions only when non-zero. */
  private static final class InstantSerializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  /** Accepts any RFC 3339 offset and normalizes it to UTC. */
  private static final class InstantDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an RFC 3339 timestamp");
      }
    }
  }
}
