package io.scoregateway.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.scoregateway.codec.Ids;
import io.scoregateway.codec.InvalidInput;
import io.scoregateway.codec.JsonLimits;
import io.scoregateway.codec.KnownFields;
import io.scoregateway.model.ScoreRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes to {@link ScoreRequest} in one streaming pass, validating as it reads: every error names
 * its field ({@code candidates[3]: invalid track id}). Unknown fields are refused by name: a
 * misspelt {@code maxPromoted} silently skipped would promote every candidate.
 */
public final class ScoreRequestParser {
  private static final int MAX_DEPTH = 16;
  private static final JsonLimits LIMITS = new JsonLimits(MAX_DEPTH, 64 * 1024, 32);
  private static final JsonFactory JSON = LIMITS.factory();

  private static final KnownFields FIELDS =
      new KnownFields(
          "user", "surface", "market", "segment", "candidates", "max_promoted", "explain");

  private final int maxBatch;

  public ScoreRequestParser(int maxBatch) {
    this.maxBatch = maxBatch;
  }

  public ScoreRequest parse(byte[] body) {
    try (JsonParser p = JSON.createParser(body)) {
      try {
        return read(p);
      } catch (JsonProcessingException e) {
        throw LIMITS.invalid(e, p);
      }
    } catch (JsonProcessingException e) {
      throw LIMITS.invalid(e, null);
    } catch (IOException e) {
      throw new InvalidInput("body", "unreadable");
    }
  }

  private ScoreRequest read(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new InvalidInput("body", "must be a JSON object");
    }
    String user = null;
    String surface = null;
    String market = null;
    String segment = null;
    List<String> candidates = null;
    int maxPromoted = -1;
    boolean explain = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "user" -> user = Ids.require("user", string(p, t, "user"), "user id");
        case "surface" -> surface = Ids.require("surface", string(p, t, "surface"), "surface");
        case "market" -> {
          market = string(p, t, "market");
          if (!Ids.validMarket(market)) {
            throw new InvalidInput(
                "market", "invalid market (expected an assigned ISO 3166 alpha-2 code, e.g. SE)");
          }
        }
        case "segment" -> segment = Ids.require("segment", string(p, t, "segment"), "segment");
        case "candidates" -> candidates = candidates(p, t);
        case "max_promoted" -> maxPromoted = maxPromoted(p, t);
        case "explain" -> {
          if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw new InvalidInput("explain", "must be a boolean");
          }
          explain = t == JsonToken.VALUE_TRUE;
        }
        default -> FIELDS.require("", field);
      }
    }
    if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
      throw new InvalidInput("body", "malformed JSON (trailing content)");
    }
    require(user, "user");
    require(surface, "surface");
    require(market, "market");
    require(candidates, "candidates");
    return new ScoreRequest(
        user,
        surface,
        market,
        segment == null ? ScoreRequest.DEFAULT_SEGMENT : segment,
        candidates,
        maxPromoted,
        explain);
  }

  private List<String> candidates(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      throw new InvalidInput("candidates", "must be an array of track ids");
    }
    List<String> out = new ArrayList<>(Math.min(maxBatch, 256));
    int i = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (i >= maxBatch) {
        throw new InvalidInput("candidates", "too many candidates (at most " + maxBatch + ")");
      }
      // validated in the parser's own buffer; the string is built only for a valid id
      if (t != JsonToken.VALUE_STRING
          || !Ids.valid(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
        throw new InvalidInput("candidates[" + i + "]", "invalid track id");
      }
      out.add(p.getText());
      i++;
    }
    if (out.isEmpty()) {
      throw new InvalidInput("candidates", "must contain at least one track id");
    }
    return out;
  }

  private static int maxPromoted(JsonParser p, JsonToken t) throws IOException {
    // check the type before reading: reading a BIG_INTEGER as a long throws, reported as "body"
    if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw new InvalidInput("max_promoted", "must be a non-negative integer");
    }
    long v = p.getLongValue();
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw new InvalidInput("max_promoted", "must be a non-negative integer");
    }
    return (int) v;
  }

  private static String string(JsonParser p, JsonToken t, String field) throws IOException {
    if (t != JsonToken.VALUE_STRING) {
      throw new InvalidInput(field, "must be a string");
    }
    return p.getText();
  }

  private static void require(Object value, String field) {
    if (value == null) {
      throw new InvalidInput(field, "is required");
    }
  }
}
