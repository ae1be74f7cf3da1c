package com.switchboard.audit;

import com.switchboard.tenancy.CurrentAdmin;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes who did what to which object. It joins the caller's transaction, so that a change and its
 * audit event are committed, or rolled back, together.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final CustomerScope scope;

    AuditLog(JdbcClient jdbc, CustomerScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(CustomerId customerId, String action, String objectType, Object objectId, String summary) {
        CurrentAdmin admin = scope.currentIfAny().orElse(null);
        jdbc.sql("""
                insert into audit_event (customer_id, actor_id, actor_email, action, object_type, object_id, summary, remote_addr)
                values (:customerId, :actorId, :actorEmail, :action, :objectType, :objectId, :summary, :remoteAddr)
                """)
                .param("customerId", customerId == null ? null : customerId.value())
                .param("actorId", admin == null ? null : admin.id())
                .param("actorEmail", admin == null ? "system" : admin.email())
                .param("action", action)
                .param("objectType", objectType)
                .param("objectId", objectId == null ? null : objectId.toString())
                .param("summary", summary == null || summary.length() <= 500 ? summary : summary.substring(0, 500))
                .param("remoteAddr", remoteAddress())
                .update();
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
