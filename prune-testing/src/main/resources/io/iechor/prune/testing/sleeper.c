/*
 * The only program inside the test images, linked statically so the image needs no libc.
 *
 *   /sleeper                 exits 0 at once (gives an "exited" container)
 *   /sleeper SECONDS         sleeps, then exits 0 (gives a "running" container)
 *   /sleeper SECONDS CODE    sleeps, then exits with CODE
 *
 * It runs as PID 1 of its container, where the kernel ignores signals that have no handler,
 * so it installs handlers: `docker stop` and daemon shutdown then end it at once instead of
 * waiting for the kill timeout.
 */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

static void on_signal(int sig) {
    (void) sig;
    _exit(0);
}

int main(int argc, char **argv) {
    struct sigaction action = {0};
    action.sa_handler = on_signal;
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGINT, &action, NULL);

    unsigned left = argc > 1 ? (unsigned) strtoul(argv[1], NULL, 10) : 0;
    while (left > 0) {
        left = sleep(left); /* non-zero only when a signal cut the sleep short */
    }
    return argc > 2 ? atoi(argv[2]) : 0;
}
