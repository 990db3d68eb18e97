package io.scoregateway.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * Limits on a JSON body (nesting, string and number length), the parser factory enforcing them, and
 * the gateway's own words for a parse failure: callers never see the parser library's text.
 */
public record JsonLimits(int maxDepth, int maxString, int maxNumber) {

  /** A streaming parser factory that enforces these limits. */
  public JsonFactory factory() {
    return JsonFactory.builder()
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth)
                .maxStringLength(maxString)
                .maxNumberLength(maxNumber)
                .build())
        .build();
  }

  /** The failure as an {@code InvalidInput} on {@code body}, in the product's words. */
  public InvalidInput invalid(JsonProcessingException e) {
    return new InvalidInput("body", describe(e));
  }

  private String describe(JsonProcessingException e) {
    if (e instanceof StreamConstraintsException) {
      String m = String.valueOf(e.getOriginalMessage()).toLowerCase(java.util.Locale.ROOT);
      if (m.contains("nesting")) {
        return "nested deeper than " + maxDepth + " levels";
      }
      if (m.contains("string")) {
        return "a string longer than " + maxString + " characters";
      }
      if (m.contains("number")) {
        return "a number longer than " + maxNumber + " digits";
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
