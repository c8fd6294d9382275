package io.signflow.sealing;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the calling thread's scheduling priority: its nice value on Linux (setpriority(2), which
 * there sets one thread's, not the process's). Java's own thread priorities do nothing on Linux
 * unless the JVM runs with {@code -XX:ThreadPriorityPolicy=1}, and even then reach only nice 4, which
 * measured little different from normal priority; nice 19 gives way to every normal thread and to
 * PostgreSQL. Raising a nice value needs no privilege; lowering it again would, so only threads that
 * stay in the background call this. Elsewhere (where setpriority would name the whole process), and
 * where the native call is unavailable, the thread keeps its priority.
 */
final class BackgroundPriority {

    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final int PRIO_PROCESS = 0;
    private static final int CALLING_THREAD = 0;

    private interface C extends Library {
        int setpriority(int which, int who, int prio);
    }

    /** {@code nice}: how much priority to give away, 1 (little) to 19 (all it can); 0 or less gives none. */
    static void lowerCurrentThread(int nice) {
        if (nice <= 0 || !Platform.isLinux()) {
            return;
        }
        try {
            if (Native.load("c", C.class).setpriority(PRIO_PROCESS, CALLING_THREAD, Math.min(nice, 19)) != 0) {
                log.warn("{} keeps its scheduling priority: setpriority failed with errno {}",
                        Thread.currentThread().getName(), Native.getLastError());
            }
        } catch (LinkageError unavailable) {
            log.warn("{} keeps its scheduling priority: {}", Thread.currentThread().getName(), unavailable.toString());
        }
    }

    private BackgroundPriority() {
    }
}
