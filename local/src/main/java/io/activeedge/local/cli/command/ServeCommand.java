package io.activeedge.local.cli.command;

import io.activeedge.local.localcloud.CloudOptions;
import io.activeedge.local.localcloud.LocalCloud;
import io.activeedge.local.localcloud.LocalCloudException;
import io.activeedge.local.localcloud.LocalState;
import io.activeedge.local.localcloud.Template;
import io.activeedge.local.target.StackResource;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the local cloud until the process is stopped, and tells other commands where it is (local.json). */
@Command(name = "serve", description = "run the local cloud in the foreground (what up starts)")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", description = "the AWS endpoint's port (default: a free one)")
    int port;

    @Mixin
    FaultOptions faults;

    private final Console console;

    public ServeCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        CloudOptions options = faults.cloudOptions();
        LocalState.running(console.root()).ifPresent(state -> {
            throw new LocalCloudException("a local cloud already runs at " + state.motoEndpoint() + " (pid " + state.pid() + ")");
        });
        LocalCloud cloud = LocalCloud.start(console.root(), port, options);
        long pid = ProcessHandle.current().pid();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LocalState.remove(console.root(), pid);
            cloud.close();
        }, "local-cloud-shutdown"));
        try {
            LocalState.of(cloud).write(console.root());
        } catch (IOException e) {
            throw new LocalCloudException("cannot write " + LocalState.file(console.root()) + ": " + e.getMessage(), e);
        }
        PrintStream out = console.out();
        out.println("endpoint " + cloud.endpoint());
        out.println("lambda   " + cloud.lambdaEndpoint());
        if (options.faultRate() > 0) {
            out.println("faults   " + options.faultRate() + " of the functions' AWS calls fail (seed " + options.faultSeed()
                    + "); see " + cloud.endpoint() + "/active-edge/faults");
        }
        cloud.stateMachineArns().forEach((id, arn) -> out.println("state machine " + id + " " + arn));
        out.println("stack    " + StackResource.DEFAULT_STACK + " (" + Template.REGION + "; what --aws reads)");
        out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
