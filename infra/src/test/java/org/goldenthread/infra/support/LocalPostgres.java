package org.goldenthread.infra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Test support: a throw-away PostgreSQL server started from the binaries of Debian's {@code postgresql}
 * package ({@code /usr/lib/postgresql/<version>/bin}).
 *
 * <p>{@link #start()} creates a temporary directory, runs {@code initdb} (trust authentication, UTF8, locale C,
 * superuser {@code postgres}), starts the server with {@code pg_ctl} on a free loopback port (Unix socket inside
 * the temporary directory, {@code fsync=off}), waits until it accepts JDBC connections and creates the database
 * {@value #DATABASE}. {@link #close()} stops the server ({@code pg_ctl stop -m fast}) and deletes the directory.
 *
 * <p>{@code initdb}, {@code pg_ctl} and {@code postgres} refuse to run as root. When the JVM runs as root they are
 * run as the {@code postgres} OS user (created by the Debian package) through {@code runuser -u postgres --}, and
 * the temporary directory is created under {@code /tmp} and owned by that user.
 *
 * <p>All tool output goes to {@code tools.log} in the temporary directory, the server's own output to
 * {@code server.log}; the tails of both are included in any exception.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "goldenthread";
    private static final String SUPERUSER = "postgres";
    private static final String OS_USER_WHEN_ROOT = "postgres";
    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 40;

    private final Path bin;
    private final Path baseDir;
    private final Path dataDir;
    private final Path toolLog;
    private final Path serverLog;
    private final boolean asRoot;
    private final String runuser;
    private final int port;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private LocalPostgres(Path bin, Path baseDir, boolean asRoot, String runuser, int port) {
        this.bin = bin;
        this.baseDir = baseDir;
        this.dataDir = baseDir.resolve("data");
        this.toolLog = baseDir.resolve("tools.log");
        this.serverLog = baseDir.resolve("server.log");
        this.asRoot = asRoot;
        this.runuser = runuser;
        this.port = port;
        this.shutdownHook = new Thread(this::closeQuietly, "LocalPostgres-shutdown-" + port);
    }

    // ------------------------------------------------------------------------------------------ discovery

    /**
     * The {@code bin} directory of the highest PostgreSQL version installed under {@code /usr/lib/postgresql}
     * that contains both {@code initdb} and {@code pg_ctl}; empty when there is none.
     */
    public static Optional<Path> binDir() {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
            return versions.filter(p -> p.getFileName().toString().matches("\\d+(\\.\\d+)*"))
                    .map(p -> p.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(
                            b -> versionKey(b.getParent().getFileName().toString()), LocalPostgres::compareVersions));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int[] versionKey(String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    private static int compareVersions(int[] a, int[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    // ------------------------------------------------------------------------------------------ start

    /** Initialises and starts a fresh server and creates the database {@value #DATABASE}. */
    public static LocalPostgres start() {
        Path bin = binDir().orElseThrow(() -> new IllegalStateException("No PostgreSQL binaries (initdb, pg_ctl) under "
                + DEBIAN_ROOT + "/<version>/bin; install the Debian 'postgresql' package"));
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        String runuser = asRoot ? findRunuser() : null;

        Path baseDir;
        try {
            baseDir = createBaseDir(asRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory for PostgreSQL", e);
        }

        LocalPostgres pg = null;
        try {
            int port = freePort();
            pg = new LocalPostgres(bin, baseDir, asRoot, runuser, port);
            pg.initdb();
            LocalPostgres running = pg.startServer();
            pg = running;
            running.createDatabase();
            return running;
        } catch (RuntimeException | Error e) {
            if (pg != null) {
                pg.closeQuietly();
            } else {
                deleteRecursively(baseDir);
            }
            throw e;
        }
    }

    private static Path createBaseDir(boolean asRoot) throws IOException {
        Path parent = Path.of(System.getProperty("java.io.tmpdir"));
        if (asRoot && !worldTraversable(parent)) {
            // the postgres user must be able to reach the directory
            parent = Path.of("/tmp");
        }
        Path dir = Files.createTempDirectory(parent, "localpg-");
        if (asRoot) {
            UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal user;
            GroupPrincipal group;
            try {
                user = lookup.lookupPrincipalByName(OS_USER_WHEN_ROOT);
                group = lookup.lookupPrincipalByGroupName(OS_USER_WHEN_ROOT);
            } catch (IOException e) {
                deleteRecursively(dir);
                throw new IOException(
                        "Running as root but there is no '" + OS_USER_WHEN_ROOT
                                + "' OS user/group (normally created by the Debian postgresql package)",
                        e);
            }
            PosixFileAttributeView view =
                    Files.getFileAttributeView(dir, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            view.setOwner(user);
            view.setGroup(group);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        return dir;
    }

    private static boolean worldTraversable(Path dir) {
        try {
            for (Path p = dir.toRealPath(); p != null; p = p.getParent()) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static String findRunuser() {
        for (String candidate : List.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Running as root, but 'runuser' (util-linux) was not found;"
                + " initdb/postgres refuse to run as root");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free loopback port", e);
        }
    }

    private void initdb() {
        run(
                "initdb",
                List.of(
                        bin.resolve("initdb").toString(),
                        "-D",
                        dataDir.toString(),
                        "-U",
                        SUPERUSER,
                        "-A",
                        "trust",
                        "-E",
                        "UTF8",
                        "--locale=C",
                        "--no-sync"));
    }

    /** Starts the server, retrying on a new port if the chosen one was taken meanwhile. */
    private LocalPostgres startServer() {
        LocalPostgres candidate = this;
        for (int attempt = 1; ; attempt++) {
            candidate.writeConfig();
            try {
                candidate.run(
                        "pg_ctl start",
                        List.of(
                                bin.resolve("pg_ctl").toString(),
                                "start",
                                "-D",
                                dataDir.toString(),
                                "-l",
                                serverLog.toString(),
                                "-w",
                                "-t",
                                Long.toString(READY_TIMEOUT.toSeconds())));
                candidate.registerShutdownHook();
                candidate.awaitConnections();
                return candidate;
            } catch (IllegalStateException e) {
                if (attempt >= START_ATTEMPTS || !candidate.portInUse()) {
                    throw e;
                }
                candidate = new LocalPostgres(bin, baseDir, asRoot, runuser, freePort());
            }
        }
    }

    /** Stops the server if the JVM exits without {@link #close()} (e.g. a crashed test run). */
    private void registerShutdownHook() {
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalArgumentException | IllegalStateException ignored) {
            // already registered, or JVM shutting down
        }
    }

    private boolean portInUse() {
        return tail(serverLog).contains("could not bind") || tail(serverLog).contains("Address already in use");
    }

    private void writeConfig() {
        String settings = String.join(
                "\n",
                "",
                "# --- LocalPostgres (test support) ---",
                "port = " + port,
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = '" + socketDir() + "'",
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
                "max_connections = 100",
                "");
        try {
            // appending keeps the file's owner (the postgres user when running as root); later settings win
            Files.writeString(
                    dataDir.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write postgresql.conf", e);
        }
    }

    /**
     * The temporary directory, or none (TCP only) when the socket path would exceed the kernel's limit of
     * 107 bytes, which would make the server refuse to start. Tests connect over TCP anyway.
     */
    private String socketDir() {
        String dir = baseDir.toString();
        if (dir.getBytes(StandardCharsets.UTF_8).length + "/.s.PGSQL.65535".length() > 100) {
            return "";
        }
        return dir.replace("'", "''");
    }

    private void awaitConnections() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection ignored = DriverManager.getConnection(url("postgres"), SUPERUSER, "")) {
                return;
            } catch (SQLException e) {
                last = e;
                sleep(200);
            }
        }
        throw failure(
                "PostgreSQL did not accept connections on port " + port + " within " + READY_TIMEOUT
                        + (last == null ? "" : ": " + last.getMessage()),
                last);
    }

    private void createDatabase() {
        try (Connection c = DriverManager.getConnection(url("postgres"), SUPERUSER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw failure("Could not create database " + DATABASE, e);
        }
    }

    // ------------------------------------------------------------------------------------------ accessors

    public String jdbcUrl() {
        return url(DATABASE);
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return "";
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** {@code pg_ctl status}: whether a server is running on this instance's data directory. */
    public boolean isRunning() {
        if (!Files.isDirectory(dataDir)) {
            return false;
        }
        try {
            return exec(List.of(bin.resolve("pg_ctl").toString(), "status", "-D", dataDir.toString())) == 0;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    // ------------------------------------------------------------------------------------------ stop

    /** Stops the server ({@code pg_ctl stop -m fast}) and deletes the temporary directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException ignored) {
            // JVM shutting down, or hook never registered
        }
        try {
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                try {
                    run(
                            "pg_ctl stop",
                            List.of(
                                    bin.resolve("pg_ctl").toString(),
                                    "stop",
                                    "-D",
                                    dataDir.toString(),
                                    "-m",
                                    "fast",
                                    "-w",
                                    "-t",
                                    "60"));
                } catch (IllegalStateException e) {
                    // last resort, so that no server is left behind
                    exec(List.of(
                            bin.resolve("pg_ctl").toString(),
                            "stop",
                            "-D",
                            dataDir.toString(),
                            "-m",
                            "immediate",
                            "-w",
                            "-t",
                            "30"));
                    throw e;
                }
            }
        } finally {
            deleteRecursively(baseDir);
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException ignored) {
            // best effort
        }
    }

    // ------------------------------------------------------------------------------------------ processes

    /** Runs a tool, failing with the log tails when it does not exit with 0. */
    private void run(String what, List<String> command) {
        int exit = exec(command);
        if (exit != 0) {
            throw failure(what + " failed with exit code " + exit, null);
        }
    }

    /** Runs a command (as the postgres user when root), output appended to tools.log; returns the exit code. */
    private int exec(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asRoot) {
            full.addAll(List.of(runuser, "-u", OS_USER_WHEN_ROOT, "--"));
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full)
                .directory(baseDir.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(toolLog.toFile()));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("PG"));
        env.put("LC_ALL", "C");
        env.put("LANG", "C");
        try {
            Files.writeString(
                    toolLog,
                    "\n$ " + String.join(" ", full) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            Process process = pb.start();
            if (!process.waitFor(TOOL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw failure("Timed out after " + TOOL_TIMEOUT + ": " + String.join(" ", full), null);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw failure("Could not run " + String.join(" ", full), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("Interrupted while running " + String.join(" ", full), e);
        }
    }

    private IllegalStateException failure(String message, Throwable cause) {
        String text = message
                + "\n--- tail of " + toolLog + " ---\n" + tail(toolLog)
                + "\n--- tail of " + serverLog + " ---\n" + tail(serverLog);
        return new IllegalStateException(text, cause);
    }

    private static String tail(Path file) {
        try {
            if (!Files.exists(file)) {
                return "(no file)";
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir, e);
        }
    }
}
