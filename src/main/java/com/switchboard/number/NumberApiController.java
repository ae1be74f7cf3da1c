package com.switchboard.number;

import java.net.URI;
import java.util.List;

import com.switchboard.rules.MalformedInput;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers/{customerId}/numbers")
@Tag(name = "Numbers")
class NumberApiController {

    private final Numbers numbers;
    private final CustomerScope scope;

    NumberApiController(Numbers numbers, CustomerScope scope) {
        this.numbers = numbers;
        this.scope = scope;
    }

    /** One number {@code {e164, siteId}}, or a range {@code {from, to, siteId}} where {@code to} may be the last digits. */
    record AddRequest(String e164, String from, String to, Long siteId) {
    }

    record PageBody(List<NumberBody> items, int page, int size, long totalItems) {
    }

    @GetMapping
    PageBody list(@PathVariable long customerId, @RequestParam(required = false) Long siteId,
                  @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        CustomerId customer = scope.require(customerId);
        Numbers.NumberPage result = numbers.search(customer, NumberQuery.of(siteId, status, q, page, size));
        return new PageBody(result.items().stream().map(NumberBody::of).toList(), result.page(), result.size(),
                result.totalItems());
    }

    /** One number answers as GET one; a range answers with the list of added numbers. */
    @PostMapping
    ResponseEntity<?> add(@PathVariable long customerId, @RequestBody AddRequest body) {
        CustomerId customer = scope.require(customerId);
        if (body.e164() != null && (body.from() != null || body.to() != null)) {
            throw MalformedInput.field("e164", "number.one-or-range");
        }
        if (body.e164() != null || body.to() == null) {
            NumberView added = numbers.add(customer, body.siteId(), body.e164() != null ? body.e164() : body.from());
            return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/numbers/" + added.id()))
                    .body(NumberBody.of(added));
        }
        List<NumberView> added = numbers.addRange(customer, body.siteId(), body.from(), body.to());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new PageBody(added.stream().map(NumberBody::of).toList(), 0, added.size(), added.size()));
    }

    @GetMapping("/{numberId}")
    NumberBody one(@PathVariable long customerId, @PathVariable long numberId) {
        return NumberBody.of(numbers.get(scope.require(customerId), new NumberId(numberId)));
    }

    @DeleteMapping("/{numberId}")
    ResponseEntity<Void> delete(@PathVariable long customerId, @PathVariable long numberId) {
        numbers.remove(scope.require(customerId), new NumberId(numberId));
        return ResponseEntity.noContent().build();
    }
}
