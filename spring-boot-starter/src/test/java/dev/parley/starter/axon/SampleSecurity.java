package dev.parley.starter.axon;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/** HTTP basic with one user in memory; the actuator is open. */
@Configuration
class SampleSecurity {

    static final String USER = "amina";
    static final String PASSWORD = "secret";

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                   .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/**").permitAll()
                                                              .anyRequest().authenticated())
                   .httpBasic(Customizer.withDefaults())
                   .build();
    }

    @Bean
    InMemoryUserDetailsManager users() {
        return new InMemoryUserDetailsManager(User.withUsername(USER).password("{noop}" + PASSWORD)
                                                  .roles("DESK").build());
    }
}
