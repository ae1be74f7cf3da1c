package com.switchboard.tenancy;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Hands page handlers their {@link Acting} customer, so that none of them looks it up itself. */
@Configuration(proxyBeanMethods = false)
class ActingCustomerResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final CustomerScope scope;

    ActingCustomerResolver(CustomerScope scope) {
        this.scope = scope;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(Acting.class) && parameter.getParameterType() == CustomerId.class;
    }

    @Override
    public CustomerId resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                      NativeWebRequest request,
                                      WebDataBinderFactory binders) {
        HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
        return scope.requireActing(http == null ? null : http.getSession(false));
    }
}
