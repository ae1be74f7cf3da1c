package com.switchboard.tenancy;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands page handlers their {@link Acting} customer, so that none of them looks it up itself, and keeps
 * every {@link ProviderOnly} handler to provider admins, so that none of them checks the role itself.
 */
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
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                // Thrown before the handler runs, the refusal still goes through the controllers' advice.
                if (handler instanceof HandlerMethod method && providerOnly(method)) {
                    scope.requireProvider();
                }
                return true;
            }
        });
    }

    private static boolean providerOnly(HandlerMethod method) {
        return method.hasMethodAnnotation(ProviderOnly.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ProviderOnly.class);
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
