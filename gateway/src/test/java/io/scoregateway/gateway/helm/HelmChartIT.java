package io.scoregateway.gateway.helm;

import static io.scoregateway.gateway.helm.RenderedChart.at;
import static io.scoregateway.gateway.helm.RenderedChart.list;
import static io.scoregateway.gateway.helm.RenderedChart.map;
import static io.scoregateway.gateway.helm.RenderedChart.maps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoregateway.config.RedisMode;
import io.scoregateway.gateway.Main;
import io.scoregateway.gateway.config.ConfigKey;
import io.scoregateway.gateway.config.ConfigSources;
import io.scoregateway.gateway.config.GatewayConfig;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The Helm chart: lint, and the key fields of the manifests rendered with the default and the
 * production values, fed back through the gateway's own config parser and command line. Runs only
 * with {@code -Dit.test=HelmChartIT} (see helm/test-chart): it needs helm.
 */
class HelmChartIT {
  private static final String NAME = "sg-score-gateway";
  private static final String PROD = "helm/score-gateway/values-production.yaml";

  @Test
  void lintStrictPassesWithDefaultAndProductionValues() {
    RenderedChart.Result plain =
        RenderedChart.helm("lint", "--strict", RenderedChart.CHART.toString());
    assertThat(plain.exit()).as(plain.output()).isZero();
    RenderedChart.Result prod =
        RenderedChart.helm("lint", "--strict", RenderedChart.CHART.toString(), "-f", PROD);
    assertThat(prod.exit()).as(prod.output()).isZero();
  }

  @Test
  void defaultDeploymentRunsServeWithProbesResourcesAndJvmFlags() {
    Map<String, Object> c = container(RenderedChart.render());
    assertThat(strings(c, "command"))
        .containsExactly(
            "java",
            "-Xms256m",
            "-Xmx256m",
            "-XX:+UseParallelGC",
            "-XX:MaxDirectMemorySize=64m",
            "-XX:+ExitOnOutOfMemoryError",
            "-jar",
            "/app/score-gateway.jar");
    assertThat(strings(c, "args"))
        .containsExactly("serve", "--tokens-file", "/etc/score-gateway/tokens/tokens.yaml");

    assertThat(portNumber(c, "http")).isEqualTo(8080);
    assertThat(portNumber(c, "admin")).isEqualTo(9090);
    assertThat(at(c, "livenessProbe.httpGet.path")).isEqualTo("/health/live");
    assertThat(at(c, "livenessProbe.httpGet.port")).isEqualTo("admin");
    assertThat(at(c, "readinessProbe.httpGet.path")).isEqualTo("/health/ready");
    assertThat(at(c, "readinessProbe.httpGet.port")).isEqualTo("admin");
    assertThat(at(c, "startupProbe.httpGet.path")).isEqualTo("/health/live");
    assertThat(at(c, "startupProbe.httpGet.port")).isEqualTo("admin");
    // the startup probe must allow a cold JVM plus Redis connection at least 30 s
    assertThat(
            (int) at(c, "startupProbe.periodSeconds")
                * (int) at(c, "startupProbe.failureThreshold"))
        .isGreaterThanOrEqualTo(30);

    assertThat(String.valueOf(at(c, "resources.requests.cpu"))).isEqualTo("2");
    assertThat(String.valueOf(at(c, "resources.limits.cpu"))).isEqualTo("2");
    assertThat(at(c, "resources.requests.memory")).isEqualTo("768Mi");
    assertThat(at(c, "resources.limits.memory")).isEqualTo("768Mi");
  }

