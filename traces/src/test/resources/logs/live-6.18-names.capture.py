import ctypes, os, sys, time, subprocess, json, signal
CG = "/sys/fs/cgroup/memory/process_api/3e2824ee3a6a244312be2943675a53c7/oomspec-readers-names"
libc = ctypes.CDLL(None)
def setcomm(name):
    libc.prctl(15, ctypes.c_char_p(name.encode()), 0, 0, 0)  # PR_SET_NAME
def child(name, mb, hog):
    pid = os.fork()
    if pid == 0:
        with open(CG + "/cgroup.procs", "w") as f: f.write(str(os.getpid()))
        setcomm(name)
        bufs = []
        if hog:
            time.sleep(0.5)
            while True:
                bufs.append(bytearray(1 << 20))
        else:
            bufs.append(bytearray(mb << 20))
            time.sleep(30)
        os._exit(0)
    return pid
os.makedirs(CG, exist_ok=True)
try:
    with open(CG + "/memory.limit_in_bytes", "w") as f: f.write(str(96 << 20))
    try:
        with open(CG + "/memory.memsw.limit_in_bytes", "w") as f: f.write(str(96 << 20))
    except OSError: pass
    # kmsg start
    fd = os.open("/dev/kmsg", os.O_RDONLY | os.O_NONBLOCK)
    os.lseek(fd, 0, os.SEEK_END)
    start = float(open("/proc/uptime").read().split()[0])
    pids = {"tmux: server": child("tmux: server", 10, False), "runc:[2:INIT]": child("runc:[2:INIT]", 20, False),
            "Web Content": child("Web Content", 0, True)}
    time.sleep(0.3)
    res = {}
    hog = pids["Web Content"]
    _, st = os.waitpid(hog, 0)
    res["Web Content"] = st
    time.sleep(0.3)
    for n, p in pids.items():
        if n != "Web Content":
            os.kill(p, signal.SIGTERM); os.waitpid(p, 0)
    recs = []
    while True:
        try: recs.append(os.read(fd, 8192).decode(errors="replace").rstrip("\n"))
        except BlockingIOError: break
    open("names.kmsg", "w").write("\n".join(recs) + "\n")
    json.dump({"scenario": "names", "cgroup": "v1", "limit_mb": 96, "kernel": os.uname().release,
               "tasks": [{"comm": n, "pid": p} for n, p in pids.items()], "hog_status": st, "uptime_start": start},
              open("names.scenario.json", "w"), indent=1)
finally:
    time.sleep(0.2)
    os.rmdir(CG)
