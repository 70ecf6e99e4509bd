package dev.parley.web;

import dev.parley.application.Parley;
import dev.parley.application.integrity.Integrity;
import dev.parley.web.api.ApiNotFound;
import dev.parley.web.api.Console;
import dev.parley.web.api.ConsoleApi;
import dev.parley.web.api.ConsoleErrors;
import dev.parley.web.api.ParleyJsonConverter;
import dev.parley.web.security.Bind;
import dev.parley.web.security.ConsoleGuard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The Parley console on a Spring MVC application that has a {@link Parley}: the JSON API under {@code /api}, its
 * OpenAPI description at {@code /v3/api-docs}, and the pages under {@code /console}. Off unless
 * {@code parley.web.enabled=true}; listening beyond the loopback interface needs {@code parley.web.token}.
 */
@AutoConfiguration(afterName = "dev.parley.starter.autoconfigure.ParleyAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "parley.web", name = "enabled", havingValue = "true")
@ConditionalOnBean(Parley.class)
@EnableConfigurationProperties({ParleyWebProperties.class, ServerProperties.class})
@Import({ConsoleApi.class, ConsoleErrors.class, ParleyWebAutoConfiguration.WholeServer.class})
public class ParleyWebAutoConfiguration {

    /**
     * The paths the guard covers in an application, which serves things of its own beside the console: the console's
     * endpoints and pages, not the rest of {@code /api}.
     */
    public static final List<String> CONSOLE_PATHS = List.of("/api/status", "/api/status/*", "/api/timeline",
            "/api/audit", "/api/verify", "/api/checkpoints/*", "/api/verifier-key", "/api/proofs/*", "/api/forks",
            "/api/branches", "/api/branches/*", "/console", "/console/*");

    /**
     * When the server is the console's alone ({@code parley serve}): every path is guarded, and whatever else is asked
     * under {@code /api} is a JSON 404 too.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "parley.web", name = "guard-all", havingValue = "true")
    @Import(ApiNotFound.class)
    static class WholeServer {
    }

    /**
     * The console over the application's {@link Parley}, with the bounds of {@code parley.web.*}.
     *
     * @param parley     the Parley the console reads
     * @param integrity  the integrity checks, when the application has its own; else the Parley's
     * @param properties the console's settings
     * @param server     where the server listens
     * @return the console
     * @throws IllegalStateException when the server would listen beyond the loopback interface without a token
     */
    @Bean
    @ConditionalOnMissingBean
    public Console parleyConsole(Parley parley, ObjectProvider<Integrity> integrity, ParleyWebProperties properties,
                                 ServerProperties server) {
        Bind.requireTokenUnlessLoopback(server.getAddress() == null ? null : server.getAddress().getHostAddress(),
                                        properties.getToken());
        return new Console(parley, () -> integrity.getIfAvailable(parley::integrity),
                           new Console.Limits(properties.getMaxForkCommands(), properties.getMaxConcurrentForks(),
                                              properties.getMaxPageSize(), properties.getCatchUp()));
    }

    /**
     * The guard, ahead of almost every other filter, on the console's paths, or on every path when
     * {@code parley.web.guard-all} is set.
     *
     * @param properties the token, the bound on bodies and which paths to guard
     * @return the guard's registration
     */
    @Bean
    public FilterRegistrationBean<ConsoleGuard> parleyConsoleGuard(ParleyWebProperties properties) {
        FilterRegistrationBean<ConsoleGuard> registration = new FilterRegistrationBean<>(
                new ConsoleGuard(properties.getToken(), properties.getMaxRequestBytes()));
        registration.setUrlPatterns(properties.isGuardAll() ? List.of("/*") : CONSOLE_PATHS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Puts Parley's JSON converter ahead of the host's, serves the console's pages from
     * {@code classpath:/parley-console/} under {@code /console/}, and sends {@code /console} there.
     *
     * @return the configurer
     */
    @Bean
    public WebMvcConfigurer parleyConsoleMvc() {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.add(0, new ParleyJsonConverter());
            }

            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                registry.addResourceHandler("/console/**").addResourceLocations("classpath:/parley-console/");
            }

            @Override
            public void addViewControllers(ViewControllerRegistry registry) {
                registry.addRedirectViewController("/console", "/console/");
                registry.addViewController("/console/").setViewName("forward:/console/index.html");
            }
        };
    }
}
