package io.scoregateway.redis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which master serves each hash slot, and the masters' links by {@code host:port}: one immutable
 * value, replaced whole (a refresh, a MOVED redirect) and never changed in place, so a reader on
 * any thread sees one consistent map.
 */
final class SlotMap {
  static final SlotMap EMPTY = new SlotMap(new NodeLink[HashSlot.SLOTS], Map.of(), List.of());

  private final NodeLink[] slots;
  private final Map<String, NodeLink> masters;
  private final List<String> nodes;
  private final boolean covered;

  /**
   * @param slots slot to the link of its master; owned by the new map from here on
   * @param nodes every node the map names (masters and replicas), as {@code host:port}
   */
  SlotMap(NodeLink[] slots, Map<String, NodeLink> masters, List<String> nodes) {
    this.slots = slots;
    this.masters = Map.copyOf(masters);
    this.nodes = List.copyOf(nodes);
    boolean all = true;
    for (NodeLink n : slots) {
      if (n == null) {
        all = false;
        break;
      }
    }
    this.covered = all;
  }

  /** The link of the master serving {@code slot}, null while none does. */
  NodeLink at(int slot) {
    return slots[slot];
  }

  Map<String, NodeLink> masters() {
    return masters;
  }

  /** Every node the last refresh named, replicas included: where to ask next time. */
  List<String> nodes() {
    return nodes;
  }

  /** Whether every slot has a master. */
  boolean covered() {
    return covered;
  }

  /** This map with {@code endpoint} a master (a redirect named a node the map did not know). */
  SlotMap withMaster(String endpoint, NodeLink node) {
    Map<String, NodeLink> more = new HashMap<>(masters);
    more.put(endpoint, node);
    return new SlotMap(slots, more, nodes);
  }

  /** This map with {@code slot} served by {@code node} (a MOVED redirect). */
  SlotMap moved(int slot, NodeLink node) {
    NodeLink[] copy = slots.clone();
    copy[slot] = node;
    return new SlotMap(copy, masters, nodes);
  }
}
