package io.scoregateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.scoregateway.auth.Client;
import io.scoregateway.auth.Role;
import io.scoregateway.auth.TokenAuthenticator;
import io.scoregateway.codec.InvalidInput;
import io.scoregateway.pipeline.CatalogNotLoaded;
import io.scoregateway.redis.BreakerOpen;
import io.scoregateway.redis.NotReplicated;
import io.scoregateway.store.CampaignStore;
import io.vertx.core.json.DecodeException;
import java.net.ConnectException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class FailuresTest {
  static ProblemType type(Throwable err) {
    return Failures.classify(err).type();
  }

  @Test
  void theCallersMistakesAre4xxNamingTheField() {
    Problem bad = Failures.classify(new InvalidInput("candidates[3]", "invalid track id"));
    assertThat(bad.type()).isEqualTo(ProblemType.INVALID_REQUEST);
    assertThat(bad.getMessage()).isEqualTo("candidates[3]: invalid track id");
    assertThat(type(new DecodeException("x"))).isEqualTo(ProblemType.INVALID_REQUEST);
    assertThat(type(new CampaignStore.TrackConflict("c2", "t1"))).isEqualTo(ProblemType.CONFLICT);
    Problem thrown = new Problem(ProblemType.NOT_FOUND, "campaign c9 does not exist");
    assertThat(Failures.classify(thrown)).isSameAs(thrown);
  }

  @Test
  void refusedCallersAre401Or403() {
    TokenAuthenticator auth =
        new TokenAuthenticator(
            List.of(new Client("scorer", Set.of(Role.SCORE), TokenAuthenticator.sha256("s3cret"))));
    assertThat(type(catchThrowable(() -> auth.authorize(null, Role.SCORE))))
        .isEqualTo(ProblemType.UNAUTHORIZED);
    assertThat(type(catchThrowable(() -> auth.authorize("Bearer wrong", Role.SCORE))))
        .isEqualTo(ProblemType.UNAUTHORIZED);
    Problem forbidden =
        Failures.classify(catchThrowable(() -> auth.authorize("Bearer s3cret", Role.ADMIN)));
    assertThat(forbidden.type()).isEqualTo(ProblemType.FORBIDDEN);
    assertThat(forbidden.getMessage()).isEqualTo("authorization: client scorer lacks role admin");
  }

  @Test
  void redisThatCannotServeIsA503() {
    assertThat(type(new BreakerOpen())).isEqualTo(ProblemType.UNAVAILABLE);
    assertThat(type(new NotReplicated(1, 0))).isEqualTo(ProblemType.UNAVAILABLE);
    assertThat(type(new ConnectException("Connection refused"))).isEqualTo(ProblemType.UNAVAILABLE);
    assertThat(type(new TimeoutException("Timeout 2000 (ms) fired")))
        .isEqualTo(ProblemType.UNAVAILABLE);
    assertThat(type(new RuntimeException("LOADING Redis is loading the dataset in memory")))
        .isEqualTo(ProblemType.UNAVAILABLE);
    assertThat(type(new CatalogNotLoaded())).isEqualTo(ProblemType.UNAVAILABLE);
    // a connection lost under a batch arrives as the client's text, the I/O failure named in it
    assertThat(type(new RuntimeException("ERR [0] java.net.SocketException: Connection reset")))
        .isEqualTo(ProblemType.UNAVAILABLE);
    assertThat(type(new RuntimeException("io", new java.io.IOException("Broken pipe"))))
        .isEqualTo(ProblemType.UNAVAILABLE);
    assertThat(ProblemType.UNAVAILABLE.status()).isEqualTo(503);
  }

  @Test
  void anythingElseIsABug() {
    assertThat(type(new NullPointerException())).isEqualTo(ProblemType.INTERNAL);
    assertThat(type(new IllegalStateException("invariant broken"))).isEqualTo(ProblemType.INTERNAL);
    // Redis answered, with an error: a wrong command is a bug, not an outage
    assertThat(type(new RuntimeException("ERR wrong number of arguments for 'hget' command")))
        .isEqualTo(ProblemType.INTERNAL);
    assertThat(Failures.classify(new NullPointerException()).getMessage())
        .isEqualTo("unexpected error");
    assertThat(ProblemType.INTERNAL.status()).isEqualTo(500);
  }

  @Test
  void requestsTheCodecCouldNotDecodeAreAnsweredAsOurOwnLimits() {
    assertThat(Failures.undecodable(new TooLongHttpLineException("An HTTP line is larger")).type())
        .isEqualTo(ProblemType.URI_TOO_LONG);
    assertThat(Failures.undecodable(new TooLongHttpHeaderException("HTTP header is larger")))
        .satisfies(p -> assertThat(p.type()).isEqualTo(ProblemType.HEADERS_TOO_LARGE))
        .satisfies(p -> assertThat(p.getMessage()).isEqualTo("headers: larger than 16384 bytes"));
    assertThat(
            Failures.undecodable(
                    new StrictFraming.Violation(ProblemType.INVALID_REQUEST, "framing: bare LF"))
                .getMessage())
        .isEqualTo("framing: bare LF");
    assertThat(Failures.undecodable(null).type()).isEqualTo(ProblemType.INVALID_REQUEST);
  }

  @Test
  void labelsAreTheTypesInLowerCase() {
    assertThat(ProblemType.INTERNAL.label()).isEqualTo("internal");
    assertThat(ProblemType.INVALID_REQUEST.label()).isEqualTo("invalid_request");
    assertThat(ProblemType.INVALID_REQUEST.uri())
        .isEqualTo("https://score-gateway.dev/problems/invalid-request");
  }
}
