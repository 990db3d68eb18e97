package io.scoregateway.auth;

/**
 * A request the tokens file does not admit: no valid bearer token, or a client without the role the
 * route needs. Stackless: refusing a caller is routine.
 */
public final class AccessDenied extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the caller was refused. */
  public enum Reason {
    /** No bearer token, or one no client owns: the caller should authenticate. */
    UNAUTHENTICATED,
    /** A known client lacking the route's role: authenticating again will not help. */
    FORBIDDEN
  }

  private final Reason reason;

  AccessDenied(Reason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
