package com.switchboard.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

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
