package com.switchboard.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.thymeleaf.ITemplateEngine;

/** French or English: from the remembered choice, else the browser's Accept-Language. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("switchboard-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(WebConfiguration::fromAcceptLanguage);
        return resolver;
    }

    static Locale fromAcceptLanguage(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Locale.ENGLISH;
        }
        var locales = request.getLocales();
        while (locales.hasMoreElements()) {
            Locale locale = locales.nextElement();
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(locale.getLanguage())) {
                    return supported;
                }
            }
        }
        return Locale.ENGLISH;
    }

    /** Before every other filter, the session's included: a failing database answers 503, not 500. */
    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(Problems problems, LocaleResolver locales,
                                                                                 ITemplateEngine templates) {
        FilterRegistrationBean<DatabaseUnavailableFilter> registration =
                new FilterRegistrationBean<>(new DatabaseUnavailableFilter(problems, locales, templates));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Right behind it: hostile input refused before it reaches a controller or the database. */
    @Bean
    FilterRegistrationBean<RequestLimitsFilter> requestLimitsFilter(Problems problems, LocaleResolver locales,
            @Value("${switchboard.request.max-query-length:4096}") int maxQueryLength,
            @Value("${switchboard.request.max-json-size:1MB}") DataSize maxJsonSize) {
        FilterRegistrationBean<RequestLimitsFilter> registration = new FilterRegistrationBean<>(
                new RequestLimitsFilter(problems, locales, maxQueryLength, maxJsonSize.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Heavy requests (CSV downloads, uploads) limited per customer and per caller, and all of them to
     * the pool less its headroom for sign-ins and pages. Before the security filters: a refusal costs
     * no database work.
     */
    @Bean
    FilterRegistrationBean<HeavyRequestLimiter> heavyRequestLimiter(Problems problems, LocaleResolver locales,
            JdbcTemplate jdbc, PlatformTransactionManager transactions,
            @Value("${switchboard.heavy-requests.per-customer:4}") int perCustomer,
            @Value("${switchboard.heavy-requests.per-caller:2}") int perCaller,
            @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize,
            @Value("${switchboard.heavy-requests.pool-headroom:4}") int headroom) {
        FilterRegistrationBean<HeavyRequestLimiter> registration = new FilterRegistrationBean<>(
                new HeavyRequestLimiter(problems, locales, new HeavyRequestLeases(jdbc, new TransactionTemplate(transactions)),
                        perCustomer, perCaller, poolSize - headroom));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Every JSON text value is checked for control characters (a NUL would reach PostgreSQL and fail there). */
    @Bean
    SimpleModule cleanTextModule() {
        SimpleModule module = new SimpleModule("clean-text");
        module.addDeserializer(String.class, new CleanStringDeserializer());
        return module;
    }

    /** A JSON string with a control character is refused as a value of the wrong kind, naming its field. */
    static final class CleanStringDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (!CleanText.isClean(value)) {
                return (String) context.handleWeirdStringValue(String.class, "control character", "control character");
            }
            return value;
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(new SupportedLanguagesOnly(change)).excludePathPatterns("/api/**");
    }

    /** Lets only {@code en} and {@code fr} through to the locale change. */
    private record SupportedLanguagesOnly(LocaleChangeInterceptor delegate) implements org.springframework.web.servlet.HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Object handler)
                throws jakarta.servlet.ServletException {
            String lang = request.getParameter("lang");
            if ("en".equals(lang) || "fr".equals(lang)) {
                return delegate.preHandle(request, response, handler);
            }
            return true;
        }
    }
}
