#!/usr/bin/env python3
"""The garbage collections of a JFR recording, as one markdown paragraph (bench/run; a report, not a test).

  jfr-gc.py RECORDING.jfr [MIN_PAUSE_MS]   # count, pause total and longest; each pause >= MIN_PAUSE_MS (default 1)

A stop-the-world pause holds every request the process is serving at that moment, so a pause of a few ms in the
gateway or a service lands in the students' tail as it is. The pauses are listed with their UTC time of day, to be
lined up with the slowest requests the load generator lists.
"""
import datetime
import json
import os
import re
import subprocess
import sys


def seconds(value):
    """A JFR duration as printed by `jfr print --json` (ISO-8601 like PT0.0012S, or a number of nanoseconds)."""
    if isinstance(value, (int, float)):
        return value / 1e9
    m = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?", value)
    if not m:
        return 0.0
    h, mi, s = m.groups()
    return int(h or 0) * 3600 + int(mi or 0) * 60 + float(s or 0)


def utc_time_of_day(value):
    """HH:MM:SS.mmm in UTC of a JFR timestamp (ISO-8601 with nanoseconds and an offset or Z)."""
    m = re.fullmatch(r"(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)?", value)
    if not m:
        return value
    base, fraction, zone = m.groups()
    stamp = datetime.datetime.fromisoformat(base + "." + (fraction or "0").ljust(6, "0")[:6]
                                            + ("+00:00" if zone in (None, "Z") else zone))
    return stamp.astimezone(datetime.timezone.utc).strftime("%H:%M:%S.%f")[:-3]


def main(argv):
    if len(argv) not in (1, 2):
        print(__doc__, file=sys.stderr)
        return 2
    min_pause_ms = float(argv[1]) if len(argv) == 2 else 1.0
    jfr = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "jfr")
    out = subprocess.run([jfr, "print", "--json", "--events", "jdk.GarbageCollection", argv[0]],
                         capture_output=True, text=True, check=True).stdout
    events = [e["values"] for e in json.loads(out)["recording"]["events"]]
    if not events:
        print("No garbage collection in the recording.")
        return 0
    pauses = [seconds(e.get("sumOfPauses", 0)) * 1000 for e in events]
    names = sorted({e.get("name", "?") for e in events})
    long_ones = [f"{utc_time_of_day(e.get('startTime', ''))} {p:.1f} ms ({e.get('name', '?')}, {e.get('cause', '?')})"
                 for e, p in zip(events, pauses) if p >= min_pause_ms]
    print(f"{len(events)} collections ({', '.join(names)}), pauses {sum(pauses):.1f} ms in all, longest "
          f"{max(pauses):.1f} ms, mean {sum(pauses) / len(pauses):.2f} ms. Pauses of {min_pause_ms:g} ms or more "
          f"({len(long_ones)}): {'; '.join(long_ones) if long_ones else 'none'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
