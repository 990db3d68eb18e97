package io.scoregateway.http;

import java.util.Locale;

/**
 * The closed set of errors the gateway answers, each with its status, RFC 9457 type and the label
 * it is counted under.
 */
public enum ProblemType {
  INVALID_REQUEST(400, "Invalid request"),
  UNAUTHORIZED(401, "Missing or invalid bearer token"),
  FORBIDDEN(403, "Token lacks the required role"),
  NOT_FOUND(404, "Not found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  REQUEST_TIMEOUT(408, "Request not received in time"),
  CONFLICT(409, "Conflict"),
  PAYLOAD_TOO_LARGE(413, "Payload too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  URI_TOO_LONG(414, "Request target too long"),
  HEADERS_TOO_LARGE(431, "Request header fields too large"),
  NOT_ACCEPTABLE(406, "Not acceptable"),
  RATE_LIMITED(429, "Too many requests"),
  OVERLOADED(503, "Overloaded, retry later"),
  UNAVAILABLE(503, "Redis unavailable, retry later"),
  NOT_IMPLEMENTED(501, "Not implemented"),
  INTERNAL(500, "Internal error");

  private final int status;
  private final String title;
  private final String label;

  ProblemType(int status, String title) {
    this.status = status;
    this.title = title;
    this.label = name().toLowerCase(Locale.ROOT);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The value of the {@code type} label of {@code gateway.failures}, e.g. {@code internal}. */
  public String label() {
    return label;
  }

  /** The problem's {@code type} URI. */
  public String uri() {
    return "https://score-gateway.dev/problems/" + label.replace('_', '-');
  }
}
