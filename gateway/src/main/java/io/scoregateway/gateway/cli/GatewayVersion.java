package io.scoregateway.gateway.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the build's version, written into the jar by Maven resource filtering. */
public final class GatewayVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"score-gateway " + version()};
  }

  public static String version() {
    try (InputStream in =
        GatewayVersion.class.getResourceAsStream("/score-gateway-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
