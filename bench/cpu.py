#!/usr/bin/env python3
"""CPU time per request, summed over the system's processes (bench/run; a report, not a test).

  cpu.py snapshot FILE               # every process's CPU ticks (user + system) and the part it belongs to
  cpu.py report BEFORE AFTER N [--only part,part]
  cpu.py pids                        # the pids of the system's processes (not the load generator), one a line
                                     # markdown table: CPU seconds and microseconds per request, per part

A part is what a process is: a service or the gateway (by the module of its quarkus-run.jar; a second instance
adds to the same part), postgres, redis, kafka, nginx, the bench upstream, the bare Vert.x proxy, or the load
generator (wrk, LoadUsers), which is reported apart and never counted in the system's total. Ticks are read from
/proc/<pid>/stat (fields 14-15, the process's own time, its finished threads included); a process that started
during the window counts whole, one that ended during it is lost (PostgreSQL's pooled backends live on).
"""
import json
import os
import re
import sys

TICKS = os.sysconf("SC_CLK_TCK")
MODULE = re.compile(r"/(auth-service|document-service|study-service|quiz-service|analytics-service|gateway)/target/")
LOAD_GENERATOR = "load generator"


def part_of(comm, cmdline):
    if comm == "wrk" or "LoadUsers" in cmdline:
        return LOAD_GENERATOR
    if comm in ("postgres", "postmaster"):
        return "postgres"
    if comm == "redis-server":
        return "redis"
    if comm == "nginx":
        return "nginx"
    if "GatewayBenchUpstream" in cmdline:
        return "bench upstream"
    if "BareVertxProxy" in cmdline:
        return "bare Vert.x proxy"
    if "kafka.Kafka" in cmdline:
        return "kafka"
    found = MODULE.search(cmdline)
    if found:
        return found.group(1).replace("-service", "")
    return None


def snapshot():
    processes = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        # comm is in parentheses and may hold spaces: split after the last ')'
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        part = part_of(comm, cmdline)
        if part is None:
            continue
        processes[pid] = {"part": part, "user": int(fields[11]), "system": int(fields[12]), "start": fields[19]}
    return processes


def report(before, after, requests, only):
    used = {}  # part -> [user ticks, system ticks]
    for pid, proc in after.items():
        earlier = before.get(pid)
        if earlier is not None and earlier["start"] != proc["start"]:
            earlier = None  # the pid was reused by a new process
        ticks = used.setdefault(proc["part"], [0, 0])
        ticks[0] += proc["user"] - (earlier["user"] if earlier else 0)
        ticks[1] += proc["system"] - (earlier["system"] if earlier else 0)
    if only:
        used = {k: v for k, v in used.items() if k in only or k == LOAD_GENERATOR}
    system = {k: v for k, v in used.items() if k != LOAD_GENERATOR}
    total = sum(sum(v) for v in system.values())
    per = lambda ticks: ticks / TICKS * 1e6 / max(requests, 1)
    lines = ["| part | CPU s | µs per request | of which kernel | share |", "|---|---|---|---|---|"]
    for part, (user, kernel) in sorted(system.items(), key=lambda kv: -sum(kv[1])):
        lines.append(f"| {part} | {(user + kernel) / TICKS:.2f} | {per(user + kernel):.0f} | {per(kernel):.0f} | "
                     f"{100 * (user + kernel) / max(total, 1):.0f} % |")
    kernel_total = sum(v[1] for v in system.values())
    lines.append(f"| **system total** | **{total / TICKS:.2f}** | **{per(total):.0f}** | {per(kernel_total):.0f} | 100 % |")
    if LOAD_GENERATOR in used:
        lg = sum(used[LOAD_GENERATOR])
        lines.append(f"| load generator (apart) | {lg / TICKS:.2f} | {per(lg):.0f} | {per(used[LOAD_GENERATOR][1]):.0f} | — |")
    return "\n".join(lines) + f"\n\n{requests} requests; CPU from /proc (user + kernel, {TICKS} ticks/s).\n"


def main(argv):
    if len(argv) >= 2 and argv[0] == "snapshot":
        with open(argv[1], "w") as f:
            json.dump(snapshot(), f)
        return 0
    if argv[:1] == ["pids"]:
        for pid, proc in snapshot().items():
            if proc["part"] != LOAD_GENERATOR:
                print(pid)
        return 0
    if len(argv) >= 4 and argv[0] == "report":
        with open(argv[1]) as f:
            before = json.load(f)
        with open(argv[2]) as f:
            after = json.load(f)
        only = set(argv[5].split(",")) if len(argv) >= 6 and argv[4] == "--only" else None
        print(report(before, after, int(argv[3]), only))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
