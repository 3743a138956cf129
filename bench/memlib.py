"""Shared by bench/soak and bench/idle: a memory cgroup (memcap's own class), the corpus server, sampling."""
import importlib.machinery, importlib.util, json, os, subprocess, sys, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("PAGELENS_SHARED", os.path.join(ROOT, "..", "shared"))


def _load(name, path):
    loader = importlib.machinery.SourceFileLoader(name, path)
    spec = importlib.util.spec_from_loader(name, loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


memcap = _load("memcap", os.path.join(SHARED, "bench", "memcap"))
runner = _load("bench_run", os.path.join(ROOT, "bench", "run"))
pagelens_env = runner.pagelens_env


def log(*a):
    print("bench:", *a, file=sys.stderr, flush=True)


def start_in(cg, cmd, env, out_path):
    """Starts cmd inside the cgroup: the shell joins it, then execs."""
    out = open(out_path, "w")
    procs = os.path.join(cg.path, "cgroup.procs")
    return subprocess.Popen(["/bin/sh", "-c", 'echo $$ > "$0" && exec "$@"', procs] + cmd, env=env,
                            stdout=out, stderr=subprocess.STDOUT)


class Sampler:
    """(seconds since start, anon+shmem bytes) every interval, on a thread; every 2 s also the zombie
    processes inside the cgroup (children the JVM has not reaped)."""

    def __init__(self, cg, interval_s=0.2):
        self.cg, self.interval, self.samples = cg, interval_s, []
        self.zombies_max = 0
        self.zombies_last = 0
        self.stop = threading.Event()
        self.t0 = time.time()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        n = 0
        while not self.stop.is_set():
            try:
                self.samples.append((time.time() - self.t0, self.cg.used_bytes()))
                if n % int(2 / self.interval) == 0:
                    self.zombies_last = sum(1 for pid in self.cg.procs() if state(pid) == "Z")
                    self.zombies_max = max(self.zombies_max, self.zombies_last)
            except OSError:
                pass
            n += 1
            self.stop.wait(self.interval)

    def close(self):
        self.stop.set()
        self.thread.join()
        return self.samples


def state(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            s = f.read()
        return s[s.rindex(")") + 2]
    except (OSError, ValueError):
        return "?"


def emit(result):
    print(json.dumps(result), flush=True)
