package nl.steunpunt.buddy.matching;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The places (woonplaatsen) with their centre, for the distance criterion. */
@Component
class Places {

    private final JdbcClient db;

    Places(JdbcClient db) {
        this.db = db;
    }

    Optional<GeoPoint> find(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return db.sql("SELECT latitude, longitude FROM place WHERE name = ?").param(name.trim())
                .query((rs, n) -> new GeoPoint(rs.getDouble(1), rs.getDouble(2))).optional();
    }

    List<String> names() {
        return db.sql("SELECT name FROM place ORDER BY name").query(String.class).list();
    }
}
