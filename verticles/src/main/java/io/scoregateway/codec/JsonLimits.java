package io.scoregateway.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Locale;

/**
 * Limits on a JSON body (nesting, string and number length), the parser factory enforcing them, and
 * the gateway's own words for a parse failure: callers never see the parser library's text.
 */
public record JsonLimits(int maxDepth, int maxString, int maxNumber) {

  /** A streaming parser factory that enforces these limits. */
  public JsonFactory factory() {
    return JsonFactory.builder()
        // a field given twice is ambiguous (which one counts differs between parsers): a 400
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth)
                .maxStringLength(maxString)
                .maxNumberLength(maxNumber)
                .build())
        .build();
  }

  /**
   * The failure as an {@code InvalidInput}, in the product's words: on the field whose value broke
   * a length limit, as {@code parser} (the one that failed, or null) knows it, else (nesting,
   * syntax) on {@code body}.
   */
  public InvalidInput invalid(JsonProcessingException e, JsonParser parser) {
    String duplicate = duplicateField(e);
    if (duplicate != null) {
      return new InvalidInput(duplicate, "given more than once");
    }
    boolean length =
        e instanceof StreamConstraintsException
            && !String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT).contains("nesting");
    return new InvalidInput(length ? lengthField(parser) : "body", describe(e));
  }

  /** The field whose value broke a length limit: its own, or for an array element the array's. */
  private static String lengthField(JsonParser parser) {
    for (JsonStreamContext c = parser == null ? null : parser.getParsingContext();
        c != null;
        c = c.getParent()) {
      if (c.getCurrentName() != null) {
        return c.getCurrentName();
      }
    }
    return "body";
  }

  /** The field a duplicate-detecting parser found twice, else null. */
  private static String duplicateField(JsonProcessingException e) {
    String m = String.valueOf(e.getOriginalMessage());
    if (!m.startsWith("Duplicate field '")) {
      return null;
    }
    int end = m.indexOf('\'', "Duplicate field '".length());
    return end < 0 ? null : m.substring("Duplicate field '".length(), end);
  }

  private String describe(JsonProcessingException e) {
    if (e instanceof StreamConstraintsException) {
      String m = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("nesting")) {
        return "nested deeper than " + maxDepth + " levels";
      }
      if (m.contains("number")) {
        return "a number longer than " + maxNumber + " digits";
      }
      if (m.contains("string")) {
        // the parser measures a number's text against the string limit too, before it is a number
        return "a value longer than " + maxString + " characters";
      }
      return "exceeds the JSON limits of this endpoint";
    }
    JsonLocation at = e.getLocation();
    if (at == null || at.getLineNr() < 1) {
      return "malformed JSON";
    }
    return "malformed JSON (at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }
}
