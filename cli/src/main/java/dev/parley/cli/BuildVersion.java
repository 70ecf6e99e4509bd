package dev.parley.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What {@code parley -V} prints: the version the build stamped into the jar, as Maven knows it. */
final class BuildVersion implements IVersionProvider {

    private static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return new String[]{"parley " + version()};
    }

    /** The build's version, such as {@code 0.1.0-SNAPSHOT}. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + RESOURCE + "; it was not built by Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        String version = properties.getProperty("version");
        if (version == null || version.startsWith("${")) {
            throw new IllegalStateException(RESOURCE + " was not filled in by the build");
        }
        return version;
    }
}
