package org.wsca.settings;

import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigParseable;

/**
 * HOCON ignores an {@code include} whose file is missing unless it is written {@code include
 * required(...)}: a mistyped include would silently drop settings. This includer makes every
 * include of a settings file required.
 */
final class RequiredIncludes implements ConfigIncluder {
  private final ConfigIncluder fallback;

  RequiredIncludes() {
    this(null);
  }

  private RequiredIncludes(ConfigIncluder fallback) {
    this.fallback = fallback;
  }

  @Override
  public ConfigIncluder withFallback(ConfigIncluder fallback) {
    return new RequiredIncludes(fallback);
  }

  @Override
  public ConfigObject include(ConfigIncludeContext context, String what) {
    return fallback.include(new Required(context), what);
  }

  /** The include context with missing files not allowed. */
  private record Required(ConfigIncludeContext inner) implements ConfigIncludeContext {
    @Override
    public ConfigParseable relativeTo(String filename) {
      return inner.relativeTo(filename);
    }

    @Override
    public ConfigParseOptions parseOptions() {
      return inner.parseOptions().setAllowMissing(false);
    }

    @Override
    public ConfigIncludeContext setParseOptions(ConfigParseOptions options) {
      return new Required(inner.setParseOptions(options));
    }
  }
}
