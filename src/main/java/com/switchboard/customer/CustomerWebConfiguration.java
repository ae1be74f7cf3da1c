package com.switchboard.customer;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class CustomerWebConfiguration implements WebMvcConfigurer {

    private final LayoutModel layout;

    CustomerWebConfiguration(LayoutModel layout) {
        this.layout = layout;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(layout).excludePathPatterns("/api/**", "/webjars/**", "/css/**", "/js/**");
    }
}
