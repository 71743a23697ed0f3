package dev.ctpat.rego.loader;

import dev.ctpat.rego.api.Rego;
import dev.ctpat.rego.value.ObjectValue;
import java.util.List;

/**
 * What {@link PolicyLoader} found: the Rego modules, in load order, and the merged base
 * document that goes under {@code data}.
 */
public record LoadedPolicy(List<RegoFile> modules, ObjectValue data) {
  public LoadedPolicy {
    modules = List.copyOf(modules);
  }

  /** Adds every module and the data to a policy builder. */
  public Rego.Builder addTo(Rego.Builder builder) {
    modules.forEach(file -> builder.module(file.module()));
    return builder.data(data);
  }
}
