package dev.firebreak.platform.security;

import dev.firebreak.platform.web.ProblemWriter;
import org.springframework.aop.Advisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Filter chains: the alert intake, the REST API (stateless, Bearer tokens, problem+json errors),
 * pages' action links (the token is the credential), public status pages and the UI (form login, session, CSRF). Reads
 * need {@code viewer}, changes {@code responder}; admin-only actions say so with {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(prePostEnabled = false)
@ConditionalOnWebApplication
class SecurityConfiguration {
    /** Machine endpoints that authenticate in their own way (integration keys) or not at all. */
    static final String[] PUBLIC = {
        "/login",
        "/invite/*",
        "/error",
        "/css/**",
        "/js/**",
        "/img/**",
        "/webjars/**",
        "/favicon.ico",
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/actuator/prometheus",
        "/status",
        "/status/**",
        // The OpenAPI document: the API's shape is no secret, its data is.
        "/api-docs",
        "/api-docs.yaml",
        // iCalendar feeds: calendar apps cannot send a token, so the secret is in the URL
        "/calendar/*"
    };

    /**
     * Alert intake authenticates senders with integration keys (in the path, a Bearer token, a
     * basic-auth password or PagerDuty's routing_key), not with user sessions or tokens; the intake
     * controllers check the key before anything is stored. Heartbeat pings carry their monitor's secret.
     */
    public static final String[] INTAKE = {
        "/api/v1/integrations/*/alertmanager",
        "/api/v1/integrations/*/generic",
        "/v2/enqueue",
        "/v2/change/enqueue",
        "/api/v1/heartbeats/*/ping"
    };

    @Bean
    @Order(0)
    SecurityFilterChain intake(HttpSecurity http) throws Exception {
        // Nothing here logs in, logs out or asks who the user is: those filters only cost the
        // busiest endpoints time.
        http.securityMatcher(INTAKE)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(api -> api.disable())
                .headers(SecurityConfiguration::noReferrer)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    /**
     * Alertmanager's API v2 for amtool and Grafana: a user's API token as Bearer (or as the
     * password of basic auth, which some data sources only offer); {@code GET /api/v2/alerts} also
     * takes a Prometheus integration's key, which its controller checks. Health is public.
     */
    @Bean
    @Order(1)
    SecurityFilterChain alertmanager(HttpSecurity http, ApiTokens tokens, ProblemWriter problems) throws Exception {
        http.securityMatcher("/api/v2/**", "/-/healthy", "/-/ready")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .headers(SecurityConfiguration::noReferrer)
                .addFilterBefore(
                        new ApiTokenAuthenticationFilter(tokens, problems, true), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers("/-/healthy", "/-/ready", "/api/v2/alerts")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v2/**")
                        .hasRole("VIEWER")
                        .requestMatchers(HttpMethod.HEAD, "/api/v2/**")
                        .hasRole("VIEWER")
                        .anyRequest()
                        .hasRole("RESPONDER"))
                .exceptionHandling(e -> tokenProblems(e, problems));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemWriter problems) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(SecurityConfiguration::noReferrer)
                .addFilterBefore(
                        new ApiTokenAuthenticationFilter(tokens, problems, false), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // An event stream's end dispatches again asynchronously with no token: the
                        // request that opened it was authorized, and this only completes its response.
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasRole("VIEWER")
                        .requestMatchers(HttpMethod.HEAD, "/api/**")
                        .hasRole("VIEWER")
                        // Every person manages their own tokens, whatever their role.
                        .requestMatchers("/api/v1/me/**")
                        .hasRole("VIEWER")
                        // Everybody edits their own profile and contact methods; the controller
                        // refuses anybody else's unless the caller is an admin.
                        .requestMatchers(HttpMethod.PATCH, "/api/v1/users/*")
                        .hasRole("VIEWER")
                        .requestMatchers("/api/v1/users/*/contact-methods", "/api/v1/users/*/contact-methods/*")
                        .hasRole("VIEWER")
                        .anyRequest()
                        .hasRole("RESPONDER"))
                .exceptionHandling(e -> tokenProblems(e, problems));
        return http.build();
    }

    /**
     * Acknowledge / resolve links in pages: the signed single-use token in the path is the
     * credential, so no login, no session and no CSRF token (no cookie carries authority here for
     * another site to ride on). GET only shows a confirm page; the POST comes from its form, or from an
     * app without a browser (ntfy's {@code http} action).
     */
    @Bean
    @Order(3)
    SecurityFilterChain actionLinkChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/act/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .headers(headers -> headers.referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self';"
                                + " style-src 'self'; script-src 'none'; frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    /**
     * Public status pages ({@code /status/{slug}}, its Statuspage.io-shaped JSON, feed, subscribe,
     * confirm and unsubscribe): for anybody, no login, no session, no CSRF token, since nothing
     * here acts with a user's authority (confirm and unsubscribe links carry their own token). A
     * page for the public runs no script.
     */
    @Bean
    @Order(4)
    SecurityFilterChain statusPageChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/status/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(
                        new org.springframework.security.web.context.RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .headers(headers -> headers.referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self';"
                                + " style-src 'self'; script-src 'none'; frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain ui(HttpSecurity http, LoginThrottle throttle, SecurityAudit audit) throws Exception {
        LoginGuard guard = new LoginGuard(throttle, audit);
        http.addFilterBefore(guard, UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/**")
                        .hasRole("VIEWER")
                        .requestMatchers("/account/**", "/logout")
                        .hasRole("VIEWER")
                        .anyRequest()
                        .hasRole("RESPONDER"))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(guard.successHandler())
                        .failureHandler(guard))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // Incident and runbook URLs name systems and people: links out of the UI (a runbook's
                // dashboards, a chat thread) get no Referer; Firebreak's own pages still do.
                .headers(headers -> headers.referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                                        + " script-src 'self'; frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    /** 401 with WWW-Authenticate and 403, as problem+json (the Alertmanager chain's are rewritten later). */
    private static void tokenProblems(
            org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer<HttpSecurity>
                    handling,
            ProblemWriter problems) {
        handling.authenticationEntryPoint((request, response, ex) -> {
                    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                    problems.write(
                            response,
                            ProblemWriter.problem(
                                    HttpStatus.UNAUTHORIZED,
                                    "authentication required: send 'Authorization: Bearer <API token>'",
                                    request.getRequestURI()));
                })
                .accessDeniedHandler((request, response, ex) -> problems.write(
                        response,
                        ProblemWriter.problem(
                                HttpStatus.FORBIDDEN,
                                "your role does not allow this action",
                                request.getRequestURI())));
    }

    /** Machine answers never need to tell a third party where a link was followed from. */
    private static void noReferrer(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER));
    }

    /**
     * No observation around every security filter and authorization check: on the alert intake
     * those cost more CPU than the intake itself, and http.server.requests already times each
     * request. Logins are still observed.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveRequests(false)
                .shouldObserveAuthorizations(false)
                .build();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role("ADMIN")
                .implies("RESPONDER")
                .role("RESPONDER")
                .implies("VIEWER")
                .build();
    }

    /**
     * Only {@code @PreAuthorize}, the one method-security annotation the code uses: each advisor is
     * matched against every method of every bean at start, and the default four cost ~0.1 s of it.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor preAuthorize() {
        DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
        // Its own copy of the hierarchy: injecting the bean would create it before the
        // post-processors that every ordinary bean gets (Spring warns about exactly that).
        expressions.setRoleHierarchy(roleHierarchy());
        PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();
        manager.setExpressionHandler(expressions);
        return AuthorizationManagerBeforeMethodInterceptor.preAuthorize(manager);
    }
}
