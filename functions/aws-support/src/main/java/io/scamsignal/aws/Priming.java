package io.scamsignal.aws;

import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: before Lambda takes the snapshot of an initialised function, run its hot code
 * paths once (parsing, validation, normalisation, encoding; no AWS calls, no writes), so classes
 * are loaded and initialised in the snapshot rather than on the first request after restore.
 * Outside SnapStart the hook never fires; {@link #primeNow()} runs the same code (tests, benchmarks).
 */
public final class Priming implements Resource {

    // org.crac holds resources weakly: keep them here
    private static final List<Priming> REGISTERED = new ArrayList<>();
    private final Runnable primer;

    private Priming(Runnable primer) {
        this.primer = primer;
    }

    public static synchronized Priming register(Runnable primer) {
        Priming priming = new Priming(primer);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    public void primeNow() {
        primer.run();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        primeNow();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: credentials come from the container endpoint after a restore
    }
}
