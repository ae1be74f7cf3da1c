package com.switchboard.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.switchboard.rules.MalformedInput;
import org.junit.jupiter.api.Test;

/** The users' list sorts as the devices' does: a column, descending with a minus sign. */
class UserQueryTest {

    @Test
    void readsAMinusSignAsDescending() {
        UserQuery query = UserQuery.of(null, null, "-extension", 0, 25);
        assertThat(query.sort()).isEqualTo(UserQuery.Sort.EXTENSION);
        assertThat(query.descending()).isTrue();
        assertThat(query.sortParameter()).isEqualTo("-extension");
    }

    @Test
    void sortsByNameAscendingByDefault() {
        UserQuery query = UserQuery.of(null, null, null, 0, 25);
        assertThat(query.sort()).isEqualTo(UserQuery.Sort.NAME);
        assertThat(query.descending()).isFalse();
        assertThat(query.sortParameter()).isEqualTo("name");
    }

    @Test
    void aHeadingTurnsItsOwnAscendingSortDescendingAndStartsAnotherAscending() {
        UserQuery byName = UserQuery.of(null, null, "name", 0, 25);
        assertThat(byName.sortParameter("name")).isEqualTo("-name");
        assertThat(byName.sortParameter("email")).isEqualTo("email");
        assertThat(UserQuery.of(null, null, "-name", 0, 25).sortParameter("name")).isEqualTo("name");
    }

    @Test
    void rejectsAnUnknownColumn() {
        assertThatThrownBy(() -> UserQuery.of(null, null, "-salary", 0, 25)).isInstanceOf(MalformedInput.class);
        assertThatThrownBy(() -> UserQuery.of(null, null, "name,desc", 0, 25)).isInstanceOf(MalformedInput.class);
    }
}
