package dev.oomspec.reference.live;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Mm;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.mm.World;

/** Builds the model world an OOM report describes: kernel from the CPU: line, memcg from the usage lines, tasks from the table. */
final class LiveWorld {
    final World world;
    final Memcg memcg;

    LiveWorld(LiveDmesg.Event ev, long totalSwapPages) {
        Memcg.Hierarchy h = ev.memsw != null ? Memcg.Hierarchy.V1 : Memcg.Hierarchy.V2;
        world = World.forKernel(ev.release, h).setTotalSwapPages(totalSwapPages);
        memcg = world.memcontrol().createPath(ev.memcgPath);
        memcg.setMemoryMax(ev.memory.limitKb() / 4).setMemoryUsage(ev.memory.usageKb() / 4, ev.memory.failcnt());
        if (ev.memsw != null) memcg.setMemswMax(ev.memsw.limitKb() / 4).setMemswUsage(ev.memsw.usageKb() / 4, ev.memsw.failcnt());
        if (ev.swap != null) memcg.setSwapMax(ev.swap.limitKb() / 4).setSwapUsage(ev.swap.usageKb() / 4, ev.swap.failcnt());
        if (ev.kmem != null) memcg.setKmem(ev.kmem.usageKb() / 4, ev.kmem.limitKb() / 4, ev.kmem.failcnt());
        for (LiveDmesg.Row r : ev.rows) {
            Task t = world.newProcess(r.pid(), r.comm(), r.uid(),
                    new Mm(r.totalVm(), r.anon(), r.file(), r.shmem(), r.swapents(), r.pgtablesBytes()));
            t.setOomScoreAdj(r.adj());
            world.attach(t, memcg);
        }
        Task current = world.task(ev.currentPid);
        if (current == null) { // the allocating task is not in the table: give it no mm in the root memcg
            current = world.newProcess(ev.currentPid, ev.currentComm, 0, null);
        }
        world.setCurrent(current);
    }
}
