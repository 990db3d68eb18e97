package io.scoregateway.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The routes of one port, remembered by method and path so a 405 can list in {@code Allow} the
 * methods the path does serve (the router itself does not expose them).
 */
public final class RouteTable {
  private record Entry(HttpMethod method, Pattern path) {}

  private final Router router;
  private final List<Entry> entries = new ArrayList<>();

  RouteTable(Router router) {
    this.router = router;
  }

  public Router router() {
    return router;
  }

  public Route get(String path) {
    return add(HttpMethod.GET, path);
  }

  public Route post(String path) {
    return add(HttpMethod.POST, path);
  }

  public Route put(String path) {
    return add(HttpMethod.PUT, path);
  }

  public Route delete(String path) {
    return add(HttpMethod.DELETE, path);
  }

  private Route add(HttpMethod method, String path) {
    entries.add(new Entry(method, Pattern.compile(path.replaceAll(":[A-Za-z]+", "[^/]+"))));
    return router.route(method, path);
  }

  /** The {@code Allow} value for a path, e.g. {@code "DELETE, GET, PUT"}; empty when none. */
  String allow(String path) {
    Set<String> methods = new TreeSet<>();
    for (Entry e : entries) {
      if (path != null && e.path().matcher(path).matches()) {
        methods.add(e.method().name());
      }
    }
    return String.join(", ", methods);
  }
}
