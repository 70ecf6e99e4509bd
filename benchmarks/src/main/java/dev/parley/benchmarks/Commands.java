package dev.parley.benchmarks;

import dev.parley.projections.schema.Tables.DomainEvents;
import dev.parley.application.Parley;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.application.storage.Store;
import org.axonframework.config.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Commands per second, on one thread and on two threads with incidents of their own: Parley as configured by
 * default (read models on, snapshots every 100), stock Axon (with the read models on stock tracking processors), and
 * the limit, raw JDBC inserts of the same event rows, one transaction per command. On a durable server, Parley on
 * one and four threads beside the raw inserts from one and four clients, where the limit is the commit itself. Each
 * on a fresh database of the same kind, after a warm-up of its own.
 */
final class Commands {

    private static final String INSERT = "INSERT INTO " + DomainEvents.TABLE + " (" + String.join(
            ", ", DomainEvents.EVENT_IDENTIFIER, DomainEvents.AGGREGATE_IDENTIFIER, DomainEvents.SEQUENCE_NUMBER,
            DomainEvents.TYPE, DomainEvents.TIME_STAMP, DomainEvents.PAYLOAD_TYPE, DomainEvents.PAYLOAD_REVISION,
            DomainEvents.PAYLOAD, DomainEvents.META_DATA) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final int DURABLE_WRITERS = 4;

    private Commands() {
    }

