package io.scoregateway.grpc;

import io.scoregateway.auth.AccessDenied;
import io.scoregateway.auth.Client;
import io.scoregateway.auth.Role;
import io.scoregateway.auth.TokenAuthenticator;
import io.scoregateway.http.ClientConcurrency;
import io.scoregateway.http.ClientRateLimiter;
import io.scoregateway.http.LoadShedder;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.common.GrpcStatus;

/**
 * Admission of a call, in the HTTP routes' order and with their very objects, so one event loop's
 * bounds and a client's limits hold across both protocols: load shedding (UNAVAILABLE), the bearer
 * token in the {@code authorization} metadata (UNAUTHENTICATED) and its role (PERMISSION_DENIED),
 * the client's in-flight share and its rate limit (RESOURCE_EXHAUSTED). All before the request
 * message is read.
 */
public final class GrpcGate {
  private final LoadShedder shedder;
  private final TokenAuthenticator auth;
  private final ClientConcurrency perClient;
  private final ClientRateLimiter limiter;

  /**
   * @param auth null when authentication is off
   */
  public GrpcGate(
      LoadShedder shedder,
      TokenAuthenticator auth,
      ClientConcurrency perClient,
      ClientRateLimiter limiter) {
    this.shedder = shedder;
    this.auth = auth;
    this.perClient = perClient;
    this.limiter = limiter;
  }

  /** True when admitted (what it took is given back when the call ends); else the call ended. */
  boolean admit(GrpcCall<?, ?> call, Role role) {
    if (!shedder.tryEnter()) {
      call.refuse(
          GrpcStatus.UNAVAILABLE,
          "server: at capacity (" + shedder.maxInFlight() + " requests in flight per event loop)");
      return false;
    }
    call.onEnd(shedder::exit);
    Client c = null;
    if (auth != null) {
      try {
        c = auth.authorize(call.header("authorization"), role);
      } catch (AccessDenied denied) {
        call.refuse(
            denied.reason() == AccessDenied.Reason.UNAUTHENTICATED
                ? GrpcStatus.UNAUTHENTICATED
                : GrpcStatus.PERMISSION_DENIED,
            denied.getMessage());
        return false;
      }
    }
    String who = c != null ? c.name() : "@" + host(call.remoteAddress());
    Runnable slot = perClient.tryEnter(who);
    if (slot == null) {
      call.refuse(GrpcStatus.RESOURCE_EXHAUSTED, perClient.refusal(c, who));
      return false;
    }
    call.onEnd(slot);
    if (!limiter.tryTake(c)) {
      call.refuse(GrpcStatus.RESOURCE_EXHAUSTED, ClientRateLimiter.refusal(c));
      return false;
    }
    return true;
  }

  private static String host(SocketAddress a) {
    return a == null || a.hostAddress() == null ? "unknown" : a.hostAddress();
  }
}
