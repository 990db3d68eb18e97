package io.scoregateway.it;

import org.junit.jupiter.api.BeforeAll;

/**
 * {@link SnapshotLifecycleIT} against a local Redis Cluster: manifests and score keys spread over
 * masters.
 */
class SnapshotLifecycleClusterIT extends SnapshotLifecycleIT {
  /** Hides {@link SnapshotLifecycleIT#setUp()}: same data, cluster mode. */
  @BeforeAll
  static void setUp() throws Exception {
    gw = TestGateway.startCluster(1, null);
    seed();
  }
}
