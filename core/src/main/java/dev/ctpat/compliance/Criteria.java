package dev.ctpat.compliance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The criteria of a policy pack, in criterion order (4.1, 4.2, ..., 4.10, ..., 12.8). Built from
 * the policies' METADATA, so the list can never drift from the policies. Immutable.
 */
public final class Criteria implements Iterable<Criterion> {
  /** Orders ids segment by segment, numerically where both segments are numbers. */
  static final Comparator<String> ID_ORDER = Criteria::compareIds;

  private final Map<String, Criterion> byId;

  private Criteria(List<Criterion> sorted) {
    Map<String, Criterion> map = new LinkedHashMap<>();
    sorted.forEach(c -> map.put(c.id(), c));
    this.byId = Collections.unmodifiableMap(map);
  }

  /**
   * The given criteria in criterion order.
   *
   * @throws IllegalArgumentException when two criteria share an id
   */
  public static Criteria of(List<Criterion> criteria) {
    List<Criterion> sorted = new ArrayList<>(criteria);
    sorted.sort(Comparator.comparing(Criterion::id, ID_ORDER));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
        throw new IllegalArgumentException("criterion " + sorted.get(i).id()
            + " is declared twice: in " + sorted.get(i - 1).packagePath() + " and "
            + sorted.get(i).packagePath());
      }
    }
    return new Criteria(sorted);
  }

  /** Every criterion, in criterion order. */
  public List<Criterion> all() {
    return List.copyOf(byId.values());
  }

  /** The criterion with this id, if there is one. */
  public Optional<Criterion> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The criterion with this id.
   *
   * @throws NoSuchElementException naming the known ids when there is none
   */
  public Criterion get(String id) {
    Criterion c = byId.get(id);
    if (c == null) {
      throw new NoSuchElementException("no criterion " + id + "; known: " + byId.keySet());
    }
    return c;
  }

  public int size() {
    return byId.size();
  }

  @Override
  public Iterator<Criterion> iterator() {
    return byId.values().iterator();
  }

  @Override
  public String toString() {
    return "Criteria" + byId.keySet();
  }

  private static int compareIds(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = compareSegments(x[i], y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  private static int compareSegments(String a, String b) {
    boolean numbers = a.matches("[0-9]{1,9}") && b.matches("[0-9]{1,9}");
    return numbers ? Integer.compare(Integer.parseInt(a), Integer.parseInt(b)) : a.compareTo(b);
  }
}
