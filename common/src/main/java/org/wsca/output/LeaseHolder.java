package org.wsca.output;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who holds a run id's lease: a random token (what release and commit compare), the Spark
 * application id, the host, the process id with that process's start time (so a reused pid is not
 * taken for the holder) and when the lease was taken. Stored as {@code key=value} lines.
 */
record LeaseHolder(
    String token, String appId, String host, long pid, String processStart, String taken) {

  static LeaseHolder current(String appId, String host) {
    ProcessHandle me = ProcessHandle.current();
    return new LeaseHolder(
        UUID.randomUUID().toString(),
        appId,
        host,
        me.pid(),
        startOf(me).orElse(""),
        Instant.now().toString());
  }

  String encode() {
    return "token="
        + token
        + "\napp="
        + appId
        + "\nhost="
        + host
        + "\npid="
        + pid
        + "\nprocess-start="
        + processStart
        + "\ntaken="
        + taken
        + "\n";
  }

  /** A lease file's content; one being written (or damaged) decodes with empty fields. */
  static LeaseHolder decode(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        values.put(line.substring(0, eq), line.substring(eq + 1).trim());
      }
    }
    long pid;
    try {
      pid = Long.parseLong(values.getOrDefault("pid", "-1"));
    } catch (NumberFormatException e) {
      pid = -1;
    }
    return new LeaseHolder(
        values.getOrDefault("token", ""),
        values.getOrDefault("app", "?"),
        values.getOrDefault("host", "?"),
        pid,
        values.getOrDefault("process-start", ""),
        values.getOrDefault("taken", "?"));
  }

  String describe() {
    return "application " + appId + " on host " + host + ", pid " + pid + ", since " + taken;
  }

  /**
   * Why this lease is stale, or null when its holder may still be alive: its process is gone from
   * this host, or its heartbeat ({@code lastBeat}) is older than {@code staleAfter}.
   */
  String staleReason(String thisHost, Instant lastBeat, Instant now, Duration staleAfter) {
    if (host.equals(thisHost) && pid > 0 && !alive(pid, processStart)) {
      return "its process " + pid + " on this host has ended";
    }
    Duration age = Duration.between(lastBeat, now);
    if (age.compareTo(staleAfter) > 0) {
      return "no heartbeat for " + age.toSeconds() + " s, more than " + staleAfter.toSeconds();
    }
    return null;
  }

  private static boolean alive(long pid, String processStart) {
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return false;
    }
    Optional<String> start = startOf(process.get());
    return processStart.isEmpty() || start.isEmpty() || start.get().equals(processStart);
  }

  private static Optional<String> startOf(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toString);
  }
}
