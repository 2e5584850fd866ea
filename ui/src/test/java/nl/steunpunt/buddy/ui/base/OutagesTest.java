package nl.steunpunt.buddy.ui.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

import nl.steunpunt.buddy.shared.InvalidInputException;

class OutagesTest {

    @Test
    void a_pool_that_cannot_get_a_connection_is_an_outage() {
        assertThat(Outages.databaseUnreachable(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms")))).isTrue();
    }

    @Test
    void a_server_shutting_down_mid_statement_is_an_outage() {
        SQLException shutdown = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        assertThat(Outages.databaseUnreachable(new JpaSystemException(new RuntimeException("could not execute statement", shutdown))))
                .isTrue();
        assertThat(Outages.databaseUnreachable(new RuntimeException(new SQLException("An I/O error occurred", "08006")))).isTrue();
        assertThat(Outages.databaseUnreachable(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void a_constraint_violation_or_bad_input_is_not_an_outage() {
        assertThat(Outages.databaseUnreachable(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(Outages.databaseUnreachable(new InvalidInputException("error.mail.recipient.invalid"))).isFalse();
        assertThat(Outages.databaseUnreachable(null)).isFalse();
    }
}
