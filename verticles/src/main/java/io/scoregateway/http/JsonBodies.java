package io.scoregateway.http;

import io.scoregateway.codec.InvalidInput;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Request bodies that must be one JSON object. */
final class JsonBodies {
  private JsonBodies() {}

  static JsonObject object(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      throw new InvalidInput("body", "is required");
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
