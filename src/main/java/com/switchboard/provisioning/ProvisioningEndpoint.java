package com.switchboard.provisioning;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /provisioning/{customerKey}/{file}}: what phones fetch, without sign-in. Any other
 * shape under /provisioning answers the same 404 as a miss; the uploads phones try (logs, settings
 * changed on the phone) are refused with 403 and an empty body, without logging.
 */
@RestController
@RequestMapping("/provisioning")
class ProvisioningEndpoint {

    private final PhoneFiles files;

    ProvisioningEndpoint(PhoneFiles files) {
        this.files = files;
    }

    @GetMapping("/{customerKey}/{file:.+}")
    ResponseEntity<String> fetch(@PathVariable String customerKey, @PathVariable String file, HttpServletRequest request) {
        PhoneFiles.Answer answer = files.fetch(customerKey, file, request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
        return respond(answer, request.getHeader(HttpHeaders.IF_NONE_MATCH));
    }

    @GetMapping("/**")
    ResponseEntity<String> otherShape(HttpServletRequest request) {
        return respond(files.fetch(null, null, request.getRemoteAddr(), null), null);
    }

    @RequestMapping(value = "/**", method = {RequestMethod.PUT, RequestMethod.POST, RequestMethod.DELETE, RequestMethod.PATCH})
    ResponseEntity<Void> upload() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static ResponseEntity<String> respond(PhoneFiles.Answer answer, String ifNoneMatch) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(answer.status())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (answer.retryAfterSeconds() > 0) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(answer.retryAfterSeconds()));
        }
        if (answer.etag() != null) {
            builder.eTag(answer.etag());
            if (answer.etag().equals(ifNoneMatch)) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .eTag(answer.etag()).build();
            }
        }
        return builder.contentType(MediaType.parseMediaType(answer.contentType())).body(answer.body());
    }
}
