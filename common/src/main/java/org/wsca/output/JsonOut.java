package org.wsca.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The JSON files the project writes (study summaries, benchmark results), through Jackson: trees
 * keep the fields in the order they are put, numbers are rounded to a stated number of decimals
 * (kept as written, so 64 with 4 decimals is 64.0000), and a number that is not finite is null.
 */
public final class JsonOut {
  /** Exact decimals: the default factory would strip 64.0000 to 6.4E+1. */
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  /** Two-space indents with '\n' on every platform, arrays broken over lines like objects. */
  private static final ObjectWriter PRETTY =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private JsonOut() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** {@code v} rounded half-up to {@code places} decimals, or null (JSON null) if not finite. */
  public static BigDecimal rounded(double v, int places) {
    return Double.isFinite(v) ? BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP) : null;
  }

  /** The tree as indented JSON text ending in a newline. */
  public static String text(JsonNode node) {
    try {
      return PRETTY.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      // A tree of nodes built here always serialises; reaching this is a bug.
      throw new UncheckedIOException(e);
    }
  }
}
