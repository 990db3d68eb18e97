package io.scoregateway.it;

import org.junit.jupiter.api.BeforeAll;

/** {@link BudgetRaceIT} against a local Redis Cluster (3 masters + 3 replicas). */
class BudgetRaceClusterIT extends BudgetRaceIT {
  /** Hides {@link BudgetRaceIT#setUp()}: same data, cluster mode. */
  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.startCluster(2, null);
    seed();
  }
}
