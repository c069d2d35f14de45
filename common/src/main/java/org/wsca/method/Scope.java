package org.wsca.method;

import java.io.Serializable;
import java.util.Optional;

/** Where an analysis runs: all sites pooled, or one site (docs/method.md section 4). */
public record Scope(String name, Optional<String> site) implements Serializable {
  public static final String POOLED = "pooled";

  public static Scope pooled() {
    return new Scope(POOLED, Optional.empty());
  }

  public static Scope ofSite(String site) {
    return new Scope("site=" + site, Optional.of(site));
  }

  public boolean isPooled() {
    return site.isEmpty();
  }
}
