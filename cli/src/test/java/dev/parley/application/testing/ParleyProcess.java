package dev.parley.application.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged {@code parley} jar run as a separate process, its output kept in files. */
public final class ParleyProcess {

    private static final Path JAR = Path.of(System.getProperty("parley.jar", "target/parley.jar")).toAbsolutePath();

    private final Process process;
    private final Path out;
    private final Path err;

    private ParleyProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code parley ARGS} in {@code directory}; its output goes to {@code NAME.out} and {@code NAME.err}. */
    public static ParleyProcess start(Path directory, String name, Map<String, String> environment, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().remove("PARLEY_STORE");
        builder.environment().putAll(environment);
        Path out = directory.resolve(name + ".out");
        Path err = directory.resolve(name + ".err");
        return new ParleyProcess(builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
    }

    /**
     * Starts {@code parley ARGS} from the test class path rather than the packaged jar, with the JVM options given
     * (a small {@code -Xmx}, say); output as in {@link #start}.
     */
    public static ParleyProcess startFromClassPath(Path directory, String name, List<String> jvmOptions,
                                                   String... args) throws IOException {
        return startFromClassPath(directory, name, jvmOptions, Map.of(), args);
    }

    /** {@link #startFromClassPath(Path, String, List, String...)} with these environment variables set. */
    public static ParleyProcess startFromClassPath(Path directory, String name, List<String> jvmOptions,
                                                   Map<String, String> environment, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.parley.cli.ParleyCli"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().remove("PARLEY_STORE");
        builder.environment().putAll(environment);
        Path out = directory.resolve(name + ".out");
        Path err = directory.resolve(name + ".err");
        return new ParleyProcess(builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
    }

    /** Waits for the process to end by itself and returns its exit status. */
    public int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("parley did not finish within " + seconds + " s; stderr: " + err());
        }
        return process.exitValue();
    }

    /** Stops the process the way an operator does (SIGTERM), letting it shut down cleanly. */
    public int stop(long seconds) throws InterruptedException {
        process.destroy();
        return waitFor(seconds);
    }

    /** Kills the process outright (SIGKILL): no shutdown hook runs, no claim is released, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public String out() {
        return read(out);
    }

    public String err() {
        return read(err);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
