package io.scoregateway.store;

import org.junit.jupiter.api.BeforeAll;

/**
 * {@link PacingRefreshScriptIT} on a local Redis Cluster: the script's one key routes by its tag.
 */
class PacingRefreshScriptClusterIT extends PacingRefreshScriptIT {
  @BeforeAll
  static void setUp() throws Exception {
    r = ScriptRedis.startCluster();
    link = r.link;
  }
}
