#!/usr/bin/env python3
"""Where a JFR recording's CPU samples go, by component (bench/run; a report, not a test).

  jfr-breakdown.py RECORDING.jfr     # markdown table: share of execution samples per component

Each execution sample (jdk.ExecutionSample, Java code running on a CPU) is charged to the component of the topmost
frame that belongs to a named library (so RSA arithmetic under jose4j counts as JWT verification); Vert.x/Netty and
the JDK get only the samples with no such library on the stack. The
components are the libraries a request goes through; a sample matching none counts as "other".
"""
import json
import os
import subprocess
import sys

COMPONENTS = [  # (component, frame prefixes), checked in this order at each frame
    ("JWT verification (jose4j, SmallRye JWT)", ("org.jose4j.", "io.smallrye.jwt.", "io.quarkus.smallrye.jwt.", "java.math.BigInteger", "sun.security.")),
    ("logging (JBoss LogManager, access log)", ("org.jboss.logmanager.", "org.jboss.logging.", "io.quarkus.vertx.http.runtime.filters.accesslog.", "io.quarkus.bootstrap.logging.")),
    ("tracing (OpenTelemetry)", ("io.opentelemetry.", "io.quarkus.opentelemetry.")),
    ("metrics (Micrometer)", ("io.micrometer.", "io.quarkus.micrometer.")),
    ("Redis client", ("io.vertx.redis.", "io.quarkus.redis.")),
    ("JDBC (PostgreSQL driver, Agroal)", ("org.postgresql.", "io.agroal.")),
    ("JSON (Jackson, Parsson)", ("com.fasterxml.jackson.", "org.eclipse.parsson.")),
    ("security (Quarkus identity, CDI)", ("io.quarkus.security.", "io.quarkus.vertx.http.runtime.security.")),
    ("REST (Quarkus REST)", ("org.jboss.resteasy.reactive.", "io.quarkus.resteasy.reactive.")),
    ("LectaVera code", ("dev.lectavera.",)),
    ("HTTP proxy (vertx-http-proxy)", ("io.vertx.httpproxy.",)),
    ("CDI (ArC)", ("io.quarkus.arc.",)),
    ("Kafka client", ("org.apache.kafka.", "io.smallrye.reactive.messaging.")),
    ("Vert.x / Netty (HTTP, event loop)", ("io.vertx.", "io.netty.")),
    ("JDK", ("java.", "jdk.", "sun.")),
]


GENERIC = 2  # the last entries (Vert.x/Netty, the JDK) only count when no library above them is on the stack


def component(frames):
    names = [frame.get("method", {}).get("type", {}).get("name", "").replace("/", ".") for frame in frames]
    for tier in (COMPONENTS[:-GENERIC], COMPONENTS[-GENERIC:]):
        for name in names:
            for label, prefixes in tier:
                if name.startswith(prefixes):
                    return label
    return "other"


def main(argv):
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    jfr = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "jfr")
    out = subprocess.run([jfr, "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", argv[0]],
                         capture_output=True, text=True, check=True).stdout
    events = json.loads(out)["recording"]["events"]
    counts = {}
    for event in events:
        frames = event["values"].get("stackTrace", {}).get("frames", []) if event["values"].get("stackTrace") else []
        label = component(frames)
        counts[label] = counts.get(label, 0) + 1
    total = sum(counts.values()) or 1
    print("| component (first on the stack from the top) | samples | share |")
    print("|---|---|---|")
    for label, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"| {label} | {n} | {100 * n / total:.0f} % |")
    print(f"\n{total} execution samples.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
