package io.scamsignal.ops;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Operator commands against a deployed stack or a running {@code make run}: {@code Ops <command> args…}.
 * A new command is one {@link Command} implementation and one entry in {@link #COMMANDS}; the
 * Makefile names each with a target of its own (make false-positive).
 *
 * <p>Environment: {@code AWS_ENDPOINT_URL} (default for the local runner: http://127.0.0.1:$MOTO_PORT,
 * 4566), {@code AWS_REGION}, {@code STACK_NAME} (scamsignal-local); each command documents the
 * table or topic variables it reads.
 */
public final class Ops {

    /** One operator command: checks its arguments, does its work, returns the process exit status. */
    public interface Command {
        String usage();

        int run(List<String> args, OpsEnvironment environment);
    }

    static final Map<String, Command> COMMANDS = Map.of(
            "false-positive", new FalsePositive(),
            "referral", new Referral(),
            "ring-unlink", new RingUnlink(),
            "benign", new Benign(),
            "erase", new Erase(),
            "partner-key", new PartnerKey(),
            "feed-backfill", new FeedBackfill());

    private Ops() {
    }

    public static void main(String[] args) {
        System.exit(run(args, OpsEnvironment.system()));
    }

    /** The commands as main runs them, with the environment given (tests: a pipeline's stack on moto). */
    public static int run(String[] args, OpsEnvironment environment) {
        Command command = args.length == 0 ? null : COMMANDS.get(args[0]);
        if (command == null) {
            System.err.println("usage:\n" + COMMANDS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> "  " + e.getKey() + " " + e.getValue().usage()).collect(Collectors.joining("\n")));
            return 2;
        }
        return command.run(Arrays.asList(args).subList(1, args.length), environment);
    }
}
