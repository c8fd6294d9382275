package io.signflow.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. The admin API and the actuator (but its health) need the admin login over HTTP
 * Basic. Everything else carries its own proof: API calls their TC3 signature, signer pages their
 * link token, and the Camunda webapps (Cockpit, Tasklist, Admin) and the engine REST API the engine's
 * own login, whose admin account is the same (see EngineRestAuthentication and AdminUserSync).
 * Responses may be framed by pages of this origin only, except the signer page, which may be
 * framed where its organization allows.
 */
@Configuration
class SecurityConfig {

    static final String ADMIN = "ADMIN";

    @Bean
    @Order(1)
    SecurityFilterChain adminChain(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(paths.matcher("/admin/**"), paths.matcher("/actuator/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths.matcher("/actuator/health"), paths.matcher("/actuator/health/**")).permitAll()
                        .anyRequest().hasRole(ADMIN))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain openChain(HttpSecurity http) throws Exception {
        // the signer page decides its own framing from its link (signing.SignerPageController)
        RequestMatcher notTheSignerPage = new NegatedRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/sign/{token}"));
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                // the API is signed per request, signer pages carry a token, the Camunda webapps guard
                // themselves with their own CSRF filter
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .headers(headers -> headers.frameOptions(frame -> frame.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(notTheSignerPage,
                                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.SAMEORIGIN))));
        return http.build();
    }

    @Bean
    UserDetailsService adminUser(@Value("${signflow.admin.user}") String user,
                                 @Value("${signflow.admin.password}") String password, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(User.withUsername(user).password(encoder.encode(password))
                .roles(ADMIN).build());
    }

    /**
     * No timers around each security filter, authentication and authorization: per API call they cost
     * more CPU than the rest of Micrometer (a profile of creation, BENCHMARKS.md), and what operators
     * watch is already timed per request ({@code http.server.requests}) and per action and error code
     * ({@code signflow.api.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** bcrypt, each admin password that matched remembered: Basic has no session to remember it in. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new RememberingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }
}
