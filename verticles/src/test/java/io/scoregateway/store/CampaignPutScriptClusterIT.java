package io.scoregateway.store;

import org.junit.jupiter.api.BeforeAll;

/** {@link CampaignPutScriptIT} on a local Redis Cluster: every {@code {cfg}} key in one slot. */
class CampaignPutScriptClusterIT extends CampaignPutScriptIT {
  @BeforeAll
  static void setUp() throws Exception {
    r = ScriptRedis.startCluster();
  }
}
