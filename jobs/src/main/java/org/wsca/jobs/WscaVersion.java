package org.wsca.jobs;

import org.wsca.audit.Versions;
import picocli.CommandLine.IVersionProvider;

/** What {@code --version} prints for every job: the release, the same one the manifest records. */
final class WscaVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"WSCA " + Versions.wsca()};
  }
}