    static List<Figure> measure(StoreKind store, int commands, int warmUp) throws Exception {
        int[] threads = {1, 2};
        Run[] parley = parleyRuns(store, threads, commands, warmUp);
        double[] axon = new double[threads.length];
        try (Store stockStore = Store.open(store.newDatabase("commands_axon"))) {
            Configuration stock = StockAxon.start(stockStore.dataSource(), true);
            try {
                Consumer<Object> send = command -> stock.commandGateway().sendAndWait(command);
                for (int i = 0; i < threads.length; i++) {
                    axon[i] = rate(store, "stock Axon", threads[i], commands, warmUp, send).perSecond();
                }
            } finally {
                stock.shutdown();
            }
        }
        double[] limit = rawRates(store, threads, commands, warmUp);
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < threads.length; i++) {
            figures.add(Figure.rate(Names.of(Names.COMMANDS, Names.threads(threads[i]), store.name()), commands,
                                    "commands/s", parley[i].perSecond(), axon[i], limit[i]));
        }
        // Stock Axon has no command-file runner: its one thread sends the same commands one by one, as above.
        figures.add(Figure.rate(Names.of(Names.COMMANDS, Names.COMMAND_FILE, store.name()), commands, "commands/s",
                                commandFileRate(store, commands, warmUp), axon[0], limit[0]));
        return figures;
    }

    /**
     * On a server that makes every commit durable: Parley on 1 and {@value #DURABLE_WRITERS} threads, beside raw
     * single-row transactions from as many clients. Without stock Axon: the question here is what the commit costs.
     */
    static List<Figure> durable(StoreKind store, int commands, int warmUp) throws Exception {
        int[] threads = {1, DURABLE_WRITERS};
        Run[] parley = parleyRuns(store, threads, commands, warmUp);
        double[] limit = rawRates(store, threads, commands, warmUp);
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < threads.length; i++) {
            figures.add(Figure.rate(Names.of(Names.COMMANDS, Names.threads(threads[i]), store.name()), commands,
                                    "commands/s", parley[i].perSecond(), null, limit[i]));
        }
        // What bounds the writers once commits are shared: the CPU (all processes, the server's included) or not.
        figures.add(Figure.cost(Names.of(Names.CPU_BUSY, Names.threads(DURABLE_WRITERS), store.name()), commands,
                                "% of all cores", parley[threads.length - 1].machineBusyPercent(), null, null));
        figures.add(Figure.rate(Names.of(Names.COMMANDS, Names.COMMAND_FILE, store.name()), commands, "commands/s",
                                commandFileRate(store, commands, warmUp), null, limit[0]));
        return figures;
    }

    /** Parley as it opens by default, one database for every thread count, each after its own warm-up. */
    private static Run[] parleyRuns(StoreKind store, int[] threads, int commands, int warmUp) throws Exception {
        Run[] rates = new Run[threads.length];
        try (Parley running = Parley.builder().store(store.newDatabase("commands_parley")).keys(store.keys())
                                    .build()) {
            Consumer<Object> send = command -> running.commands().sendAndWait(command);
            for (int i = 0; i < threads.length; i++) {
                rates[i] = rate(store, "parley", threads[i], commands, warmUp, send);
            }
        }
        return rates;
    }

    /**
     * Parley running the same commands as one command file on one thread, as {@code parley run} does: each line
     * decided in order while earlier lines' commits are in flight, recorded as applied with its events, and counted
     * only once stored. The file is written before the clock starts; reading and parsing it is timed.
     */
    private static double commandFileRate(StoreKind store, int commands, int warmUp) throws Exception {
        // Beside the store's databases, removed with them.
        Path directory = Files.createDirectories(store.directory.resolve("command-files"));
        try (Parley running = Parley.builder().store(store.newDatabase("commands_file")).keys(store.keys())
                                    .build()) {
            CommandFileRunner runner = new CommandFileRunner(running.commands(), "bench")
                    .resuming(running.appliedLines()).overlapping(running.groupCommit());
            Path warm = Files.write(directory.resolve("warm.ndjson"),
                                    Workload.lines(Workload.commands("warm-file", warmUp)));
            List<String> lines = Workload.lines(Workload.commands("file", commands));
            Path timed = Files.write(directory.resolve("timed.ndjson"), lines);
            runner.run(warm, new CommandFileRunner.Listener() { });
            long start = System.nanoTime();
            CommandFileRunner.Outcome outcome = runner.run(timed, new CommandFileRunner.Listener() { });
            long elapsed = System.nanoTime() - start;
            if (!outcome.allAccepted() || outcome.accepted() != lines.size()) {
                throw new IllegalStateException("the command file ran with " + outcome.accepted() + " of "
                                                        + lines.size()
                                                        + " accepted and " + outcome.rejections().size()
                                                        + " rejected: " + outcome.rejections());
            }
            double rate = lines.size() / (elapsed / 1e9);
            Log.info("[%s] commands, parley, one command file: %.0f commands/s", store.name(), rate);
            return rate;
        }
    }

    private static double[] rawRates(StoreKind store, int[] threads, int commands, int warmUp) throws Exception {
        double[] rates = new double[threads.length];
        try (Store rawStore = Store.open(store.newDatabase("commands_raw"))) {
            for (int i = 0; i < threads.length; i++) {
                rates[i] = rawRate(store, rawStore, threads[i], commands, warmUp);
            }
        }
        return rates;
    }

    /** A timed run: commands per second, and how busy the machine's CPUs were meanwhile (null where unknown). */
    record Run(double perSecond, Double machineBusyPercent) {
    }

    private static Run rate(StoreKind store, String who, int threads, int commands, int warmUp,
                            Consumer<Object> send) throws Exception {
        run(threads, thread -> Workload.commands("warm-" + threads + "-" + thread, warmUp / threads), send);
        MachineCpu.Reading before = MachineCpu.now();
        long elapsed = run(threads, thread -> Workload.commands("t" + threads + "-" + thread, commands / threads),
                           send);
        MachineCpu.Reading after = MachineCpu.now();
        Double busy = after == null ? null : after.busyPercentSince(before);
        double rate = commands / (elapsed / 1e9);
        Log.info("[%s] commands, %s, %d thread(s): %.0f commands/s, machine CPU %s busy", store.name(), who, threads,
                 rate, busy == null ? "unknown" : String.format(java.util.Locale.ROOT, "%.0f%%", busy));
        return new Run(rate, busy);
    }

    /** Sends each thread's commands on its own thread; the wall time of all of them, in nanoseconds. */
    private static long run(int threads, java.util.function.IntFunction<List<Object>> workload,
                            Consumer<Object> send) throws Exception {
        List<List<Object>> work = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            work.add(workload.apply(thread));
        }
        return parallel(threads, thread -> () -> {
            work.get(thread).forEach(send);
            return null;
        });
    }

    private static double rawRate(StoreKind store, Store rawStore, int threads, int commands, int warmUp)
            throws Exception {
        List<List<Workload.Row>> warm = new ArrayList<>();
        List<List<Workload.Row>> timed = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            warm.add(Workload.rows(Workload.commands("warm-" + threads + "-" + thread, warmUp / threads)));
            timed.add(Workload.rows(Workload.commands("t" + threads + "-" + thread, commands / threads)));
        }
        parallel(threads, thread -> () -> insert(rawStore, warm.get(thread)));
        long elapsed = parallel(threads, thread -> () -> insert(rawStore, timed.get(thread)));
        double rate = commands / (elapsed / 1e9);
        Log.info("[%s] commands, raw JDBC limit, %d client(s): %.0f commands/s", store.name(), threads, rate);
        return rate;
    }

    /** Inserts each row in a transaction of its own. */
    private static Void insert(Store store, List<Workload.Row> rows) throws SQLException {
        try (Connection connection = store.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Workload.Row row : rows) {
                    insert.setString(1, row.eventIdentifier());
                    insert.setString(2, row.aggregateIdentifier());
                    insert.setLong(3, row.sequence());
                    insert.setString(4, row.type());
                    insert.setString(5, row.timestamp());
                    insert.setString(6, row.payloadType());
                    insert.setString(7, row.payloadRevision());
                    insert.setBytes(8, row.payload());
                    insert.setBytes(9, row.metaData());
                    insert.executeUpdate();
                    connection.commit();
                }
            }
        }
        return null;
    }

    /** Runs one task per thread, started together; the wall time until all are done, in nanoseconds. */
    static long parallel(int threads, java.util.function.IntFunction<Callable<Void>> task) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(threads);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Future<Void>> done = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                Callable<Void> work = task.apply(thread);
                done.add(executor.submit(() -> {
                    ready.countDown();
                    go.await();
                    return work.call();
                }));
            }
            ready.await();
            long start = System.nanoTime();
            go.countDown();
            for (Future<Void> future : done) {
                future.get();
            }
            return System.nanoTime() - start;
        } finally {
            executor.shutdownNow();
        }
    }
}
