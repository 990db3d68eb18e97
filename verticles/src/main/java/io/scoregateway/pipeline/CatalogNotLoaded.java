package io.scoregateway.pipeline;

/**
 * The gateway cannot tell yet which campaigns exist (Redis unreachable since start): answers that
 * depend on the catalog are refused as retryable rather than given wrongly. Stackless.
 */
public final class CatalogNotLoaded extends RuntimeException {
  public CatalogNotLoaded() {
    super("the campaign catalog is not loaded yet", null, false, false);
  }
}
