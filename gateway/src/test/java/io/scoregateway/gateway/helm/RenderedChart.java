package io.scoregateway.gateway.helm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The manifests {@code helm template} renders from helm/score-gateway, parsed, with the helm binary
 * found the way CI finds it: {@code $HELM}, else {@code ../shared/tools/get-helm} from the
 * repository root. No helm is a failure, never a skip.
 */
final class RenderedChart {
  static final Path ROOT = repositoryRoot();
  static final Path CHART = ROOT.resolve("helm/score-gateway");
  static final String RELEASE = "sg";
  private static String helm;

  private final List<Map<String, Object>> docs;

  private RenderedChart(List<Map<String, Object>> docs) {
    this.docs = docs;
  }

  /** Renders with the given helm arguments after the chart (-f file, --set k=v). */
  static RenderedChart render(String... args) {
    List<String> cmd =
        new ArrayList<>(
            List.of(helm(), "template", RELEASE, CHART.toString(), "--namespace", "ns"));
    cmd.addAll(List.of(args));
    Result r = run(cmd);
    if (r.exit != 0) {
      throw new AssertionError(
          "helm template " + String.join(" ", args) + " failed (" + r.exit + "):\n" + r.output);
    }
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(r.stdout)) {
      if (doc != null) {
        docs.add(map(doc));
      }
    }
    return new RenderedChart(docs);
  }

  /** Runs helm with the arguments; exit code and combined output. */
  static Result helm(String... args) {
    List<String> cmd = new ArrayList<>(List.of(helm()));
    cmd.addAll(List.of(args));
    return run(cmd);
  }

  List<Map<String, Object>> all() {
    return docs;
  }

  List<Map<String, Object>> ofKind(String kind) {
    return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
  }

  /** The one object of that kind and name; fails when absent. */
  Map<String, Object> get(String kind, String name) {
    return docs.stream()
        .filter(d -> kind.equals(d.get("kind")) && name.equals(at(d, "metadata.name")))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + kind + " " + name + " in the rendered chart"));
  }

  /** Follows a dotted path of map keys; a numeric segment indexes a list. Null when absent. */
  static Object at(Object node, String path) {
    Object cur = node;
    for (String key : path.split("\\.", -1)) {
      if (cur instanceof Map<?, ?> m) {
        cur = m.get(key);
      } else if (cur instanceof List<?> l && key.matches("\\d+")) {
        cur = Integer.parseInt(key) < l.size() ? l.get(Integer.parseInt(key)) : null;
      } else {
        return null;
      }
    }
    return cur;
  }

  /** A YAML mapping node as parsed (string keys). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  /** A YAML sequence node whose items are mappings. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> maps(Object o) {
    return (List<Map<String, Object>>) o;
  }

  /** A YAML sequence node. */
  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  record Result(int exit, String stdout, String output) {}

  private static synchronized String helm() {
    if (helm == null) {
      helm = locateHelm();
    }
    return helm;
  }

  private static String locateHelm() {
    String env = System.getenv("HELM");
    if (env != null && !env.isBlank()) {
      if (!Files.isExecutable(Path.of(env))) {
        throw new AssertionError("HELM=" + env + " is not an executable file");
      }
      return env;
    }
    Path getHelm = ROOT.resolve("../shared/tools/get-helm").normalize();
    if (!Files.isExecutable(getHelm)) {
      throw new AssertionError(
          "no helm: set HELM to a helm binary, or provide "
              + getHelm
              + " (prints the path of one); the chart tests cannot run without helm");
    }
    Result r = run(List.of(getHelm.toString()));
    String[] lines = r.stdout.strip().split("\n", -1);
    String path = lines[lines.length - 1].strip();
    if (r.exit != 0 || path.isEmpty() || !Files.isExecutable(Path.of(path))) {
      throw new AssertionError(
          getHelm + " did not print a helm binary (exit " + r.exit + "):\n" + r.output);
    }
    return path;
  }

  private static Result run(List<String> cmd) {
    try {
      Path out = Files.createTempFile("helm-out", ".txt");
      Path err = Files.createTempFile("helm-err", ".txt");
      try {
        Process p =
            new ProcessBuilder(cmd)
                .directory(ROOT.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError(String.join(" ", cmd) + " did not finish within 120 s");
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        return new Result(
            p.exitValue(), stdout, stdout + Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + String.join(" ", cmd) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + cmd.get(0), e);
    }
  }

  private static Path repositoryRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("helm/score-gateway/Chart.yaml"))) {
        return p;
      }
    }
    throw new AssertionError(
        "helm/score-gateway/Chart.yaml not found above " + Path.of("").toAbsolutePath());
  }
}
