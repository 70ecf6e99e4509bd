package dev.parley.cli;

import dev.parley.application.Parley;
import dev.parley.application.integrity.Integrity;
import dev.parley.application.storage.Store;
import dev.parley.web.security.Bind;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code parley serve}: the console and its JSON API on a store, read-only, until stopped. Listens on 127.0.0.1 unless
 * told otherwise, and anywhere else only with an access token.
 */
@Command(name = "serve", description = "Serve the console (pages at /console/) and its JSON API (/api, described at "
        + "/v3/api-docs) on the store until stopped (Ctrl-C or SIGTERM). Nothing it serves writes to the record; "
        + "what-if forks run apart from it.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Mixin
    KeyOption keys;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The port to listen on (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}); any other than a loopback address "
                    + "needs --token.")
    String bind;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:PARLEY_TOKEN}",
            description = "The access token every request must carry (Authorization: Bearer TOKEN, or open the "
                    + "console once with ?token=TOKEN); default: $PARLEY_TOKEN.")
    String token;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ExitCodes.UsageException("--port is 0 to 65535, not " + port);
        }
        try {
            Bind.requireTokenUnlessLoopback(bind, token);
        } catch (IllegalStateException refused) {
            throw new ExitCodes.UsageException(refused.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        try (StopSignal stop = new StopSignal("parley-serve-stop");
             Parley parley = Parley.open(store.urlOr(Store.DEFAULT_URL))) {
            Integrity integrity = IntegrityCommands.integrity(parley, keys);
            try (ConfigurableApplicationContext console = start(parley, integrity, port, bind, token)) {
                int listening = ((WebServerApplicationContext) console).getWebServer().getPort();
                err.println("Parley console on http://" + host() + ":" + listening + "/console/ for "
                                    + parley.store().url() + (token == null || token.isEmpty() ? ""
                        : " (with its access token)") + "; stop it with Ctrl-C.");
                err.flush();
                stop.await();
            }
        }
        return ExitCodes.OK;
    }

    private String host() {
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }

    /**
     * Starts the console on {@code parley} and returns it running; closing it stops the server, not the Parley.
     * {@code token} null or empty for none.
     */
    static ConfigurableApplicationContext start(Parley parley, Integrity integrity, int port, String bind,
                                                String token) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("parley.web.enabled", "true");
        properties.put("parley.web.guard-all", "true");
        properties.put("parley.web.token", token == null ? "" : token);
        properties.put("server.port", port);
        properties.put("server.address", bind);
        properties.put("server.error.include-stacktrace", "never");
        properties.put("server.error.whitelabel.enabled", "false");
        properties.put("logging.level.root", "warn");
        properties.put("spring.main.log-startup-info", "false");
        return new SpringApplicationBuilder(ConsoleServer.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .registerShutdownHook(false)
                .properties(properties)
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("parley", parley);
                    context.getBeanFactory().registerSingleton("parleyIntegrity", integrity);
                })
                .run();
    }

    /** The console's server: Spring Boot's web stack and Parley's console auto-configuration, on a Parley of ours. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ConsoleServer {

        @Bean
        OpenAPI consoleApiDescription() {
            return new OpenAPI().info(new Info().title("Parley console API").version(BuildVersion.version())
                    .description("The record of negotiations and border incidents, read-only: status, timeline and "
                            + "audit on both time axes, verification and proofs, and what-if forks apart from the "
                            + "record. Errors are {code, message} with a 4xx status."));
        }

        @Bean
        WebMvcConfigurer consoleAtTheRoot() {
            return new WebMvcConfigurer() {
                @Override
                public void addViewControllers(ViewControllerRegistry registry) {
                    registry.addRedirectViewController("/", "/console/");
                }
            };
        }
    }
}