  @Test
  void defaultPodIsNonRootReadOnlyWithTmpAndTokensMountedFromTheSecret() {
    RenderedChart chart = RenderedChart.render();
    Map<String, Object> pod = podSpec(chart);
    Map<String, Object> c = container(chart);
    assertThat(at(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
    assertThat(at(pod, "securityContext.runAsUser")).isEqualTo(10001);
    assertThat(at(pod, "securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");
    assertThat(at(pod, "automountServiceAccountToken")).isEqualTo(false);
    assertThat(at(c, "securityContext.runAsNonRoot")).isEqualTo(true);
    assertThat(at(c, "securityContext.runAsUser")).isEqualTo(10001);
    assertThat(at(c, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
    assertThat(at(c, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
    assertThat(strings(c, "securityContext.capabilities.drop")).containsExactly("ALL");
    assertThat(at(pod, "terminationGracePeriodSeconds")).isEqualTo(30);

    assertThat(mountPath(c, "tmp")).isEqualTo("/tmp");
    assertThat(at(volume(pod, "tmp"), "emptyDir")).isNotNull();
    assertThat(mountPath(c, "tokens")).isEqualTo("/etc/score-gateway/tokens");
    assertThat(at(volume(pod, "tokens"), "secret.secretName")).isEqualTo("score-gateway-tokens");
    assertThat(at(volume(pod, "tokens"), "secret.items.0.path")).isEqualTo("tokens.yaml");
    // the chart references the Secret, it never carries one
    assertThat(chart.ofKind("Secret")).isEmpty();
  }

  @Test
  void defaultScalingObjects() {
    RenderedChart chart = RenderedChart.render();
    Map<String, Object> deployment = chart.get("Deployment", NAME);
    assertThat(at(deployment, "spec.replicas")).as("the HPA owns the replica count").isNull();
    Map<String, Object> hpa = chart.get("HorizontalPodAutoscaler", NAME);
    assertThat(at(hpa, "apiVersion")).isEqualTo("autoscaling/v2");
    assertThat(at(hpa, "spec.scaleTargetRef.name")).isEqualTo(NAME);
    assertThat(at(hpa, "spec.minReplicas")).isEqualTo(2);
    assertThat(at(hpa, "spec.maxReplicas")).isEqualTo(6);
    assertThat(at(hpa, "spec.metrics.0.resource.name")).isEqualTo("cpu");
    assertThat(at(hpa, "spec.metrics.0.resource.target.averageUtilization")).isEqualTo(60);

    Map<String, Object> pdb = chart.get("PodDisruptionBudget", NAME);
    assertThat(at(pdb, "spec.maxUnavailable")).isEqualTo(1);
    Object selector = at(deployment, "spec.selector.matchLabels");
    assertThat(at(pdb, "spec.selector.matchLabels")).isEqualTo(selector);

    Map<String, Object> term =
        map(
            at(
                podSpec(chart),
                "affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution.0"));
    assertThat(at(term, "podAffinityTerm.topologyKey")).isEqualTo("kubernetes.io/hostname");
    assertThat(at(term, "podAffinityTerm.labelSelector.matchLabels")).isEqualTo(selector);
    assertThat(
            at(
                podSpec(chart),
                "affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution"))
        .isNull();

    assertThat(chart.ofKind("ServiceMonitor")).isEmpty();
  }

  @Test
  void defaultNetworkPolicyAdmitsOnlyCallersAndTheNamespacesPrometheus() {
    RenderedChart chart = RenderedChart.render();
    Map<String, Object> np = chart.get("NetworkPolicy", NAME);
    assertThat(at(np, "spec.podSelector.matchLabels"))
        .isEqualTo(at(chart.get("Deployment", NAME), "spec.selector.matchLabels"));
    assertThat(at(np, "spec.ingress.0.ports.0.port")).isEqualTo("http");
    assertThat(at(np, "spec.ingress.0.from.0.podSelector.matchLabels"))
        .isEqualTo(Map.of("app.kubernetes.io/name", "recommender"));
    assertThat(at(np, "spec.ingress.0.from.0.namespaceSelector"))
        .as("the release namespace only")
        .isNull();
    assertThat(at(np, "spec.ingress.1.ports.0.port")).isEqualTo("admin");
    assertThat(at(np, "spec.ingress.1.from.0.podSelector.matchLabels"))
        .isEqualTo(Map.of("app.kubernetes.io/name", "prometheus"));
    assertThat(at(np, "spec.ingress.1.from.0.namespaceSelector"))
        .as("the release namespace only")
        .isNull();
    assertThat((List<?>) at(np, "spec.ingress")).hasSize(2);
    RenderedChart off = RenderedChart.render("--set", "networkPolicy.enabled=false");
    assertThat(off.ofKind("NetworkPolicy")).isEmpty();
  }

  @Test
  void serviceMonitorVerifiesTheGatewaysCertificate() {
    RenderedChart chart =
        RenderedChart.render(
            "--set", "tls.existingSecret=gw-tls", "--set", "metrics.serviceMonitor.enabled=true");
    Map<String, Object> tls =
        map(at(chart.get("ServiceMonitor", NAME), "spec.endpoints.0.tlsConfig"));
    assertThat(tls).doesNotContainKey("insecureSkipVerify");
    assertThat(tls.get("serverName")).isEqualTo(NAME + "-admin.ns.svc");
    assertThat(at(tls, "ca.secret.name")).isEqualTo("gw-tls");
    assertThat(at(tls, "ca.secret.key")).isEqualTo("ca.crt");
    assertThat(at(chart.get("ServiceMonitor", NAME), "spec.endpoints.0.scheme")).isEqualTo("https");
  }

  @Test
  void aRedisUrlWithCredentialsInPlainValuesIsRefused() {
    assertThatThrownBy(
            () -> RenderedChart.render("--set", "redis.url=rediss://gw:secret@redis:6379"))
        .hasMessageContaining("redis.url")
        .hasMessageContaining("redis.existingSecret");
    assertThatThrownBy(() -> RenderedChart.render("--set", "redis.url=redis://:secret@redis:6379"))
        .hasMessageContaining("redis.url");
    RenderedChart fromSecret =
        RenderedChart.render(
            "--set",
            "redis.url=redis://:secret@redis:6379",
            "--set",
            "redis.existingSecret=redis-url");
    assertThat(environment(fromSecret)).doesNotContainKey("GATEWAY_REDIS_URL");
  }

  @Test
  void redisTlsMaterialIsMountedFromASecretAndNamedToTheGateway() {
    assertThat(environment(RenderedChart.render())).doesNotContainKey("GATEWAY_REDIS_CA_FILE");
    RenderedChart chart =
        RenderedChart.render(
            "--set",
            "redis.url=rediss://redis:6380",
            "--set",
            "redis.tls.existingSecret=redis-tls",
            "--set",
            "redis.tls.certKey=tls.crt",
            "--set",
            "redis.tls.keyKey=tls.key");
    Map<String, String> env = environment(chart);
    assertThat(env)
        .containsEntry("GATEWAY_REDIS_CA_FILE", "/etc/score-gateway/redis-tls/ca.crt")
        .containsEntry("GATEWAY_REDIS_TLS_CERT", "/etc/score-gateway/redis-tls/tls.crt")
        .containsEntry("GATEWAY_REDIS_TLS_KEY", "/etc/score-gateway/redis-tls/tls.key");
    List<Map<String, Object>> volumes =
        maps(at(chart.get("Deployment", NAME), "spec.template.spec.volumes"));
    assertThat(volumes)
        .anyMatch(
            v ->
                "redis-tls".equals(v.get("name"))
                    && "redis-tls".equals(at(v, "secret.secretName")));
    // mounted as a directory (no subPath): kubelet's updates of a rotated Secret reach the files
    List<Map<String, Object>> mounts = maps(at(container(chart), "volumeMounts"));
    assertThat(mounts)
        .anyMatch(m -> "redis-tls".equals(m.get("name")) && !m.containsKey("subPath"));
  }

  @Test
  void servicesSeparateDataPlaneAndPrivateAdminPort() {
    RenderedChart chart = RenderedChart.render("--set", "service.type=LoadBalancer");
    Object podLabels = at(chart.get("Deployment", NAME), "spec.template.metadata.labels");
    Map<String, Object> data = chart.get("Service", NAME);
    assertThat(at(data, "spec.ports"))
        .isEqualTo(
            List.of(Map.of("name", "http", "port", 8080, "targetPort", "http", "protocol", "TCP")));
    Map<String, Object> admin = chart.get("Service", NAME + "-admin");
    assertThat(at(admin, "spec.type"))
        .as("admin stays private whatever the data Service is")
        .isEqualTo("ClusterIP");
    assertThat(at(admin, "spec.ports"))
        .isEqualTo(
            List.of(
                Map.of("name", "admin", "port", 9090, "targetPort", "admin", "protocol", "TCP")));
    for (Map<String, Object> svc : List.of(data, admin)) {
      Map<String, Object> selector = map(at(svc, "spec.selector"));
      Map<String, Object> labels = map(podLabels);
      assertThat(labels)
          .as("selector of " + at(svc, "metadata.name"))
          .containsAllEntriesOf(selector);
    }
  }

  @Test
  void grpcPortIsOffByDefaultAndOpenedOnPodServiceAndNetworkPolicyWhenSet() {
    RenderedChart plain = RenderedChart.render();
    assertThat(environment(plain)).doesNotContainKey("GATEWAY_GRPC_PORT");
    assertThat(gatewayConfig(plain, environment(plain)).engine().server().grpcPort()).isZero();
    List<Map<String, Object>> plainPorts = maps(at(container(plain), "ports"));
    assertThat(plainPorts).noneMatch(p -> "grpc".equals(p.get("name")));
    assertThat((List<?>) at(plain.get("Service", NAME), "spec.ports")).hasSize(1);
    assertThat((List<?>) at(plain.get("NetworkPolicy", NAME), "spec.ingress.0.ports")).hasSize(1);

    RenderedChart chart = RenderedChart.render("--set", "gateway.grpcPort=50051");
    Map<String, String> env = environment(chart);
    assertThat(env).containsEntry("GATEWAY_GRPC_PORT", "50051");
    assertThat(gatewayConfig(chart, env).engine().server().grpcPort()).isEqualTo(50051);
    assertThat(portNumber(container(chart), "grpc")).isEqualTo(50051);
    assertThat(at(chart.get("Service", NAME), "spec.ports"))
        .isEqualTo(
            List.of(
                Map.of("name", "http", "port", 8080, "targetPort", "http", "protocol", "TCP"),
                Map.of("name", "grpc", "port", 50051, "targetPort", "grpc", "protocol", "TCP")));
    assertThat(at(chart.get("Service", NAME + "-admin"), "spec.ports"))
        .as("the admin Service never carries the data plane")
        .isEqualTo(
            List.of(
                Map.of("name", "admin", "port", 9090, "targetPort", "admin", "protocol", "TCP")));
    Map<String, Object> np = chart.get("NetworkPolicy", NAME);
    assertThat(at(np, "spec.ingress.0.ports"))
        .as("callers reach both data-plane ports, from the same peers")
        .isEqualTo(
            List.of(
                Map.of("port", "http", "protocol", "TCP"),
                Map.of("port", "grpc", "protocol", "TCP")));
    assertThat(at(np, "spec.ingress.1.ports"))
        .isEqualTo(List.of(Map.of("port", "admin", "protocol", "TCP")));

    assertThatThrownBy(() -> RenderedChart.render("--set", "gateway.grpcPort=9090"))
        .hasMessageContaining("gateway.grpcPort");
  }

  @Test
  void defaultEnvironmentIsAcceptedByTheGatewayConfig() {
    RenderedChart chart = RenderedChart.render();
    Map<String, String> env = environment(chart);
    assertThat(env)
        .containsEntry("GATEWAY_REDIS_MODE", "standalone")
        .containsEntry("GATEWAY_REDIS_URL", "redis://redis:6379")
        .containsEntry("GATEWAY_HTTP_PORT", "8080")
        .containsEntry("GATEWAY_ADMIN_PORT", "9090")
        .containsEntry("GATEWAY_TIMEOUT_MS", "50")
        .containsEntry("GATEWAY_MAX_BATCH", "1000")
        .containsEntry("GATEWAY_PACING_SLOT_MS", "60000")
        .containsEntry("OTEL_TRACES_EXPORTER", "none")
        .doesNotContainKey("GATEWAY_NO_AUTH");
    assertThat(env.get("OTEL_RESOURCE_ATTRIBUTES")).contains("k8s.pod.name=$(POD_NAME)");

    Set<String> known =
        Arrays.stream(ConfigKey.values()).map(ConfigKey::env).collect(Collectors.toSet());
    assertThat(env.keySet().stream().filter(k -> k.startsWith("GATEWAY_")))
        .as("every GATEWAY_* variable the chart sets is a gateway setting")
        .allMatch(known::contains);

    GatewayConfig config = gatewayConfig(chart, env);
    assertThat(config.engine().redis().mode()).isEqualTo(RedisMode.STANDALONE);
    assertThat(config.engine().server().httpPort()).isEqualTo(8080);
    assertThat(config.engine().server().adminPort()).isEqualTo(9090);
    assertThat(config.engine().scoring().timeoutMs()).isEqualTo(50);
    assertThat(config.engine().scoring().maxBatch()).isEqualTo(1000);
    assertThat(config.tokensFile()).hasToString("/etc/score-gateway/tokens/tokens.yaml");
    assertThat(config.noAuth()).isFalse();

    Object checksum =
        at(chart.get("Deployment", NAME), "spec.template.metadata.annotations.checksum/config");
    assertThat(String.valueOf(checksum)).matches("[0-9a-f]{64}");
  }

  @Test
  void allocationRulesReachTheGatewayOnlyWhenSet() {
    assertThat(environment(RenderedChart.render())).doesNotContainKey("GATEWAY_ALLOCATION");
    RenderedChart chart =
        RenderedChart.render("--set-string", "gateway.allocation=radio: policy=relevance");
    Map<String, String> env = environment(chart);
    assertThat(env).containsEntry("GATEWAY_ALLOCATION", "radio: policy=relevance");
    assertThat(gatewayConfig(chart, env).engine().allocation().forSurface("radio").policy())
        .isEqualTo(io.scoregateway.allocate.AllocationPolicy.RELEVANCE);
  }

  @Test
  void configChangesRollThePods() {
    Object before =
        at(RenderedChart.render().get("Deployment", NAME), "spec.template.metadata.annotations");
    Object after =
        at(
            RenderedChart.render("--set", "gateway.timeoutMs=80").get("Deployment", NAME),
            "spec.template.metadata.annotations");
    assertThat(at(after, "checksum/config")).isNotEqualTo(at(before, "checksum/config"));
  }

  @Test
  void productionValuesUseClusterRedisRequiredAntiAffinityMonitoringAndNetworkPolicy() {
    RenderedChart chart = RenderedChart.render("-f", PROD);
    Map<String, String> env = environment(chart);
    assertThat(env)
        .containsEntry("GATEWAY_REDIS_MODE", "cluster")
        .doesNotContainKey("GATEWAY_REDIS_URL");
    Map<String, Object> urlVar = envVar(container(chart), "GATEWAY_REDIS_URL");
    assertThat(at(urlVar, "valueFrom.secretKeyRef.name")).isEqualTo("score-gateway-redis");
    assertThat(at(urlVar, "valueFrom.secretKeyRef.key")).isEqualTo("url");
    env.put("GATEWAY_REDIS_URL", "redis://10.0.0.1:6379,redis://10.0.0.2:6379");
    GatewayConfig config = gatewayConfig(chart, env);
    assertThat(config.engine().redis().mode()).isEqualTo(RedisMode.CLUSTER);
    assertThat(config.engine().redis().endpoints()).hasSize(2);

    Map<String, Object> hpa = chart.get("HorizontalPodAutoscaler", NAME);
    assertThat(at(hpa, "spec.minReplicas")).isEqualTo(4);
    assertThat(at(hpa, "spec.maxReplicas")).isEqualTo(16);
    Map<String, Object> pod = podSpec(chart);
    assertThat(
            at(
                pod,
                "affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution.0.topologyKey"))
        .isEqualTo("kubernetes.io/hostname");
    Map<String, Object> spread =
        map(at(pod, "topologySpreadConstraints.0.labelSelector.matchLabels"));
    assertThat(spread).containsEntry("app.kubernetes.io/instance", RenderedChart.RELEASE);

    Map<String, Object> sm = chart.get("ServiceMonitor", NAME);
    assertThat(at(sm, "apiVersion")).isEqualTo("monitoring.coreos.com/v1");
    assertThat(at(sm, "spec.endpoints.0.port")).isEqualTo("admin");
    assertThat(at(sm, "spec.endpoints.0.path")).isEqualTo("/metrics");
    Map<String, Object> adminLabels =
        map(at(chart.get("Service", NAME + "-admin"), "metadata.labels"));
    Map<String, Object> smSelector = map(at(sm, "spec.selector.matchLabels"));
    assertThat(adminLabels).containsAllEntriesOf(smSelector);
    Map<String, Object> dataLabels = map(at(chart.get("Service", NAME), "metadata.labels"));
    assertThat(dataLabels)
        .as("the ServiceMonitor selects only the admin Service")
        .doesNotContainEntry("app.kubernetes.io/component", "admin");

    Map<String, Object> np = chart.get("NetworkPolicy", NAME);
    assertThat(at(np, "spec.ingress.0.ports.0.port")).isEqualTo("http");
    assertThat(at(np, "spec.ingress.0.from.0.podSelector.matchLabels"))
        .isEqualTo(Map.of("app.kubernetes.io/name", "recommender"));
    assertThat(at(np, "spec.ingress.1.ports.0.port")).isEqualTo("admin");
    assertThat(at(np, "spec.ingress.1.from.0.namespaceSelector.matchLabels"))
        .isEqualTo(Map.of("kubernetes.io/metadata.name", "monitoring"));
    assertThat(at(np, "spec.podSelector.matchLabels"))
        .isEqualTo(at(chart.get("Deployment", NAME), "spec.selector.matchLabels"));
  }

  @Test
  void fixedReplicasWithoutAutoscalingAndAuthOff() {
    RenderedChart chart =
        RenderedChart.render(
            "--set",
            "autoscaling.enabled=false",
            "--set",
            "replicaCount=3",
            "--set",
            "auth.enabled=false",
            "--set",
            "gateway.scoreCacheEntries=1000000");
    assertThat(at(chart.get("Deployment", NAME), "spec.replicas")).isEqualTo(3);
    assertThat(chart.ofKind("HorizontalPodAutoscaler")).isEmpty();
    Map<String, String> env = environment(chart);
    assertThat(env)
        .containsEntry("GATEWAY_NO_AUTH", "true")
        .containsEntry(
            "GATEWAY_SCORE_CACHE_ENTRIES", "1000000"); // no 1e+06 from Helm's float values
    assertThat(strings(container(chart), "args")).containsExactly("serve");
    assertThat(volume(podSpec(chart), "tokens")).isNull();
    assertThat(gatewayConfig(chart, env).noAuth()).isTrue();
  }

  @Test
  void tlsSwitchesProbesToHttpsAndPointsTheGatewayAtTheMountedPair() {
    RenderedChart chart = RenderedChart.render("--set", "tls.existingSecret=gw-tls");
    Map<String, Object> c = container(chart);
    assertThat(at(c, "readinessProbe.httpGet.scheme")).isEqualTo("HTTPS");
    assertThat(environment(chart))
        .containsEntry("GATEWAY_TLS_CERT", "/etc/score-gateway/tls/tls.crt")
        .containsEntry("GATEWAY_TLS_KEY", "/etc/score-gateway/tls/tls.key");
    assertThat(at(volume(podSpec(chart), "tls"), "secret.secretName")).isEqualTo("gw-tls");
    assertThat(mountPath(c, "tls")).isEqualTo("/etc/score-gateway/tls");
  }

  @Test
  void invalidValuesFailTheRenderNamingTheKey() {
    assertThatThrownBy(() -> RenderedChart.render("--set", "redis.mode=replicated"))
        .hasMessageContaining("redis.mode");
    assertThatThrownBy(() -> RenderedChart.render("--set", "auth.existingSecret="))
        .hasMessageContaining("auth.existingSecret");
    assertThatThrownBy(() -> RenderedChart.render("--set", "autoscaling.minReplicas=9"))
        .hasMessageContaining("autoscaling.minReplicas");
  }

  // --- rendered-object accessors

  private static Map<String, Object> podSpec(RenderedChart chart) {
    return map(at(chart.get("Deployment", NAME), "spec.template.spec"));
  }

  private static Map<String, Object> container(RenderedChart chart) {
    List<Map<String, Object>> containers = maps(at(podSpec(chart), "containers"));
    assertThat(containers).hasSize(1);
    return containers.get(0);
  }

  /**
   * The container's environment as the kubelet builds it: envFrom the ConfigMap, then env values.
   */
  private static Map<String, String> environment(RenderedChart chart) {
    Map<String, Object> c = container(chart);
    Map<String, String> env = new HashMap<>();
    List<Map<String, Object>> from = maps(at(c, "envFrom"));
    for (Map<String, Object> source : from) {
      Map<String, Object> cm =
          chart.get("ConfigMap", String.valueOf(at(source, "configMapRef.name")));
      Map<String, Object> data = map(cm.get("data"));
      data.forEach((k, v) -> env.put(k, String.valueOf(v)));
    }
    List<Map<String, Object>> vars = maps(at(c, "env"));
    for (Map<String, Object> v : vars) {
      if (v.containsKey("value")) {
        env.put(String.valueOf(v.get("name")), String.valueOf(v.get("value")));
      }
    }
    return env;
  }

  /** The settings the gateway would run with: the rendered command line and environment. */
  private static GatewayConfig gatewayConfig(RenderedChart chart, Map<String, String> env) {
    String[] args = strings(container(chart), "args").toArray(String[]::new);
    CommandLine.ParseResult parsed = new CommandLine(new Main()).parseArgs(args);
    assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("serve");
    Map<ConfigKey, String> flags = new HashMap<>();
    if (parsed.subcommand().hasMatchedOption("--tokens-file")) {
      flags.put(ConfigKey.TOKENS_FILE, parsed.subcommand().matchedOptionValue("--tokens-file", ""));
    }
    return GatewayConfig.from(ConfigSources.resolve(flags, env, null));
  }

  private static Map<String, Object> envVar(Map<String, Object> c, String name) {
    List<Map<String, Object>> vars = maps(at(c, "env"));
    return vars.stream()
        .filter(v -> name.equals(v.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no env " + name));
  }

  private static List<String> strings(Object node, String path) {
    List<Object> list = list(at(node, path));
    assertThat(list).as(path).isNotNull();
    return list.stream().map(String::valueOf).toList();
  }

  private static int portNumber(Map<String, Object> c, String name) {
    List<Map<String, Object>> ports = maps(at(c, "ports"));
    return ports.stream()
        .filter(p -> name.equals(p.get("name")))
        .map(p -> (Integer) p.get("containerPort"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container port " + name));
  }

  private static Object mountPath(Map<String, Object> c, String volume) {
    List<Map<String, Object>> mounts = maps(at(c, "volumeMounts"));
    return mounts.stream()
        .filter(m -> volume.equals(m.get("name")))
        .map(m -> m.get("mountPath"))
        .findFirst()
        .orElse(null);
  }

  private static Map<String, Object> volume(Map<String, Object> pod, String name) {
    List<Map<String, Object>> volumes = maps(at(pod, "volumes"));
    return volumes.stream().filter(v -> name.equals(v.get("name"))).findFirst().orElse(null);
  }
}
