package io.scoregateway.gateway.contract;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.OpenApi31;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI 3.1 document as a validator: finds the operation of a method and path, and checks a
 * request or answer body against the schema the document gives for it (JSON Schema 2020-12 with the
 * OpenAPI dialect), {@code $ref}s into {@code components} included.
 */
final class OpenApiContract {
  private final JsonObject doc;
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(OpenApi31.getInstance());

  OpenApiContract(String yaml) {
    Map<String, Object> tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    this.doc = new JsonObject(tree);
  }

  String version() {
    return doc.getString("openapi");
  }

  /** The operation serving {@code method path}, or null when the document has none. */
  JsonObject operation(String method, String path) {
    JsonObject paths = doc.getJsonObject("paths");
    for (String template : paths.fieldNames()) {
      if (path.matches(template.replaceAll("\\{[^}]+}", "[^/]+"))) {
        return paths.getJsonObject(template).getJsonObject(method.toLowerCase(Locale.ROOT));
      }
    }
    return null;
  }

  /** The request body's schema for a media type, or null when none is documented. */
  JsonObject requestSchema(JsonObject operation, String mediaType) {
    JsonObject body = resolve(operation.getJsonObject("requestBody"));
    return body == null ? null : schemaOf(body, mediaType);
  }

  /** The documented answer for a status, or null when the status is not documented. */
  JsonObject response(JsonObject operation, int status) {
    return resolve(operation.getJsonObject("responses").getJsonObject(Integer.toString(status)));
  }

  /** A response's schema for a media type, or null when it documents none for it. */
  JsonObject schemaOf(JsonObject responseOrBody, String mediaType) {
    JsonObject content = responseOrBody.getJsonObject("content");
    if (content == null || !content.containsKey(mediaType)) {
      return null;
    }
    return content.getJsonObject(mediaType).getJsonObject("schema");
  }

  /** The document's named schema, as a {@code $ref}. */
  JsonObject component(String name) {
    return new JsonObject().put("$ref", "#/components/schemas/" + name);
  }

  List<String> componentNames() {
    return new ArrayList<>(doc.getJsonObject("components").getJsonObject("schemas").fieldNames());
  }

  /** The violations of {@code json} against {@code schema}; empty when it conforms. */
  List<String> violations(JsonObject schema, String json) {
    // the schema as a document of its own, carrying the components its $refs point into
    JsonObject root = schema.copy().put("components", doc.getJsonObject("components"));
    Schema s = registry.getSchema(root.encode(), InputFormat.JSON);
    List<String> out = new ArrayList<>();
    for (Error e : s.validate(json, InputFormat.JSON)) {
      out.add(e.toString());
    }
    return out;
  }

  private JsonObject resolve(JsonObject o) {
    if (o == null || !o.containsKey("$ref")) {
      return o;
    }
    JsonObject at = doc;
    for (String part : o.getString("$ref").substring(2).split("/", -1)) {
      at = at.getJsonObject(part.replace("~1", "/").replace("~0", "~"));
    }
    return at;
  }
}
