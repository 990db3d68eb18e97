package io.scoregateway.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.yaml} on the admin port: the OpenAPI 3.1 document of both ports ({@code
 * docs/openapi.yaml}, packaged into the jar), read once at start off the event loop.
 */
public final class OpenApiDocument {
  static final String RESOURCE = "openapi/openapi.yaml";

  private Buffer document;

  /** Reads the document from the classpath on a worker thread. */
  public Future<Void> load(Vertx vertx) {
    return vertx
        .executeBlocking(
            () -> {
              try (InputStream in =
                  OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                  throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                }
                return Buffer.buffer(in.readAllBytes());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .map(
            b -> {
              document = b;
              return null;
            });
  }

  public void handle(RoutingContext ctx) {
    ctx.response().putHeader("content-type", "application/yaml").end(document);
  }
}
