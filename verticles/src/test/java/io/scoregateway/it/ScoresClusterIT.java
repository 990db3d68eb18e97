package io.scoregateway.it;

import org.junit.jupiter.api.BeforeAll;

/** {@link ScoresIT} against a local Redis Cluster (3 masters + 3 replicas). */
class ScoresClusterIT extends ScoresIT {
  /** Hides {@link ScoresIT#setUp()}: same data, cluster mode. */
  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.startCluster(2, null);
    seed();
  }
}
