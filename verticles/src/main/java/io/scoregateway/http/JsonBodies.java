package io.scoregateway.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.scoregateway.codec.InvalidInput;
import io.scoregateway.codec.JsonLimits;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;

/**
 * Request bodies that must be one JSON object, checked against nesting, string and number limits in
 * a streaming pass before anything builds a tree from them.
 */
final class JsonBodies {
  private static final JsonLimits LIMITS = new JsonLimits(32, 1 << 20, 64);
  private static final JsonFactory LIMITED = LIMITS.factory();

  private JsonBodies() {}

  static JsonObject object(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      throw new InvalidInput("body", "is required");
    }
    byte[] bytes = body.getBytes();
    try (JsonParser p = LIMITED.createParser(bytes)) {
      try {
        while (p.nextToken() != null) {
          // the constraints throw while streaming; nothing is kept
        }
      } catch (JsonProcessingException e) {
        throw LIMITS.invalid(e, p);
      }
    } catch (JsonProcessingException e) {
      throw LIMITS.invalid(e, null);
    } catch (IOException e) {
      throw new InvalidInput("body", "unreadable");
    }
    Object parsed;
    try {
      parsed = body.toJsonValue();
    } catch (DecodeException e) {
      throw new InvalidInput("body", "malformed JSON");
    }
    if (!(parsed instanceof JsonObject o)) {
      throw new InvalidInput("body", "must be a JSON object");
    }
    return o;
  }
}
