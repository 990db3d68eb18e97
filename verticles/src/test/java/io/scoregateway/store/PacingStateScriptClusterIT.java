package io.scoregateway.store;

import org.junit.jupiter.api.BeforeAll;

/** {@link PacingStateScriptIT} on a local Redis Cluster: the script's keys share one slot. */
class PacingStateScriptClusterIT extends PacingStateScriptIT {
  @BeforeAll
  static void setUp() throws Exception {
    r = ScriptRedis.startCluster();
    link = r.link;
  }
}
