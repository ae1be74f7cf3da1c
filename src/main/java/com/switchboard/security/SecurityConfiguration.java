package com.switchboard.security;

import java.util.Locale;

import com.switchboard.web.DatabaseUnavailable;
import com.switchboard.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Three doors: the token endpoint (HTTP Basic or a token), the rest of the API (a token only,
 * no session, no CSRF), and the pages (form sign-in, a session stored in PostgreSQL, CSRF).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(AdminAccountRepository accounts) {
        return email -> accounts.findForSignIn(email).orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
    }

    /** A request the firewall refuses (an encoded slash, a forbidden character): a 400, a problem for the API. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(Problems problems, LocaleResolver locales) {
        return (request, response, e) -> {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                problems.write(response, HttpStatus.BAD_REQUEST, "request.rejected", locales.resolveLocale(request));
            } else {
                response.sendError(HttpStatus.BAD_REQUEST.value());
            }
        };
    }

    @Bean
    ApiEntryPoint apiEntryPoint(Problems problems, LocaleResolver locales) {
        return new ApiEntryPoint(problems, locales);
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenEndpoint(HttpSecurity http, AuthenticationManager manager, ApiTokens tokens,
                                      ApiEntryPoint entryPoint) throws Exception {
        return api(http.securityMatcher("/api/v1/tokens", "/api/v1/tokens/**"), tokens, entryPoint)
                .authenticationManager(manager)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .build();
    }

    /** What phones fetch: no sign-in, no session, no CSRF; the endpoint sets its own caching headers. */
    @Bean
    @Order(0)
    SecurityFilterChain phoneProvisioning(HttpSecurity http) throws Exception {
        // Only what is below /provisioning/: the Provisioning page itself (/provisioning) needs a sign-in.
        return http.securityMatcher(request -> request.getRequestURI().startsWith(request.getContextPath() + "/provisioning/"))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .headers(h -> h.cacheControl(cache -> cache.disable()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiCalls(HttpSecurity http, ApiTokens tokens, ApiEntryPoint entryPoint) throws Exception {
        return api(http.securityMatcher("/api/**"), tokens, entryPoint).build();
    }

    private static HttpSecurity api(HttpSecurity http, ApiTokens tokens, ApiEntryPoint entryPoint) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .headers(SecurityConfiguration::privacyHeaders)
                .addFilterBefore(new BearerTokenFilter(tokens, entryPoint), BasicAuthenticationFilter.class);
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager manager, TwoFactorSignIn twoFactor) throws Exception {
        return http
                .authenticationManager(manager)
                .securityContext(context -> context.securityContextRepository(twoFactor.contexts()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/login/code", "/login/enrol", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/language").permitAll()
                        .requestMatchers("/actuator/**").hasRole("PROVIDER_ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        // With a second factor, the right password leads to the code (or enrolment) step.
                        .successHandler(twoFactor)
                        .failureHandler((request, response, exception) -> {
                            if (DatabaseUnavailable.causedBy(exception)) {
                                // Not "wrong password": the outermost filter answers "try again in a moment".
                                throw new jakarta.servlet.ServletException(exception);
                            }
                            response.sendRedirect(
                                request.getContextPath() + (exception instanceof ThrottledAuthenticationProvider.SignInThrottled
                                        ? "/login?throttled" : "/login?error"));
                        }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                // An htmx request of an expired session would swap the sign-in page into a form: send the whole page there.
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor((request, response, exception) -> {
                    response.setHeader("HX-Redirect", request.getContextPath() + "/login");
                    response.setStatus(HttpStatus.UNAUTHORIZED.value());
                }, request -> request.getHeader("HX-Request") != null))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                // An anonymous visitor gets no session row: the CSRF token and the page asked for travel in cookies.
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
                .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
                .headers(h -> privacyHeaders(h).contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'")))
                .build();
    }

    /**
     * No full address of a page leaves for another site, and the browser features the portal never
     * uses are turned off. HSTS is Spring Security's default, sent on HTTPS only (behind a TLS proxy,
     * from X-Forwarded-Proto).
     */
    private static HeadersConfigurer<HttpSecurity> privacyHeaders(HeadersConfigurer<HttpSecurity> headers) {
        return headers
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"));
    }

    /** 401 and 403 of the API, and 429 after too many failed sign-ins, as problem details. */
    static final class ApiEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {
        private final Problems problems;
        private final LocaleResolver locales;

        ApiEntryPoint(Problems problems, LocaleResolver locales) {
            this.problems = problems;
            this.locales = locales;
        }

        @Override
        public void commence(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                             org.springframework.security.core.AuthenticationException e) throws java.io.IOException {
            Locale locale = locales.resolveLocale(request);
            if (DatabaseUnavailable.causedBy(e)) {
                response.setHeader("Retry-After", Long.toString(DatabaseUnavailable.RETRY_AFTER.toSeconds()));
                problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "database.unavailable", locale);
                return;
            }
            if (e instanceof ThrottledAuthenticationProvider.SignInThrottled throttled) {
                response.setHeader("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
                problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "security.throttled", locale);
                return;
            }
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(response, HttpStatus.UNAUTHORIZED,
                    e instanceof BearerTokenFilter.InvalidToken ? "security.token.invalid" : "security.unauthenticated", locale);
        }

        @Override
        public void handle(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                           org.springframework.security.access.AccessDeniedException e) throws java.io.IOException {
            problems.write(response, HttpStatus.FORBIDDEN, "security.forbidden", locales.resolveLocale(request));
        }
    }
}
