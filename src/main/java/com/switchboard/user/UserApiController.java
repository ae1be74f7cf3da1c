package com.switchboard.user;

import java.net.URI;
import java.util.List;

import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers/{customerId}/users")
@Tag(name = "Users")
class UserApiController {

    private final Users users;
    private final CustomerScope scope;

    UserApiController(Users users, CustomerScope scope) {
        this.users = users;
        this.scope = scope;
    }

    record PageBody(List<UserBody> items, int page, int size, long totalItems) {
    }

    @GetMapping
    PageBody list(@PathVariable long customerId, @RequestParam(required = false) String q,
                  @RequestParam(required = false) Long siteId, @RequestParam(required = false) String sort,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        CustomerId customer = scope.require(customerId);
        Users.UserPage result = users.search(customer, UserQuery.of(q, siteId, sort, page, size));
        return new PageBody(result.items().stream().map(UserBody::of).toList(), result.page(), result.size(),
                result.totalItems());
    }

    @PostMapping
    ResponseEntity<UserBody> add(@PathVariable long customerId, @RequestBody UserRequest body) {
        CustomerId customer = scope.require(customerId);
        UserView user = users.add(customer, body.details());
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/users/" + user.id()))
                .body(UserBody.of(user));
    }
}
